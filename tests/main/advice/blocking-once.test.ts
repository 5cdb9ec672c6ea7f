import { describe, expect, it } from 'vitest'
import type { BlockingCriterion, BlockingView } from '../../../src-main/shared/api/advice'
import { ok, testCore } from '../../utils/core'
import { answersForTotal } from '../domain/fixtures'
import { openScoringSession, scoreAndSubmit } from '../sessions/helpers'

/**
 * `advice.blocking` loads each session once for all its products. The reference here is the earlier way: one
 * `advice.product` per product (each reloading the session), aggregated as the province view does.
 */
async function reference(core: Awaited<ReturnType<typeof testCore>>, sessionId: number, products: readonly number[]): Promise<BlockingView> {
  const byKey = new Map<string, BlockingCriterion>()
  let considered = 0
  let withPlan = 0
  for (const productId of products) {
    const a = await ok(core, 'advice.product', { sessionId, productId })
    if (a.stars === null || a.stars < 1 || a.stars > 4) continue
    considered += 1
    if (!a.plan) continue
    withPlan += 1
    for (const c of a.plan.changes) {
      const key = `${a.setNo}|${c.criterionCode}`
      const row = byKey.get(key) ?? { setNo: a.setNo, setName: a.setName, sector: a.sector, criterionCode: c.criterionCode, criterionText: c.criterionText, products: 0, markerBlocked: 0, productNames: [] }
      row.products += 1
      if (c.satisfiesMarkers.length > 0) row.markerBlocked += 1
      row.productNames.push(a.productName)
      byKey.set(key, row)
    }
  }
  const criteria = [...byKey.values()].sort((x, y) => y.products - x.products || y.markerBlocked - x.markerBlocked || x.setNo - y.setNo || x.criterionCode.localeCompare(y.criterionCode, 'en', { numeric: true }))
  return { considered, withPlan, criteria }
}

describe('advice.blocking loads a session once', () => {
  it('gives exactly what one advice.product per product gives', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 4, councilSize: 5 })
    const scorers = s.members.filter((m) => m.role !== 'secretary')
    const targets: Array<[number, 0 | 3 | 4]> = [[34, 0], [52, 3], [63, 3], [74, 4]]
    for (const [pi, productId] of s.products.entries()) {
      const [total, level] = targets[pi]!
      for (const [mi, m] of scorers.entries()) await scoreAndSubmit(core, s.sessionId, productId, m.id, answersForTotal(s.set, total + (mi % 3), level))
    }
    await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
    const results = await ok(core, 'sessions.finalize', { id: s.sessionId })
    expect(new Set(results.map((r) => r.stars)).size).toBeGreaterThan(1)

    const now = await ok(core, 'advice.blocking', {})
    expect(now).toEqual(await reference(core, s.sessionId, s.products))
    expect(now.withPlan).toBeGreaterThan(1)
    expect(now.criteria.some((c) => c.products > 1)).toBe(true)
    core.close()
  })
})
