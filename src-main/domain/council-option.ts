import type { LeafCriterion } from '../shared/criteria'
import type { AgreedOption } from './rate-input'

/**
 * The council's option on one criterion, as a person reads a sheet pile: the option the council agreed (with its
 * recorded reason) if there is one, else the most frequent answer, the lower-point option on a tie (the cautious
 * reading). Used where one option must stand for the council: improvement advice and the previous evaluation.
 */
export function councilOption(criterion: LeafCriterion, optionIds: readonly string[], agreed: readonly AgreedOption[]): { id: string; points: number } {
  const points = new Map(criterion.options.map((o) => [o.id, o.points]))
  const agreedId = agreed.find((a) => a.criterionCode === criterion.code)?.optionId
  if (agreedId && points.has(agreedId)) return { id: agreedId, points: points.get(agreedId)! }
  const counts = new Map<string, number>()
  for (const id of optionIds) if (points.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1)
  const first = [...counts.entries()].sort((a, b) => b[1] - a[1] || points.get(a[0])! - points.get(b[0])! || a[0].localeCompare(b[0]))[0]
  if (!first) throw new RangeError(`no answer on criterion ${criterion.code}`)
  return { id: first[0], points: points.get(first[0])! }
}

/** Position of an option on its criterion's scale (0 = fewest points); options of equal points share a step. */
export function optionStep(criterion: LeafCriterion, optionId: string): number | null {
  const option = criterion.options.find((o) => o.id === optionId)
  if (!option) return null
  return [...new Set(criterion.options.map((o) => o.points))].sort((a, b) => a - b).indexOf(option.points)
}
