/**
 * Fixed-window counter of FAILED attempts per key. Join codes are short enough to be guessed by a script, so the
 * join endpoint counts wrong codes per client address and per code tried; a successful join costs nothing, so a
 * room of members joining from one access point is never locked out.
 */
export interface FailureLimiter {
  /** True when the key has used up its failures in the current window. */
  blocked(key: string): boolean
  /** Counts one failure against the key. */
  fail(key: string): void
  /** Seconds until the key's window resets. */
  retryAfter(key: string): number
}

/** Keys are bounded: at most this many windows are kept; expired ones are swept first, then the oldest dropped. */
const MAX_KEYS = 10_000

export function createFailureLimiter(limit: number, windowMs: number, now: () => number = Date.now): FailureLimiter {
  const windows = new Map<string, { start: number; count: number }>()
  const current = (key: string, create: boolean) => {
    const t = now()
    let w = windows.get(key)
    if (w && t - w.start >= windowMs) {
      windows.delete(key)
      w = undefined
    }
    if (!w && create) {
      if (windows.size >= MAX_KEYS) {
        for (const [k, v] of windows) if (t - v.start >= windowMs) windows.delete(k)
        // Still full of live windows: drop the oldest (Map keeps insertion order) rather than grow without bound.
        if (windows.size >= MAX_KEYS) windows.delete(windows.keys().next().value as string)
      }
      w = { start: t, count: 0 }
      windows.set(key, w)
    }
    return w
  }
  return {
    blocked: (key) => (current(key, false)?.count ?? 0) >= limit,
    fail(key) {
      current(key, true)!.count++
    },
    retryAfter(key) {
      const w = current(key, false)
      return w ? Math.max(1, Math.ceil((w.start + windowMs - now()) / 1000)) : 1
    }
  }
}
