import type { LeafCriterion } from '../shared/criteria'

/** How a criterion is named in every message: its code and its printed text, shortened so messages stay readable. */
export function criterionLabel(c: Pick<LeafCriterion, 'code' | 'text'>): string {
  const text = c.text.replace(/\s+/g, ' ').trim()
  const short = text.length > 60 ? `${text.slice(0, 60).replace(/\s+\S*$/, '')}…` : text
  return `tiêu chí ${c.code} (${short})`
}
