import { improvementAdvice } from '../../domain/improvement-advice'
import type { DB } from '../../db/connection'
import type { BlockingCriterion, BlockingView, ProductAdvice } from '../../shared/api/advice'
import { leafCriteria, type StarLevel } from '../../shared/criteria'
import { AppError } from '../../shared/result'
import type { CriteriaService } from '../criteria-service'
import { sessionCounter, type CountedSheets } from '../sessions/counted-sheets'
import type { Store } from '../sessions/store'

/**
 * Improvement advice of a finalized product, recomputed from the stored answers (immutable once finalized), so the
 * advice is reproducible from exactly what the council scored. The rule itself lives in domain/improvement-advice.ts.
 */
export function createAdviceService(db: DB, store: Store, criteria: CriteriaService) {
  // The latest finalized result of each product (a re-evaluation supersedes the earlier one), 1–4★.
  const latest = db.prepare(`SELECT r.session_id, r.product_id FROM results r
      JOIN sessions s ON s.id = r.session_id
      JOIN products p ON p.id = r.product_id
    WHERE s.status = 'finalized' AND r.stars BETWEEN 1 AND 4
      AND (@roundId IS NULL OR s.round_id = @roundId)
      AND (@communeCode IS NULL OR p.commune_code = @communeCode)
      AND NOT EXISTS (SELECT 1 FROM results r2 JOIN sessions s2 ON s2.id = r2.session_id
        WHERE r2.product_id = r.product_id AND s2.status = 'finalized' AND r2.finalized_at > r.finalized_at)
    ORDER BY r.session_id, r.product_id`)

  const service = {
    /** Province view: the criteria that most often stand between products and their next star. */
    blocking(i: { roundId?: number | undefined; sector?: string | undefined; communeCode?: string | undefined }): BlockingView {
      const rows = latest.all({ roundId: i.roundId ?? null, communeCode: i.communeCode ?? null }) as Array<{ session_id: number; product_id: number }>
      const byKey = new Map<string, BlockingCriterion>()
      let considered = 0
      let withPlan = 0
      let loaded = { sessionId: 0, count: (_productId: number): CountedSheets => { throw new AppError('INTERNAL', 'Phiên họp chưa được nạp') } }
      for (const r of rows) {
        // Rows come ordered by session: each session is loaded once, for all its products, and only one at a time.
        if (loaded.sessionId !== r.session_id) loaded = { sessionId: r.session_id, count: sessionCounter(store, criteria, r.session_id) }
        const a = adviceOf(loaded.count(r.product_id), r.session_id, r.product_id, undefined, [])
        const sector = a.sector
        if (i.sector !== undefined && sector !== i.sector) continue
        considered += 1
        if (!a.plan) continue
        withPlan += 1
        for (const c of a.plan.changes) {
          const key = `${a.setNo}|${c.criterionCode}`
          const row = byKey.get(key) ?? { setNo: a.setNo, setName: a.setName, sector, criterionCode: c.criterionCode, criterionText: c.criterionText, products: 0, markerBlocked: 0, productNames: [] }
          row.products += 1
          if (c.satisfiesMarkers.length > 0) row.markerBlocked += 1
          row.productNames.push(a.productName)
          byKey.set(key, row)
        }
      }
      const criteriaRows = [...byKey.values()].sort((x, y) => y.products - x.products || y.markerBlocked - x.markerBlocked || x.setNo - y.setNo || x.criterionCode.localeCompare(y.criterionCode, 'en', { numeric: true }))
      return { considered, withPlan, criteria: criteriaRows }
    },
    product(i: { sessionId: number; productId: number; target?: StarLevel | undefined; feasible: readonly string[] }): ProductAdvice {
      if (store.session(i.sessionId).status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ đề xuất hoàn thiện cho sản phẩm của phiên họp đã chốt kết quả')
      return adviceOf(sessionCounter(store, criteria, i.sessionId)(i.productId), i.sessionId, i.productId, i.target, i.feasible)
    }
  }

  function adviceOf(c: CountedSheets, sessionId: number, productId: number, target: StarLevel | undefined, feasible: readonly string[]): ProductAdvice {
    const { set, rating, sheets, agreed, name } = c
    const base = {
      sessionId,
      productId,
      productName: name,
      setNo: set.no,
      setName: set.name,
      sector: set.sector,
      stars: rating.stars,
      mean: rating.score?.mean ?? null
    }
    if (rating.countingRound === null) return { ...base, target: null, plan: null, message: 'Sản phẩm chưa có vòng chấm đủ phiếu' }
    const advice = improvementAdvice({ set, sheets, policy: rating.quyChe.markerPolicy, agreed, feasible: new Set(feasible), target })
    if (advice.kind === 'none') return { ...base, target: advice.target, plan: null, message: advice.message }
    const optionText = new Map(leafCriteria(set).flatMap((l) => l.criterion.options.map((o) => [o.id, o.text] as const)))
    return {
      ...base,
      target: advice.target,
      message: null,
      plan: {
        meanBefore: advice.meanBefore,
        meanAfter: advice.meanAfter,
        changes: advice.changes.map((c) => ({
          ...c,
          currentOptionText: optionText.get(c.currentOptionId) ?? c.currentOptionId,
          targetOptionText: optionText.get(c.targetOptionId) ?? c.targetOptionId
        }))
      }
    }
  }
  return service
}

export type AdviceService = ReturnType<typeof createAdviceService>
