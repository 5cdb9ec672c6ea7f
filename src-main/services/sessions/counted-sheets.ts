import { rateProduct, type RatingResult } from '../../domain/rate'
import { validateRateInput } from '../../domain/rate-validate'
import { rateInputOf, type ProductFacts, type SessionFacts } from '../../domain/session-rating'
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
 * One session loaded once (seats, attendance, Quy chế and every agenda product's sheets, a handful of queries), from
 * which each product is counted: what the province views (`advice.blocking`, the minutes' previous results) use
 * instead of reloading the whole session per product.
 */
export function sessionCounter(store: Store, criteria: CriteriaService, sessionId: number): (productId: number) => CountedSheets {
  const row = store.session(sessionId)
  const products = store.productFacts(sessionId, store.agenda(sessionId))
  const facts = store.facts(row)
  return (productId) => {
    const p = products.get(productId)
    if (!p) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp này')
    return countProduct(criteria, row.criteria_version, facts, p)
  }
}

function countProduct(criteria: CriteriaService, criteriaVersion: string, facts: SessionFacts, p: ProductFacts): CountedSheets {
  const set = criteria.get(p.setId, criteriaVersion).set
  const raw = rateInputOf(facts, p)
  const rating = rateProduct(raw, set, criteriaVersion)
  const round = rating.countingRound
  const byMember = round === null ? undefined : validateRateInput(raw, set).sheets.get(round)
  const sheets = byMember ? rating.members.filter((m) => m.eligible).map((m) => byMember.get(m.id)!) : []
  return { set, rating, sheets, agreed: raw.agreedOptions ?? [], name: p.name }
}

/**
 * One product of a session as the engine counts it: the rating recomputed from the stored answers, and the counted
 * sheets themselves (what advice and history compare criterion by criterion). Only submitted sheets of visible
 * rounds enter, as for the review, so sealed scoring holds here too.
 */
export function countedSheets(store: Store, criteria: CriteriaService, sessionId: number, productId: number): CountedSheets {
  return sessionCounter(store, criteria, sessionId)(productId)
}
