import { describe, expect, it } from 'vitest'
import { optionStep } from '../../../src-main/domain/council-option'
import { formatScore } from '../../../src-main/domain/star-band'
import { province } from '../../../src-main/documents/fixtures/lam-dong-data'
import { minutesDocument } from '../../../src-main/documents/minutes'
import { zDocumentInput } from '../../../src-main/documents/model'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { assembleSessionDocuments } from '../../../src-main/services/session-documents'
import { texts } from '../documents/helpers'
import { leafCriteria } from '../../../src-main/shared/criteria'
import { call, ok, testCore } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from '../sessions/helpers'

describe('history.previous', () => {
  it('shows the previous council result criterion by criterion, and what moved once the new round is visible', async () => {
    const core = await testCore()
    const s1 = await openScoringSession(core, { products: 1, councilSize: 5 })
    const productId = s1.products[0]!
    const scorers = s1.members.filter((m) => m.role !== 'secretary')
    const low = answersAt(s1.set, () => 'min')
    const high = answersAt(s1.set, () => 'max')
    for (const m of scorers) await scoreAndSubmit(core, s1.sessionId, productId, m.id, low)
    await ok(core, 'sessions.setStatus', { id: s1.sessionId, to: 'review' })
    const [first] = await ok(core, 'sessions.finalize', { id: s1.sessionId })

    // The product comes back (upgrade dossier): back on a new session's agenda.
    core.db.prepare("UPDATE products SET status = 'dossier-complete' WHERE id = ?").run(productId)
    const versionId = core.db.prepare('SELECT council_version_id FROM sessions WHERE id = ?').pluck().get(s1.sessionId) as number
    const round = await ok(core, 'rounds.create', { year: 2027, name: 'Đợt 1 năm 2027', deadline: '2027-06-15' })
    const s2 = await ok(core, 'sessions.create', { roundId: round.id, date: '2027-05-20', startTime: '08:00', place: 'Hội trường UBND tỉnh', councilVersionId: versionId })
    await ok(core, 'sessions.setAgenda', { id: s2.id, productIds: [productId] })
    await ok(core, 'sessions.setStatus', { id: s2.id, to: 'open' })
    for (const m of s2.members) await ok(core, 'attendance.set', { sessionId: s2.id, memberId: m.id, status: 'present' })
    const scorers2 = s2.members.filter((m) => m.role !== 'secretary')
    for (const m of scorers2) await ok(core, 'conflicts.declare', { sessionId: s2.id, productId, memberId: m.id, kind: 'none', text: '' })
    await ok(core, 'sessions.setStatus', { id: s2.id, to: 'scoring' })

    const before = await ok(core, 'history.previous', { sessionId: s2.id, productId })
    expect(before.previous).toMatchObject({ source: 'app', sessionId: s1.sessionId, stars: first!.stars, mean: first!.mean })
    const leaves = leafCriteria(s1.set).map((l) => l.criterion)
    expect(before.previous!.criteria.map((c) => c.criterionCode)).toEqual(leaves.map((c) => c.code))
    for (const c of before.previous!.criteria) {
      expect(c.optionId).toBe(low[c.criterionCode])
      expect(c.spread).toBe(0)
    }
    const parts = before.previous!.parts!
    expect(parts.A + parts.B + parts.C).toBeCloseTo(first!.mean!, 9)
    // Sealed scoring: nothing of the new round is compared before it is complete.
    expect(before.moved).toEqual([])

    // A member of the new session sees the previous result of its products, never the comparison.
    const member = scorers2[0]!
    const forMember = await ok(core, 'history.previous', { sessionId: s2.id, productId }, memberCtx(member.id))
    expect(forMember.previous?.stars).toBe(first!.stars)
    const stranger = await call(core, 'history.previous', { sessionId: s2.id, productId }, memberCtx(scorers[0]!.id))
    expect(stranger.ok ? null : stranger.error.code).toBe('FORBIDDEN')

    for (const m of scorers2) await scoreAndSubmit(core, s2.id, productId, m.id, high, memberCtx(m.id))
    const after = await ok(core, 'history.previous', { sessionId: s2.id, productId })
    const expected = leaves.filter((c) => (optionStep(c, high[c.code]!) ?? 0) - (optionStep(c, low[c.code]!) ?? 0) > 1).map((c) => c.code)
    expect(expected.length).toBeGreaterThan(0)
    expect(after.moved.map((m) => m.criterionCode)).toEqual(expected)
    for (const m of after.moved) expect(m.steps).toBeGreaterThan(1)

    const first1 = await ok(core, 'history.previous', { sessionId: s1.sessionId, productId })
    expect(first1).toEqual({ productId, previous: null, moved: [] })

    // The minutes and the report of the new session say what the previous one decided (re-read from its result).
    await ok(core, 'sessions.setStatus', { id: s2.id, to: 'review' })
    await ok(core, 'sessions.finalize', { id: s2.id })
    const criteria = createCriteriaService(core.db, core.info().criteriaVersion)
    const dto = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s2.id, { province, number: 1, endTime: '11:30', issueDate: '2027-05-21' }))
    const stored = core.db.prepare('SELECT stars, mean FROM results WHERE session_id = ? AND product_id = ?').get(s1.sessionId, productId) as { stars: number; mean: number }
    expect(dto.products[0]!.previous).toEqual({ sessionDate: '2026-11-20', stars: stored.stars, mean: stored.mean, certificate: null })
    const minutes = texts(minutesDocument(dto)).join('\n')
    expect(minutes).toContain(`Kết quả đánh giá trước: phiên họp ngày 20/11/2026, ${stored.stars} sao, điểm trung bình ${formatScore(stored.mean)} điểm.`)
    const firstDocs = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s1.sessionId, { province, number: 1, endTime: '11:30', issueDate: '2026-11-21' }))
    expect(firstDocs.products[0]!.previous).toBeNull()
    core.close()
  })
})
