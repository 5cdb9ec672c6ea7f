import { rateProduct, type RatingResult } from '../../domain/rate'
import { validateRateInput } from '../../domain/rate-validate'
import { rateInputOf } from '../../domain/session-rating'
import type { ScoredSheet } from '../../domain/sheet'
import type { AgreedOption } from '../../domain/rate-input'
import type { CriteriaSet } from '../../shared/criteria'
import { AppError } from '../../shared/result'
import type { CriteriaService } from '../criteria-service'
import type { Store } from './store'

export interface CountedSheets {
  set: CriteriaSet
  rating: RatingResult
  /** The eligible members' sheets of the counting round, scored; empty when no round is complete. */
  sheets: ScoredSheet[]
  agreed: AgreedOption[]
  name: string
}

/**
 * One product of a session as the engine counts it: the rating recomputed from the stored answers, and the counted
 * sheets themselves (what advice and history compare criterion by criterion). Only submitted sheets of visible
 * rounds enter, as for the review, so sealed scoring holds here too.
 */
export function countedSheets(store: Store, criteria: CriteriaService, sessionId: number, productId: number): CountedSheets {
  const row = store.session(sessionId)
  const p = store.productFacts(sessionId, store.agenda(sessionId)).get(productId)
  if (!p) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp này')
  const set = criteria.get(p.setId, row.criteria_version).set
  const raw = rateInputOf(store.facts(row), p)
  const rating = rateProduct(raw, set, row.criteria_version)
  const round = rating.countingRound
  const byMember = round === null ? undefined : validateRateInput(raw, set).sheets.get(round)
  const sheets = byMember ? rating.members.filter((m) => m.eligible).map((m) => byMember.get(m.id)!) : []
  return { set, rating, sheets, agreed: raw.agreedOptions ?? [], name: p.name }
}
