import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { zCriteriaFile, type CriteriaFile, type CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'

/**
 * Validates the criteria data the app ships with. A corrupted file is refused with a message that names the set
 * and the field, because a wrong point value would silently change every result computed from it.
 */
export function parseCriteriaFile(raw: unknown, source = 'resources/criteria'): CriteriaFile {
  const parsed = zCriteriaFile.safeParse(raw)
  if (!parsed.success) {
    const issue = innermost(parsed.error.issues[0]!)
    const path = issue.path
    const setIndex = path[0] === 'sets' && path[1] !== undefined ? Number(path[1]) : -1
    const rawSets = (raw as { sets?: Array<{ id?: unknown; no?: unknown }> } | null)?.sets
    const set = setIndex >= 0 ? rawSets?.[setIndex] : undefined
    const where = set ? `bộ tiêu chí số ${String(set.no)} (${String(set.id)})` : 'tệp bộ tiêu chí'
    const field = (setIndex >= 0 ? path.slice(2) : path).join('.') || '(gốc)'
    throw new AppError('VALIDATION', `Dữ liệu bộ tiêu chí bị hỏng (${source}): ${where}, trường "${field}": ${issue.message}`)
  }
  for (const set of parsed.data.sets) checkSums(set, source)
  return parsed.data
}

interface FlatIssue {
  path: string[]
  message: string
}

/** zod reports a failed union at the union; descend into the branch that got furthest to name the real field. */
function innermost(issue: { path: PropertyKey[]; message: string; code?: string; errors?: unknown }): FlatIssue {
  const here = issue.path.map(String)
  if (issue.code !== 'invalid_union' || !Array.isArray(issue.errors)) return { path: here, message: issue.message }
  let best: FlatIssue | null = null
  for (const branch of issue.errors as Array<Array<{ path: PropertyKey[]; message: string; code?: string; errors?: unknown }>>) {
    const first = branch[0]
    if (!first) continue
    const inner = innermost(first)
    if (!best || inner.path.length > best.path.length) best = inner
  }
  return best ? { path: [...here, ...best.path], message: best.message } : { path: here, message: issue.message }
}

/** Every set sums to 100 = A 40 + B 25 + C 35, each part and section to its criteria (QĐ 26/2026 Điều 3.1). */
export function checkSums(set: CriteriaSet, source = 'resources/criteria'): void {
  const fail = (field: string, msg: string): never => {
    throw new AppError('VALIDATION', `Dữ liệu bộ tiêu chí bị hỏng (${source}): bộ tiêu chí số ${set.no} (${set.id}), trường "${field}": ${msg}`)
  }
  const expected = { A: 40, B: 25, C: 35 } as const
  let total = 0
  set.parts.forEach((part, pi) => {
    if (part.maxPoints !== expected[part.code]) fail(`parts.${pi}.maxPoints`, `phần ${part.code} phải là ${expected[part.code]} điểm`)
    let partSum = 0
    part.sections.forEach((sec, si) => {
      let secSum = 0
      sec.criteria.forEach((c, ci) => {
        const top = 'options' in c ? Math.max(...c.options.map((o) => o.points)) : c.subCriteria.reduce((s, sc) => s + Math.max(...sc.options.map((o) => o.points)), 0)
        if ('subCriteria' in c) {
          c.subCriteria.forEach((sc, sci) => {
            const subTop = Math.max(...sc.options.map((o) => o.points))
            if (subTop !== sc.maxPoints) fail(`parts.${pi}.sections.${si}.criteria.${ci}.subCriteria.${sci}.maxPoints`, `tiêu chí ${sc.code}: điểm cao nhất ${subTop} ≠ ${sc.maxPoints}`)
          })
          const subSum = c.subCriteria.reduce((s, sc) => s + sc.maxPoints, 0)
          if (subSum !== c.maxPoints) fail(`parts.${pi}.sections.${si}.criteria.${ci}.maxPoints`, `tiêu chí ${c.code}: tổng tiêu chí con ${subSum} ≠ ${c.maxPoints}`)
        }
        if (top !== c.maxPoints) fail(`parts.${pi}.sections.${si}.criteria.${ci}.maxPoints`, `tiêu chí ${c.code}: điểm cao nhất ${top} ≠ ${c.maxPoints}`)
        secSum += c.maxPoints
      })
      if (secSum !== sec.maxPoints) fail(`parts.${pi}.sections.${si}.maxPoints`, `mục ${sec.code}: tổng tiêu chí ${secSum} ≠ ${sec.maxPoints}`)
      partSum += sec.maxPoints
    })
    if (partSum !== part.maxPoints) fail(`parts.${pi}.maxPoints`, `phần ${part.code}: tổng các mục ${partSum} ≠ ${part.maxPoints}`)
    total += partSum
  })
  if (total !== 100) fail('maxPoints', `tổng điểm ${total} ≠ 100`)
}

export function readCriteriaFile(file: string): { data: CriteriaFile; sha256: string } {
  const text = readFileSync(file, 'utf8')
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    throw new AppError('VALIDATION', `Dữ liệu bộ tiêu chí bị hỏng (${file}): không đọc được JSON`)
  }
  return { data: parseCriteriaFile(raw, file), sha256: createHash('sha256').update(text).digest('hex') }
}
