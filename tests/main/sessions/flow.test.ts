import { rateProduct, ratingToJson } from '../../../src-main/domain/rate'
import { rateInputOf } from '../../../src-main/domain/session-rating'
import { createStore } from '../../../src-main/services/sessions/store'
import { call, ok, testCore } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from './helpers'

describe('council session through the real core', () => {
  it('scores sealed, recuses, re-scores one product and finalizes exactly the engine output', async () => {
    const core = await testCore()
    // Member 8 (index 7) absent; member index 2 recused on product 0.
    const s = await openScoringSession(core, { products: 2, absent: [7], recusals: [[2, 0]] })
    const [p0, p1] = s.products as [number, number]
    const scorers = s.members.filter((m, i) => m.role !== 'secretary' && i !== 7)
    expect(scorers).toHaveLength(7)

    // A recused member cannot open or write the product's sheet.
    const recused = s.members[2]!.id
    const refused = await call(core, 'sheets.saveAnswer', { sessionId: s.sessionId, productId: p0, memberId: recused, criterionCode: '1.1', optionId: 'x', expectedVersion: 0 }, memberCtx(recused))
    expect(!refused.ok && refused.error.code).toBe('FORBIDDEN')

    // Product 0: everyone high except one low → spread > 10 → re-score.
    const high = answersAt(s.set, () => 'max')
    const mid = answersAt(s.set, (_c, i) => (i % 3 === 0 ? 'min' : 'max'))
    const eligible0 = scorers.filter((m) => m.id !== recused)
    for (const [i, m] of eligible0.entries()) {
      await scoreAndSubmit(core, s.sessionId, p0, m.id, i === 0 ? mid : high, memberCtx(m.id))
      if (i < eligible0.length - 1) {
        // Sealed: before the last sheet the office sees who submitted, but no totals.
        const matrix = await ok(core, 'review.matrix', { sessionId: s.sessionId })
        const row = matrix.products.find((r) => r.productId === p0)!
        expect(row.ready).toBe(false)
        expect(row.mean).toBeNull()
        expect(row.cells.every((c) => c.rounds.length === 0)).toBe(true)
        const review = await ok(core, 'review.product', { sessionId: s.sessionId, productId: p0 })
        expect(review.criteria).toEqual([])
        expect(review.rating).toBeNull()
      }
    }
    const progress = await ok(core, 'sessions.progress', { sessionId: s.sessionId })
    const pr0 = progress.products.find((p) => p.productId === p0)!
    expect(pr0).toMatchObject({ eligible: 6, submitted: 6, complete: true })
    expect(pr0.members.find((m) => m.memberId === recused)!.state).toBe('recused')
    expect(JSON.stringify(progress.products)).not.toMatch(/total|answers|mean|optionId/)

    let row0 = (await ok(core, 'review.matrix', { sessionId: s.sessionId })).products.find((r) => r.productId === p0)!
    expect(row0.ready).toBe(true)
    expect(row0.needsRescore).toBe(true)
    const detail = await ok(core, 'review.product', { sessionId: s.sessionId, productId: p0 })
    expect(detail.criteria[0]!.pointsSpread).toBeGreaterThan(0)
    expect(detail.criteria[0]!.answers).toHaveLength(6)

    await ok(core, 'review.openRescore', { sessionId: s.sessionId, productId: p0, reason: 'Chênh lệch quá 10 điểm' })
    for (const m of eligible0) await scoreAndSubmit(core, s.sessionId, p0, m.id, high, memberCtx(m.id))
    for (const m of scorers) await scoreAndSubmit(core, s.sessionId, p1, m.id, high)

    row0 = (await ok(core, 'review.matrix', { sessionId: s.sessionId })).products.find((r) => r.productId === p0)!
    expect(row0.scoringRound).toBe(2)
    expect(row0.cells.find((c) => c.memberId === eligible0[0]!.id)!.rounds.map((r) => r.scoringRound)).toEqual([1, 2])

    const early = await call(core, 'sessions.finalize', { id: s.sessionId })
    expect(!early.ok && early.error.code).toBe('CONFLICT')
    await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
    const results = await ok(core, 'sessions.finalize', { id: s.sessionId })
    expect(results).toHaveLength(2)
    expect(results[0]!.stars).toBe(5)

    // The stored JSON equals the engine's output for the same inputs.
    const store = createStore(core.db)
    const row = store.session(s.sessionId)
    const facts = store.productFacts(s.sessionId, store.agenda(s.sessionId))
    const set = (await ok(core, 'criteria.get', { setId: 'QD26-2026-06' }))
    for (const p of s.products) {
      const expected = ratingToJson(rateProduct(rateInputOf(store.facts(row), facts.get(p)!), set.set, set.version))
      const stored = core.db.prepare('SELECT rating FROM results WHERE session_id = ? AND product_id = ?').get(s.sessionId, p) as { rating: string }
      expect(stored.rating).toBe(expected)
    }
    const got = await ok(core, 'results.get', { sessionId: s.sessionId, productId: p0 })
    expect((got.rating as { rounds: unknown[] }).rounds).toHaveLength(2)

    // Nothing changes afterwards, except through amendments.
    const late = await call(core, 'attendance.set', { sessionId: s.sessionId, memberId: s.members[7]!.id, status: 'present' })
    expect(!late.ok && late.error.code).toBe('FINALIZED')
    await ok(core, 'amendments.add', { sessionId: s.sessionId, productId: p0, reason: 'Sai chính tả tên sản phẩm', author: 'Thư ký Hội đồng', text: 'Tên đúng là "Trà Ô long Cầu Đất"' })
    expect((await ok(core, 'results.list', { sessionId: s.sessionId }))[0]!.amendments).toHaveLength(1)
    expect(await ok(core, 'audit.verify', {})).toMatchObject({ intact: true, firstBroken: null })
    core.close()
  })
})
