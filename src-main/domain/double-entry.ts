/**
 * Paper double entry: the secretary types a member's paper sheet twice, the second pass blind to the first; the
 * sheet is accepted only when both passes agree on every criterion (and on the flagged knockouts), so one typing
 * slip cannot change a score.
 */
export interface PaperPass {
  answers: Readonly<Record<string, string>>
  knockouts: ReadonlyArray<{ criterionCode: string | null }>
}

export interface Mismatch {
  /** A criterion code, or "loại:<code>" / "loại:hồ sơ" for a knockout flagged in one pass only. */
  criterionCode: string
  pass1: string | null
  pass2: string | null
}

export function comparePasses(a: PaperPass, b: PaperPass, order: readonly string[] = []): Mismatch[] {
  const rank = new Map(order.map((c, i) => [c, i]))
  const codes = [...new Set([...Object.keys(a.answers), ...Object.keys(b.answers)])].sort(
    (x, y) => (rank.get(x) ?? Number.MAX_SAFE_INTEGER) - (rank.get(y) ?? Number.MAX_SAFE_INTEGER) || x.localeCompare(y)
  )
  const out: Mismatch[] = []
  for (const code of codes) {
    const p1 = a.answers[code] ?? null
    const p2 = b.answers[code] ?? null
    if (p1 !== p2) out.push({ criterionCode: code, pass1: p1, pass2: p2 })
  }
  const key = (k: { criterionCode: string | null }) => `loại:${k.criterionCode ?? 'hồ sơ'}`
  const k1 = new Set(a.knockouts.map(key))
  const k2 = new Set(b.knockouts.map(key))
  for (const k of [...new Set([...k1, ...k2])].sort())
    if (k1.has(k) !== k2.has(k)) out.push({ criterionCode: k, pass1: k1.has(k) ? 'có đánh dấu' : null, pass2: k2.has(k) ? 'có đánh dấu' : null })
  return out
}
