import type { RatingResult } from '../domain/rate'
import type { RateInput } from '../domain/rate-input'
import type { DocProduct } from './model'

/**
 * Fills a product of the documents DTO from the rating engine: the engine's input gives the ticked options, its
 * result gives the part totals, the counting round, the mean, stars and the unmet marker minimums.
 */
export interface ProductFacts {
  code: string
  producer: string
  address: string
  phone: string
  commune: string
  registration?: DocProduct['registration']
}

export function productFromRating(input: RateInput, result: RatingResult, facts: ProductFacts, comments: Readonly<Record<string, string>> = {}): DocProduct {
  const byMember = new Map(result.members.map((m) => [m.id, m]))
  const sheets: DocProduct['sheets'] = []
  for (const round of [...input.rounds].sort((a, b) => a.round - b.round))
    for (const s of round.sheets) {
      const scored = byMember.get(s.memberId)?.sheets.find((x) => x.round === round.round)
      if (!scored) continue
      const answers: Record<string, string> = {}
      for (const [code, a] of Object.entries(s.answers)) {
        const first = Array.isArray(a) ? a[0] : a
        if (first !== undefined) answers[code] = first
      }
      sheets.push({ memberId: s.memberId, round: round.round, answers, parts: { ...scored.parts }, total: scored.total, counted: scored.counted, comment: (comments[s.memberId] ?? '').normalize('NFC') })
    }
  const stars = result.stars
  const unmet = result.markers
    .filter((l) => result.band !== null && l.level <= result.band && l.status === 'not-met')
    .flatMap((l) => l.criteria.filter((c) => c.status === 'not-met').map((c) => ({ level: l.level, criterionCode: c.criterionCode, criterionText: c.criterionText, requiredPoints: c.requiredPoints })))
  return {
    id: input.product.id,
    name: input.product.name,
    code: facts.code,
    producer: facts.producer,
    address: facts.address,
    phone: facts.phone,
    commune: facts.commune,
    registration: facts.registration ?? 'Lần đầu',
    criteriaSetId: result.criteria.setId,
    sheets,
    countingRound: result.countingRound,
    rounds: input.rounds.length,
    mean: result.score?.mean ?? null,
    spread: result.score?.spread ?? null,
    stars,
    outcome: result.outcome,
    unmetMinimums: unmet,
    agreedOptions: input.agreedOptions.map((a) => ({ ...a })),
    notes: result.warnings.map((w) => w.message),
    certificate: null,
    previous: null
  }
}
