/**
 * The majority option of a criterion among the counted members' answers ("theo đa số"): the option chosen by
 * strictly more members than any other; null on a tie or when nobody answered.
 */
export function majorityOption(answers: ReadonlyArray<{ optionId: string | null }>): { optionId: string; count: number; of: number } | null {
  const counts = new Map<string, number>()
  for (const a of answers) if (a.optionId !== null) counts.set(a.optionId, (counts.get(a.optionId) ?? 0) + 1)
  const sorted = [...counts.entries()].sort((x, y) => y[1] - x[1])
  const [first, second] = sorted
  if (!first || (second && second[1] === first[1])) return null
  return { optionId: first[0], count: first[1], of: answers.length }
}
