import { NOT_APPLICABLE } from '../../../src-main/domain/rate-input'
import { scoreSheet } from '../../../src-main/domain/sheet'
import { leafCriteria, type CriteriaSet, type LeafCriterion, type PartCode } from '../../../src-main/shared/criteria'

/** What the member has chosen: leaf criterion code → option id, or NOT_APPLICABLE. */
export type SheetAnswers = Readonly<Record<string, string>>

/** A printed knockout rule the member flagged; criterionCode null = the set's "Hồ sơ bị loại khi …". */
export interface SheetFlag {
  criterionCode: string | null
  note: string
}

export interface LiveTotals {
  sections: Record<string, number>
  parts: Record<PartCode, number>
  total: number
  /** Leaf criteria still without an answer, in printed order (criteria left out after a flagged stop excluded). */
  missing: string[]
  /** Unanswered criteria printed after a flagged "… không đánh giá các bước tiếp theo": the engine scores them 0. */
  notEvaluated: string[]
  /** The engine's own complaints about the answers given (an option of another criterion, "NA" where not allowed). */
  errors: string[]
}

/**
 * Section, part and total points of a sheet that may still be incomplete, computed by the engine's `scoreSheet` so
 * the numbers on screen are the ones the council's result will use. The engine scores complete sheets only, so each
 * unanswered criterion is stood in for by its lowest allowed option and those points are taken back out again.
 * Unanswered criteria after a flagged stop rule are left out, as the engine leaves them ("not evaluated", 0 points).
 */
export function liveTotals(set: CriteriaSet, answers: SheetAnswers, flags: readonly SheetFlag[] = []): LiveTotals {
  const leaves = leafCriteria(set)
  const stopAt = stopIndex(leaves.map((l) => l.criterion), flags)
  const filled: Record<string, string> = {}
  const fillerPoints = new Map<string, { section: string; part: PartCode; points: number }>()
  const missing: string[] = []
  const notEvaluated: string[] = []
  for (const [index, { part, section, criterion }] of leaves.entries()) {
    const chosen = answers[criterion.code]
    if (chosen !== undefined) {
      filled[criterion.code] = chosen
      continue
    }
    if (index > stopAt) {
      notEvaluated.push(criterion.code)
      continue
    }
    missing.push(criterion.code)
    const stand = lowestOption(criterion)
    filled[criterion.code] = stand.id
    fillerPoints.set(criterion.code, { section, part, points: stand.points })
  }
  const knockouts = flags.map((f) => (f.criterionCode === null ? {} : { criterionCode: f.criterionCode }))
  const result = scoreSheet(set, { memberId: 'live', answers: filled, knockouts })
  if (!result.ok) return { ...plainSums(set, answers), missing, notEvaluated, errors: result.errors }

  const sections = Object.fromEntries(result.sheet.sections.map((s) => [s.code, s.points]))
  const parts = { ...result.sheet.parts }
  for (const f of fillerPoints.values()) {
    sections[f.section] = (sections[f.section] ?? 0) - f.points
    parts[f.part] -= f.points
  }
  return { sections, parts, total: parts.A + parts.B + parts.C, missing, notEvaluated, errors: [] }
}

/** Printed position of the first flagged stop rule (the engine's `firstStop`); Infinity when none is flagged. */
function stopIndex(criteria: readonly LeafCriterion[], flags: readonly SheetFlag[]): number {
  const flagged = new Set(flags.map((f) => f.criterionCode))
  const i = criteria.findIndex((c) => flagged.has(c.code) && c.knockouts[0]?.kind === 'stop')
  return i < 0 ? Number.POSITIVE_INFINITY : i
}

function lowestOption(c: LeafCriterion) {
  // Set 26 criteria 8, 9, 15: only options inside one of the two cases are accepted by the engine.
  const allowed = c.alternatives ? c.options.filter((o) => c.alternatives!.some((a) => a.optionIds.includes(o.id))) : c.options
  return allowed.reduce((lo, o) => (o.points < lo.points ? o : lo), allowed[0]!)
}

/** Fallback while an answer is one the engine refuses: the plain sum of what is valid, so the screen still adds up. */
function plainSums(set: CriteriaSet, answers: SheetAnswers) {
  const sections: Record<string, number> = {}
  const parts: Record<PartCode, number> = { A: 0, B: 0, C: 0 }
  for (const { part, section, criterion } of leafCriteria(set)) {
    const id = answers[criterion.code]
    const points = id === undefined || id === NOT_APPLICABLE ? 0 : (criterion.options.find((o) => o.id === id)?.points ?? 0)
    sections[section] = (sections[section] ?? 0) + points
    parts[part] += points
  }
  return { sections, parts, total: parts.A + parts.B + parts.C }
}
