import { improvementAdvice } from '../../domain/improvement-advice'
import { rateProduct } from '../../domain/rate'
import { validateRateInput } from '../../domain/rate-validate'
import { rateInputOf } from '../../domain/session-rating'
import type { ProductAdvice } from '../../shared/api/advice'
import { leafCriteria, type StarLevel } from '../../shared/criteria'
import { AppError } from '../../shared/result'
import type { CriteriaService } from '../criteria-service'
import type { Store } from '../sessions/store'

/**
 * Improvement advice of a finalized product, recomputed from the stored answers (immutable once finalized), so the
 * advice is reproducible from exactly what the council scored. The rule itself lives in domain/improvement-advice.ts.
 */
export function createAdviceService(store: Store, criteria: CriteriaService) {
  return {
    product(i: { sessionId: number; productId: number; target?: StarLevel | undefined; feasible: readonly string[] }): ProductAdvice {
      const row = store.session(i.sessionId)
      if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ đề xuất hoàn thiện cho sản phẩm của phiên họp đã chốt kết quả')
      const agenda = store.agenda(i.sessionId)
      const p = store.productFacts(i.sessionId, agenda).get(i.productId)
      if (!p) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp này')
      const set = criteria.get(p.setId, row.criteria_version).set
      const raw = rateInputOf(store.facts(row), p)
      const rating = rateProduct(raw, set, row.criteria_version)
      const base = {
        sessionId: i.sessionId,
        productId: i.productId,
        productName: p.name,
        setNo: set.no,
        setName: set.name,
        stars: rating.stars,
        mean: rating.score?.mean ?? null
      }
      const counting = rating.countingRound
      if (counting === null) return { ...base, target: null, plan: null, message: 'Sản phẩm chưa có vòng chấm đủ phiếu' }
      const byMember = validateRateInput(raw, set).sheets.get(counting)!
      const sheets = rating.members.filter((m) => m.eligible).map((m) => byMember.get(m.id)!)
      const advice = improvementAdvice({ set, sheets, policy: rating.quyChe.markerPolicy, agreed: raw.agreedOptions ?? [], feasible: new Set(i.feasible), target: i.target })
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
  }
}
export type AdviceService = ReturnType<typeof createAdviceService>
