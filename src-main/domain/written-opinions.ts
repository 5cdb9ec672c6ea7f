import { starBand } from './star-band'

/**
 * Re-evaluation by written opinions (QĐ 26/2026 Điều 7.6d): the council decides on the members' written opinions
 * and meets in person only when the opinions differ. "Differ" is read as: the opinions fall in different star bands,
 * or their spread exceeds the Quy chế's spread limit (the same limit that triggers a re-score at a meeting).
 */
export interface Opinion {
  memberId: number
  total: number
}

export interface OpinionCheck {
  submitted: number
  stars: number[]
  spread: number | null
  agree: boolean
  meetingNeeded: boolean
}

export function checkOpinions(opinions: readonly Opinion[], expected: number, spreadLimit: number): OpinionCheck {
  const totals = opinions.map((o) => o.total)
  const stars = [...new Set(totals.map((t) => starBand(t)))].sort()
  const spread = totals.length ? Math.max(...totals) - Math.min(...totals) : null
  const agree = totals.length > 0 && stars.length === 1 && (spread ?? 0) <= spreadLimit
  return { submitted: totals.length, stars, spread, agree, meetingNeeded: opinions.length >= expected && !agree }
}
