import { rateProduct, type RatingResult } from '../../domain/rate'
import { rateInputOf, type ProductFacts, type SessionFacts } from '../../domain/session-rating'
import type { CriteriaService } from '../criteria-service'

/** Products remembered at most (a few sessions' agendas, a few KB of key each); the oldest entry goes first. */
const CAPACITY = 600

/**
 * The engine's rating per product, remembered under the exact engine input it was computed from. The key is the
 * whole input (the serialized `rateInputOf` — seats, roll-call, recusals, submitted sheets of the visible rounds,
 * the council's agreements — plus the criteria version), so any change to what the engine reads is a different key:
 * no write path has to remember to invalidate, and a write made outside the services (CLI, restore, another
 * process) cannot leave a stale rating behind. The engine is pure, so a hit returns what a fresh run would.
 * Callers must treat the returned rating as read-only: it is shared between calls.
 */
export function createRatingCache(criteria: CriteriaService, capacity = CAPACITY) {
  const entries = new Map<string, { key: string; rating: RatingResult }>()
  let hits = 0
  let misses = 0
  return {
    rate(sessionId: number, criteriaVersion: string, f: SessionFacts, p: ProductFacts): RatingResult {
      const input = rateInputOf(f, p)
      const key = `${criteriaVersion}\n${JSON.stringify(input)}`
      const id = `${sessionId}:${p.productId}`
      const hit = entries.get(id)
      if (hit && hit.key === key) {
        hits++
        return hit.rating
      }
      misses++
      const rating = rateProduct(input, criteria.get(p.setId, criteriaVersion).set, criteriaVersion)
      entries.delete(id)
      entries.set(id, { key, rating })
      if (entries.size > capacity) entries.delete(entries.keys().next().value!)
      return rating
    },
    /** Engine runs avoided and made since creation (the tests and the bench read them). */
    stats: () => ({ hits, misses, size: entries.size })
  }
}
export type RatingCache = ReturnType<typeof createRatingCache>
