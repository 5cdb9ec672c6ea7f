import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { createCore, type Core } from '../../../src-main/core'
import { silentLogger } from '../../../src-main/logger'
import { createLiveHub, type LiveHub } from '../../../src-main/services/live/live-events'
import type { LiveEvent } from '../../../src-main/shared/api/lan'
import { createDeviceTracker } from '../../../src-main/transport/devices'
import { NO_LAN_SESSION, officeCookieName, startHttpServer, type HttpHost } from '../../../src-main/transport/http'
import { lanInterfaces } from '../../../src-main/transport/lan-listener'
import { RESOURCES, ok, tempDir } from '../../utils/core'
import { openScoringSession } from '../sessions/helpers'

const TOKEN = 'office-token-0123456789abcdefghijklmnopqrstuv'

function post(port: number, path: string, body: unknown, headers: Record<string, string> = {}, address = '127.0.0.1', method = 'POST'): Promise<{ status: number; body: string; cookie: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port, method, path, headers: { 'Content-Type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), cookie: res.headers['set-cookie']?.[0] }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? JSON.stringify(body) : undefined)
  })
}

/** Opens `GET /events` and collects the events until `stop()`; resolves once the `hello` arrived. */
function listen(port: number, headers: Record<string, string>): Promise<{ status: number; events: LiveEvent[]; stop(): void }> {
  return new Promise((resolve, reject) => {
    const events: LiveEvent[] = []
    const req = request({ host: '127.0.0.1', port, method: 'GET', path: '/events', headers }, (res) => {
      if (res.statusCode !== 200) {
        res.resume()
        return resolve({ status: res.statusCode ?? 0, events, stop: () => req.destroy() })
      }
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        buf += c
        let i: number
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (!data) continue
          const e = JSON.parse(data.slice(6)) as LiveEvent
          events.push(e)
          if (e.kind === 'hello') resolve({ status: 200, events, stop: () => req.destroy() })
        }
      })
    })
    req.on('error', (err) => (events.length ? undefined : reject(err)))
    req.end()
  })
}

const until = async (cond: () => boolean): Promise<void> => {
  for (let i = 0; i < 100 && !cond(); i++) await new Promise((r) => setTimeout(r, 10))
}

describe('LAN mode pieces over loopback HTTP', () => {
  let core: Core
  let live: LiveHub
  let host: HttpHost
  // openScoringSession seeds a council and a round: one core per test.
  beforeEach(async () => {
    live = createLiveHub()
    core = await createCore({ dataDir: tempDir(), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger, live })
    const staticDir = join(tempDir(), 'renderer')
    mkdirSync(staticDir, { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html>')
    host = await startHttpServer({ registry: core.registry, members: core.members, staticDir, token: TOKEN, log: silentLogger, live })
  })
  afterEach(async () => {
    await host.close()
    core.close()
  })

  it('streams a member only the events of their own session, and the office every event', async () => {
    const s = await openScoringSession(core, { products: 1 })
    const other = { sessionId: s.sessionId + 1000 }
    const office = { Authorization: `Bearer ${TOKEN}` }
    const issued = JSON.parse((await post(host.port, '/api/joinCodes.issue', { sessionId: s.sessionId, memberId: s.members[0]!.id }, office)).body).value as { code: string }
    const joined = await post(host.port, '/auth/join', { code: issued.code })
    expect(joined.cookie).toMatch(/HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/)
    const cookie = joined.cookie!.split(';')[0]!

    expect((await listen(host.port, {})).status).toBe(401)
    const member = await listen(host.port, { Cookie: cookie })
    const desk = await listen(host.port, { Cookie: `${officeCookieName(host.port)}=${TOKEN}` })
    expect(member.events[0]).toMatchObject({ kind: 'hello', sessionId: s.sessionId })

    live.events.emit({ kind: 'status', sessionId: other.sessionId, status: 'review' })
    live.events.emit({ kind: 'status', sessionId: s.sessionId, status: 'review' })
    await until(() => member.events.length >= 2 && desk.events.length >= 3)
    expect(member.events.map((e) => e.sessionId)).toEqual([s.sessionId, s.sessionId])
    expect(desk.events.filter((e) => e.kind === 'status').map((e) => e.sessionId)).toEqual([other.sessionId, s.sessionId])
    // The office sees the member's device, with its stream open.
    const state = await ok(core, 'lan.status', {})
    expect(state).toMatchObject({ available: true, open: false, url: null })
    expect(state.connections).toEqual([expect.objectContaining({ memberId: s.members[0]!.id, address: '127.0.0.1', live: true })])
    member.stop()
    desk.stop()
    await until(() => live.events.size === 1)
    expect((await ok(core, 'lan.status', {})).connections[0]!.live).toBe(false)
  })

  it('emits "status" after a status change commits, and refuses an address that is not this machine', async () => {
    const seen: LiveEvent[] = []
    const off = live.events.subscribe((e) => seen.push(e))
    const s = await openScoringSession(core, { products: 1 })
    off()
    expect(seen.filter((e) => e.sessionId === s.sessionId).map((e) => e.status)).toEqual(['open', 'scoring'])
    const r = await core.registry.dispatch('lan.open', { sessionId: s.sessionId, address: '203.0.113.7' }, { actor: { kind: 'local' }, requestId: 't' })
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const member = await core.registry.dispatch('lan.status', {}, { actor: { kind: 'member', memberId: s.members[0]!.id }, requestId: 't' })
    expect(member).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  // A real interface of this machine (not loopback): requests to it arrive on the LAN listener, as from a tablet.
  const nic = lanInterfaces()[0]?.address
  it.skipIf(!nic)('--lan alone serves no session: the join screen says so and no code is spent until the secretary opens one', async () => {
    const s = await openScoringSession(core, { products: 1 })
    const office = { Authorization: `Bearer ${TOKEN}` }
    const code = (memberId: number) => post(host.port, '/api/joinCodes.issue', { sessionId: s.sessionId, memberId }, office).then((r) => (JSON.parse(r.body).value as { code: string }).code)
    const lan = await host.lan.open(null, nic!)
    const port = Number(new URL(lan.url!).port)
    const first = await code(s.members[0]!.id)

    expect(JSON.parse((await post(port, '/join/status', null, {}, nic, 'GET')).body)).toEqual({ open: false, message: NO_LAN_SESSION })
    const early = await post(port, '/join', { code: first }, {}, nic)
    expect([early.status, JSON.parse(early.body).error.message]).toEqual([409, NO_LAN_SESSION])
    // On the office machine nothing changes: loopback joins are not LAN joins.
    expect(JSON.parse((await post(host.port, '/join/status', null, {}, '127.0.0.1', 'GET')).body)).toEqual({ open: true })

    // The secretary opens this session for the LAN (same address: the listener stays, the session is set).
    await ok(core, 'lan.open', { sessionId: s.sessionId, address: nic! })
    expect(JSON.parse((await post(port, '/join/status', null, {}, nic, 'GET')).body)).toEqual({ open: true })
    const joined = await post(port, '/join', { code: first }, {}, nic)
    expect(joined.status).toBe(200)
    const cookie = joined.cookie!.split(';')[0]!
    expect((await post(port, '/api/sessions.me', {}, { Cookie: cookie }, nic)).status).toBe(200)

    // Opened again without a session (as `--lan` at start): that member's device is refused on the LAN, in Vietnamese.
    await host.lan.open(null, nic!)
    const refused = await post(port, '/api/sessions.me', {}, { Cookie: cookie }, nic)
    expect([refused.status, JSON.parse(refused.body).error.message]).toEqual([403, NO_LAN_SESSION])
    expect((await post(host.port, '/api/sessions.me', {}, { Cookie: cookie })).status).toBe(200)
  })

  it('lays out one join slip per scoring member: code, address with the code in the fragment, QR code, A4 PDF', async () => {
    const s = await openScoringSession(core, { products: 1, councilSize: 5 })
    const out = await ok(core, 'joinCodes.slips', { sessionId: s.sessionId })
    const session = await ok(core, 'sessions.get', { id: s.sessionId })
    expect(out.slips.map((x) => x.memberId)).toEqual(session.members.filter((m) => m.scores).map((m) => m.id))
    for (const slip of out.slips) {
      expect(slip.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/)
      expect(slip.url).toBe(`http://127.0.0.1:${host.port}/#join=${slip.code}`)
      expect(Buffer.from(slip.qrDataUrl.split(',')[1]!, 'base64').toString()).toContain('<svg')
    }
    const pdf = Buffer.from(out.base64, 'base64')
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const pages = pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length
    expect(pages).toBe(Math.ceil(out.slips.length / 4))
    // Every slip's code now joins (one transaction issued them all).
    const joined = await post(host.port, '/auth/join', { code: out.slips.at(-1)!.code })
    expect(joined.status).toBe(200)
  })
})

describe('device tracker', () => {
  it('keeps one row per member, address and browser, newest first within a member, and marks open streams', () => {
    let t = 0
    const d = createDeviceTracker(() => new Date(Date.UTC(2026, 10, 20, 1, 0, t++)))
    d.touch(2, '10.0.0.5', 'Tablet')
    d.touch(1, '10.0.0.4', 'Laptop')
    const closed = d.stream(2, '10.0.0.6', 'Phone')
    d.touch(2, '10.0.0.5', 'Tablet')
    expect(d.list().map((x) => [x.memberId, x.address, x.live])).toEqual([[1, '10.0.0.4', false], [2, '10.0.0.5', false], [2, '10.0.0.6', true]])
    closed()
    expect(d.list().every((x) => !x.live)).toBe(true)
  })
})
