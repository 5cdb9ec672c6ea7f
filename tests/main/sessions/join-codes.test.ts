import { createFailureLimiter } from '../../../src-main/transport/rate-limit'
import { ok, testCore } from '../../utils/core'
import { answersAt, openScoringSession, scoreAndSubmit } from './helpers'

describe('join codes: single use, re-issue revokes, tokens end with the session', () => {
  it('lets a code in once; a second device with the same code is refused; the first device keeps working', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const a = s.members[0]!
      const { code } = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: a.id })
      // A join from the LAN open for another session is refused and leaves the code unused.
      expect(core.members.exchange(code, s.sessionId + 1)).toBeNull()
      const first = core.members.exchange(code, s.sessionId)
      expect(first).toMatchObject({ memberId: a.id, sessionId: s.sessionId })
      expect(core.members.resolveSeat(first!.token)).toEqual({ memberId: a.id, sessionId: s.sessionId })
      expect(core.members.exchange(code)).toBeNull()
      expect(core.members.exchange(code.toLowerCase().replace('-', ' '))).toBeNull()
      expect(core.members.resolve(first!.token)).toBe(a.id)
      const listed = (await ok(core, 'joinCodes.list', { sessionId: s.sessionId }))[0]!
      expect(listed.lastUsedAt).not.toBeNull()
      expect(listed.status).toBe('active')
    } finally {
      core.close()
    }
  })

  it('re-issuing a member’s code revokes the earlier codes and the tokens they gave, and says so in the audit log', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const [a, b] = s.members
      const one = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: a!.id })
      const unused = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: a!.id })
      const other = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: b!.id })
      // The second issue already revoked the first (never used).
      expect(core.members.exchange(one.code)).toBeNull()
      const tokenA = core.members.exchange(unused.code)!.token
      const tokenB = core.members.exchange(other.code)!.token
      const fresh = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: a!.id })
      expect(core.members.resolve(tokenA)).toBeNull()
      expect(core.members.resolve(tokenB)).toBe(b!.id)
      expect(core.members.resolve(core.members.exchange(fresh.code)!.token)).toBe(a!.id)
      const list = await ok(core, 'joinCodes.list', { sessionId: s.sessionId })
      expect(list.filter((c) => c.memberId === a!.id).map((c) => c.status)).toEqual(['revoked', 'revoked', 'active'])
      const last = core.db.prepare("SELECT content FROM audit_events WHERE kind = 'joincode.issue' ORDER BY seq DESC LIMIT 1").get() as { content: string }
      expect(JSON.parse(last.content)).toMatchObject({ data: { memberId: a!.id, revokedJoinCodeIds: [unused.id] } })
    } finally {
      core.close()
    }
  })

  it('ends every token of the session at finalization, and issues no code afterwards', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const scorer = s.members[0]!
      const token = core.members.exchange((await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: scorer.id })).code)!.token
      const high = answersAt(s.set, () => 'max')
      for (const m of s.members.filter((m) => m.role !== 'secretary')) await scoreAndSubmit(core, s.sessionId, s.products[0]!, m.id, high)
      await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
      expect(core.members.resolve(token)).toBe(scorer.id)
      await ok(core, 'sessions.finalize', { id: s.sessionId })
      expect(core.members.resolve(token)).toBeNull()
      const r = await core.registry.dispatch('joinCodes.issue', { sessionId: s.sessionId, memberId: scorer.id }, { actor: { kind: 'local' }, requestId: 't' })
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    } finally {
      core.close()
    }
  })
})

describe('join failure limiter', () => {
  it('counts failures only, per key, in a fixed window, and stays bounded in keys', () => {
    let t = 0
    const l = createFailureLimiter(3, 60_000, () => t)
    expect(l.blocked('addr:a')).toBe(false)
    l.fail('addr:a')
    l.fail('addr:a')
    expect(l.blocked('addr:a')).toBe(false)
    l.fail('addr:a')
    expect(l.blocked('addr:a')).toBe(true)
    expect(l.blocked('addr:b')).toBe(false)
    t = 30_000
    expect(l.retryAfter('addr:a')).toBe(30)
    t = 60_000
    expect(l.blocked('addr:a')).toBe(false)
    for (let i = 0; i < 25_000; i++) l.fail(`code:${i}`)
    // The oldest windows were dropped, the newest kept: memory is bounded whatever the keys.
    expect(l.blocked('code:24999')).toBe(false)
    l.fail('code:24999')
    l.fail('code:24999')
    expect(l.blocked('code:24999')).toBe(true)
  })
})
