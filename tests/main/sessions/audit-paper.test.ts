import { runAudit } from '../../../src-main/cli/audit'
import type { CliIo } from '../../../src-main/cli/rate'
import { canonicalJson, nextEvent, verifyChain, type StoredEvent } from '../../../src-main/domain/audit-chain'
import { comparePasses } from '../../../src-main/domain/double-entry'
import { sha256 } from '../../../src-main/services/sessions/store'
import { call, ok, testCore } from '../../utils/core'
import { answersAt, openScoringSession } from './helpers'

function io() {
  const out: string[] = []
  const cli: CliIo = { readFile: () => '', readStdin: async () => '', stdout: (t) => out.push(t), stderr: (t) => out.push(t) }
  return { cli, out }
}

describe('audit chain', () => {
  it('canonical JSON sorts keys at every level and the chain reports the first broken link', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}')
    const events: StoredEvent[] = []
    for (let i = 0; i < 5; i++) events.push(nextEvent(sha256, events.at(-1) ?? null, { at: `t${i}`, kind: 'k', sessionId: 1, actor: 'local', data: { i } }))
    expect(verifyChain(events, sha256)).toEqual({ intact: true, events: 5, firstBroken: null })
    const edited = events.map((e) => (e.seq === 3 ? { ...e, content: e.content.replace('"i":2', '"i":9') } : e))
    expect(verifyChain(edited, sha256).firstBroken?.seq).toBe(3)
    expect(verifyChain(events.filter((e) => e.seq !== 2), sha256).firstBroken?.seq).toBe(3)
    const rehashed = edited.map((e) => (e.seq === 3 ? { ...e, hash: sha256(`${e.prevHash}\n${e.content}`) } : e))
    expect(verifyChain(rehashed, sha256).firstBroken?.seq).toBe(4)
  })

  it('every write appends an event; editing a row (trigger dropped) is caught by audit.verify and the CLI', async () => {
    const core = await testCore()
    await openScoringSession(core, { products: 1 })
    const count = (core.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n
    expect(count).toBeGreaterThan(20)
    const clean = io()
    expect(await runAudit(['verify', '--data-dir', core.dataDir], clean.cli)).toBe(0)
    expect(clean.out.join('')).toContain(`${count} sự kiện`)

    expect(() => core.db.exec("UPDATE audit_events SET actor = 'x' WHERE seq = 5")).toThrow(/IMMUTABLE/)
    core.db.exec('DROP TRIGGER audit_events_no_update')
    core.db.exec(`UPDATE audit_events SET content = replace(content, '"status":"present"', '"status":"absent"') WHERE seq = (SELECT min(seq) FROM audit_events WHERE kind = 'attendance.set')`)
    const seq = core.db.prepare("SELECT min(seq) FROM audit_events WHERE kind = 'attendance.set'").pluck().get() as number
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ intact: false, firstBroken: { seq } })
    const broken = io()
    expect(await runAudit(['verify', '--data-dir', core.dataDir], broken.cli)).toBe(1)
    expect(broken.out.join('')).toContain(`sự kiện số ${seq}`)
    expect(await runAudit(['nope'], io().cli)).toBe(2)
    core.close()
  })
})

describe('paper double entry', () => {
  it('compares passes criterion by criterion, including knockouts', () => {
    const m = comparePasses({ answers: { '1.1': 'a', '1.2': 'b' }, knockouts: [] }, { answers: { '1.1': 'a', '1.2': 'c' }, knockouts: [{ criterionCode: null }] }, ['1.1', '1.2'])
    expect(m).toEqual([
      { criterionCode: '1.2', pass1: 'b', pass2: 'c' },
      { criterionCode: 'loại:hồ sơ', pass1: null, pass2: 'có đánh dấu' }
    ])
  })

  it('keeps pass 2 blind, lists mismatches, accepts only matching passes as a submitted paper sheet', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 1 })
    const ref = { sessionId: s.sessionId, productId: s.products[0]!, memberId: s.members[1]!.id }
    const right = answersAt(s.set, () => 'max')
    const codes = Object.keys(right)
    const wrong = { ...right, [codes[3]!]: answersAt(s.set, () => 'min')[codes[3]!]! }

    const p1 = await ok(core, 'paper.savePass', { ...ref, pass: 1, sheet: { answers: right, comment: 'Sản phẩm tốt' } })
    expect(p1).toEqual({ pass1: true, pass2: false, accepted: false, mismatches: [] })
    expect(await ok(core, 'paper.status', ref)).toEqual(p1)
    const p2 = await ok(core, 'paper.savePass', { ...ref, pass: 2, sheet: { answers: wrong, comment: 'Sản phẩm tốt' } })
    expect(p2.accepted).toBe(false)
    expect(p2.mismatches).toEqual([{ criterionCode: codes[3], pass1: right[codes[3]!], pass2: wrong[codes[3]!] }])
    const direct = await call(core, 'sheets.saveAnswer', { ...ref, criterionCode: codes[0]!, optionId: right[codes[0]!]!, expectedVersion: 0 })
    expect(direct.ok).toBe(true)
    // A member who started on screen cannot also be typed from paper.
    const clash = await call(core, 'paper.savePass', { ...ref, pass: 2, sheet: { answers: right } })
    expect(!clash.ok && clash.error.code).toBe('CONFLICT')

    const ref2 = { ...ref, memberId: s.members[2]!.id }
    await ok(core, 'paper.savePass', { ...ref2, pass: 1, sheet: { answers: right } })
    await ok(core, 'paper.savePass', { ...ref2, pass: 2, sheet: { answers: wrong } })
    const fixed = await ok(core, 'paper.savePass', { ...ref2, pass: 2, sheet: { answers: right } })
    expect(fixed).toEqual({ pass1: true, pass2: true, accepted: true, mismatches: [] })
    const progress = await ok(core, 'sessions.progress', { sessionId: s.sessionId })
    expect(progress.products[0]!.members.find((m) => m.memberId === ref2.memberId)!.state).toBe('submitted')
    const incomplete = await call(core, 'paper.savePass', { ...ref, memberId: s.members[3]!.id, pass: 1, sheet: { answers: { [codes[0]!]: right[codes[0]!]! } } })
    expect(!incomplete.ok && incomplete.error.code).toBe('VALIDATION')
    core.close()
  })
})
