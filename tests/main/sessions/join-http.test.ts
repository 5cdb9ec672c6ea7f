import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { silentLogger } from '../../../src-main/logger'
import { startHttpServer, type HttpHost } from '../../../src-main/transport/http'
import { ok, tempDir, testCore } from '../../utils/core'
import { answersAt, openScoringSession, scoreAndSubmit } from './helpers'

const TOKEN = 'office-token-0123456789abcdefghijklmnopqrstuv'

function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}, from = '127.0.0.1'): Promise<{ status: number; body: string; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, localAddress: from, method: 'POST', path, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: res.headers['set-cookie']?.[0] }))
    })
    req.on('error', reject)
    req.end(JSON.stringify(body))
  })
}

describe('join codes over real HTTP', () => {
  it('exchanges a code for a member token that reaches only that member, rate-limits guesses, expires at finalization', async () => {
    const core = await testCore()
    const staticDir = join(tempDir(), 'renderer')
    mkdirSync(staticDir, { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
    const host: HttpHost = await startHttpServer({ registry: core.registry, members: core.members, staticDir, token: TOKEN, log: silentLogger, joinAttemptsPerMinute: 5 })
    try {
      const s = await openScoringSession(core, { products: 1 })
      const a = s.members[0]!
      const b = s.members[1]!
      const office = { Authorization: `Bearer ${TOKEN}` }
      const issued = JSON.parse((await post(host.port, '/api/joinCodes.issue', { sessionId: s.sessionId, memberId: a.id }, office)).body).value as { code: string; id: number }
      expect(issued.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
      expect(JSON.stringify(await ok(core, 'joinCodes.list', { sessionId: s.sessionId }))).not.toContain(issued.code)

      const bad = await post(host.port, '/auth/join', { code: 'AAAA-AAAA' })
      expect(bad.status).toBe(401)
      const joined = await post(host.port, '/auth/join', { code: issued.code.toLowerCase() })
      expect(joined.status).toBe(200)
      const { token, memberId } = JSON.parse(joined.body) as { token: string; memberId: number }
      expect(memberId).toBe(a.id)
      expect(joined.cookie).toMatch(new RegExp(`^ocop_member_${host.port}=.+HttpOnly; SameSite=Strict`))
      // Single use: the same code does not let a second device in.
      expect((await post(host.port, '/auth/join', { code: issued.code })).status).toBe(401)
      const member: Record<string, string> = { Authorization: `Bearer ${token}` }
      const call = async (method: string, input: unknown, headers = member) => JSON.parse((await post(host.port, `/api/${method}`, input, headers)).body) as { ok: boolean; error?: { code: string }; value?: unknown }

      // Own sheet: yes. Another member's sheet, office methods: no. The cookie alone works too.
      expect((await call('sheets.get', { sessionId: s.sessionId, productId: s.products[0], memberId: a.id })).ok).toBe(true)
      expect((await call('sheets.get', { sessionId: s.sessionId, productId: s.products[0], memberId: b.id })).error?.code).toBe('FORBIDDEN')
      expect((await call('review.matrix', { sessionId: s.sessionId })).error?.code).toBe('FORBIDDEN')
      expect((await call('joinCodes.issue', { sessionId: s.sessionId, memberId: a.id })).error?.code).toBe('FORBIDDEN')
      expect((await call('sessions.me', {}, { Cookie: `ocop_member_${host.port}=${token}` })).value).toEqual({ member: { sessionId: s.sessionId, memberId: a.id, fullName: 'Thành viên A' } })
      const saved = await call('sheets.saveAnswer', { sessionId: s.sessionId, productId: s.products[0], memberId: a.id, criterionCode: '1.1', optionId: answersAt(s.set, () => 'max')['1.1'], expectedVersion: 0 })
      expect(saved.ok).toBe(true)
      expect((await post(host.port, '/api/sessions.me', {}, { Authorization: 'Bearer forged' })).status).toBe(401)

      // Guessing is rate-limited per address: 5 failures a minute here, 2 used above (the wrong code, the reuse).
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) statuses.push((await post(host.port, '/auth/join', { code: `ZZZZ-ZZZ${i + 2}` })).status)
      expect(statuses).toEqual([401, 401, 401, 429, 429])

      // Re-issuing the member's code ends the device joined with the earlier one; the new code works once.
      const again = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: a.id })
      expect((await post(host.port, '/api/sessions.me', {}, member)).status).toBe(401)
      const aToken = core.members.exchange(again.code)!.token
      expect(core.members.resolve(aToken)).toBe(a.id)
      // Revoking the code ends the token.
      const second = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: b.id })
      await ok(core, 'joinCodes.revoke', { id: again.id })
      expect(core.members.resolve(aToken)).toBeNull()
      expect(issued.id).not.toBe(again.id)

      // Finalization ends every member token of the session.
      const bToken = core.members.exchange(second.code)!.token
      expect(core.members.resolve(bToken)).toBe(b.id)
      const high = answersAt(s.set, () => 'max')
      for (const m of s.members.filter((m) => m.role !== 'secretary')) await scoreAndSubmit(core, s.sessionId, s.products[0]!, m.id, high)
      await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
      await ok(core, 'sessions.finalize', { id: s.sessionId })
      expect(core.members.resolve(bToken)).toBeNull()
      expect(core.members.exchange(second.code)).toBeNull()
    } finally {
      await host.close()
      core.close()
    }
  })

  it('counts failures only, per address and per code tried: members joining from one address are never locked out', async () => {
    const core = await testCore()
    const staticDir = join(tempDir(), 'renderer')
    mkdirSync(staticDir, { recursive: true })
    const host: HttpHost = await startHttpServer({ registry: core.registry, members: core.members, staticDir, token: TOKEN, log: silentLogger, joinAttemptsPerMinute: 3 })
    try {
      const s = await openScoringSession(core, { products: 1 })
      // Six members join from the same address (one access point): successes cost nothing.
      for (const m of s.members.slice(0, 6)) {
        const { code } = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: m.id })
        expect((await post(host.port, '/auth/join', { code })).status).toBe(200)
      }
      // One code tried from three addresses is blocked for everyone, while other codes from a fresh address are not.
      expect((await post(host.port, '/auth/join', { code: 'ZZZZ-ZZZZ' }, {}, '127.0.0.2')).status).toBe(401)
      expect((await post(host.port, '/auth/join', { code: 'zzzz zzzz' }, {}, '127.0.0.2')).status).toBe(401)
      expect((await post(host.port, '/auth/join', { code: 'ZZZZ-ZZZZ' }, {}, '127.0.0.3')).status).toBe(401)
      const blocked = await post(host.port, '/auth/join', { code: 'ZZZZ-ZZZZ' }, {}, '127.0.0.4')
      expect(blocked.status).toBe(429)
      expect(JSON.parse(blocked.body)).toMatchObject({ ok: false, error: { message: 'Thử quá nhiều lần, vui lòng đợi rồi thử lại' } })
      expect((await post(host.port, '/auth/join', { code: 'YYYY-YYYY' }, {}, '127.0.0.4')).status).toBe(401)
      // 127.0.0.2 has used its 2 + the first address none: a third failure from .2 blocks .2 only.
      expect((await post(host.port, '/auth/join', { code: 'XXXX-XXXX' }, {}, '127.0.0.2')).status).toBe(401)
      expect((await post(host.port, '/auth/join', { code: 'WWWW-WWWW' }, {}, '127.0.0.2')).status).toBe(429)
      expect((await post(host.port, '/auth/join', { code: 'WWWW-WWWW' })).status).toBe(401)
    } finally {
      await host.close()
      core.close()
    }
  })
})
