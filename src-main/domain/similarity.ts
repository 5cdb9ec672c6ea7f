import { foldVietnamese } from '../shared/text'

function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>()
  const t = ` ${s} `
  for (let i = 0; i < t.length - 1; i++) {
    const g = t.slice(i, i + 2)
    out.set(g, (out.get(g) ?? 0) + 1)
  }
  return out
}

/**
 * Dice coefficient of character bigrams on folded text (no diacritics, đ → d, lower case, single spaces): 1 for
 * names that differ only in accents or spacing, about 0.8 for one changed word in a short name. Used to warn about
 * likely duplicate products, never to refuse them.
 */
export function nameSimilarity(a: string, b: string): number {
  const fa = foldVietnamese(a).replace(/[^\p{L}\p{N} ]/gu, '')
  const fb = foldVietnamese(b).replace(/[^\p{L}\p{N} ]/gu, '')
  if (fa === fb) return 1
  if (!fa || !fb) return 0
  const ga = bigrams(fa)
  const gb = bigrams(fb)
  let common = 0
  let total = 0
  for (const [g, n] of ga) {
    common += Math.min(n, gb.get(g) ?? 0)
    total += n
  }
  for (const n of gb.values()) total += n
  return (2 * common) / total
}

/** Names this close are reported as a likely duplicate. */
export const SIMILAR_NAME_THRESHOLD = 0.8
