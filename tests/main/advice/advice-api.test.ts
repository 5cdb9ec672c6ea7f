import { describe, expect, it } from 'vitest'
import { call, ok, testCore } from '../../utils/core'
import { answersForTotal } from '../domain/fixtures'
import { openScoringSession, scoreAndSubmit } from '../sessions/helpers'

describe('advice.product', () => {
  it('recomputes the plan from the stored answers of a finalized 3★ product and refuses an open session', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 2, councilSize: 5 })
    const scorers = s.members.filter((m) => m.role !== 'secretary')
    const productId = s.products[0]!
    const answers = answersForTotal(s.set, 66, 3)
    const early = await call(core, 'advice.product', { sessionId: s.sessionId, productId })
    expect(early.ok ? null : early.error.code).toBe('CONFLICT')
    for (const p of s.products) for (const m of scorers) await scoreAndSubmit(core, s.sessionId, p, m.id, answers)
    await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
    const results = await ok(core, 'sessions.finalize', { id: s.sessionId })
    expect(results.map((r) => r.stars)).toEqual([3, 3])

    const advice = await ok(core, 'advice.product', { sessionId: s.sessionId, productId })
    expect(advice).toMatchObject({ productId, setNo: 6, stars: 3, mean: 66, target: 4, message: null })
    const plan = advice.plan!
    expect(plan.meanBefore).toBe(66)
    expect(plan.meanAfter).toBeGreaterThanOrEqual(70)
    expect(plan.changes.length).toBeGreaterThan(0)
    for (const c of plan.changes) {
      expect(c.targetPoints).toBeGreaterThan(c.currentMeanPoints)
      expect(c.currentOptionText.length).toBeGreaterThan(0)
      expect(c.targetOptionText.length).toBeGreaterThan(0)
    }
    // The plan's own arithmetic: the mean after equals the mean before plus the gains.
    const gained = plan.changes.reduce((sum, c) => sum + c.meanGain, 0)
    expect(plan.meanAfter).toBeCloseTo(plan.meanBefore + gained, 9)

    const feasible = plan.changes.map((c) => c.criterionCode)
    const again = await ok(core, 'advice.product', { sessionId: s.sessionId, productId, feasible })
    expect(again.plan!.changes.every((c) => c.feasible)).toBe(true)

    // Province view: both products of the session share the same plan, so every criterion counts twice.
    const second = s.products[1]!
    const blocking = await ok(core, 'advice.blocking', {})
    expect(blocking).toMatchObject({ considered: 2, withPlan: 2 })
    expect(blocking.criteria.map((c) => c.criterionCode).sort()).toEqual(plan.changes.map((c) => c.criterionCode).sort())
    for (const c of blocking.criteria) {
      expect(c).toMatchObject({ setNo: 6, products: 2 })
      expect(c.productNames).toHaveLength(2)
      expect(c.markerBlocked).toBe(plan.changes.find((x) => x.criterionCode === c.criterionCode)!.satisfiesMarkers.length > 0 ? 2 : 0)
    }
    expect(second).toBeGreaterThan(productId)
    expect(await ok(core, 'advice.blocking', { sector: 'Không có ngành này' })).toEqual({ considered: 0, withPlan: 0, criteria: [] })
    expect(await ok(core, 'advice.blocking', { communeCode: '00001' })).toEqual({ considered: 0, withPlan: 0, criteria: [] })
    expect((await ok(core, 'advice.blocking', { sector: advice.sector })).considered).toBe(2)

    const bad = await call(core, 'advice.product', { sessionId: s.sessionId, productId, feasibel: [] } as never)
    expect(bad.ok ? null : bad.error.code).toBe('VALIDATION')
    core.close()
  })
})
