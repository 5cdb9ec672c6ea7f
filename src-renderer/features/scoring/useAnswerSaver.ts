import { useCallback, useEffect, useRef, useState } from 'react'
import type { Result } from '../../../src-main/shared/result'

export type SaveState = 'saving' | 'saved' | 'error'
export interface SaveStatus {
  state: SaveState
  error?: string
}

export type SaveAnswer = (criterionCode: string, optionId: string) => Promise<Result<unknown>>

/** Waits before each automatic retry of a failed save; after the last one the member retries by hand. */
export const RETRY_DELAYS_MS = [1000, 3000, 8000]

/**
 * Every choice is shown at once and sent at once. Saves of one criterion go out one at a time, the latest choice
 * last, so a slow earlier request can never overwrite a later choice on the server. A failed save keeps the choice
 * on screen, is retried automatically a few times, then waits for "Thử lại"; leaving the page warns while any
 * choice is not yet stored.
 */
export function useAnswerSaver(initial: Readonly<Record<string, string>>, save: SaveAnswer, retryDelays = RETRY_DELAYS_MS) {
  const [answers, setAnswers] = useState<Record<string, string>>(() => ({ ...initial }))
  const [status, setStatus] = useState<Record<string, SaveStatus>>({})
  const latest = useRef(new Map<string, string>())
  const inFlight = useRef(new Set<string>())
  const attempts = useRef(new Map<string, number>())
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>())
  const saveRef = useRef(save)
  saveRef.current = save
  const alive = useRef(true)

  const send = useCallback(
    (code: string) => {
      if (inFlight.current.has(code)) return
      const value = latest.current.get(code)
      if (value === undefined) return
      inFlight.current.add(code)
      setStatus((s) => ({ ...s, [code]: { state: 'saving' } }))
      void saveRef.current(code, value)
        .catch((e: unknown): Result<unknown> => ({ ok: false, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } }))
        .then((r) => {
          inFlight.current.delete(code)
          if (!alive.current) return
          if (latest.current.get(code) !== value) return send(code)
          if (r.ok) {
            latest.current.delete(code)
            attempts.current.delete(code)
            setStatus((s) => ({ ...s, [code]: { state: 'saved' } }))
            return
          }
          const n = attempts.current.get(code) ?? 0
          attempts.current.set(code, n + 1)
          setStatus((s) => ({ ...s, [code]: { state: 'error', error: r.error.message } }))
          const delay = retryDelays[n]
          if (delay !== undefined) timers.current.set(code, setTimeout(() => send(code), delay))
        })
    },
    [retryDelays]
  )

  const choose = useCallback(
    (code: string, optionId: string) => {
      setAnswers((a) => ({ ...a, [code]: optionId }))
      clearTimeout(timers.current.get(code))
      attempts.current.delete(code)
      latest.current.set(code, optionId)
      send(code)
    },
    [send]
  )

  const retry = useCallback(
    (code: string) => {
      clearTimeout(timers.current.get(code))
      attempts.current.delete(code)
      send(code)
    },
    [send]
  )

  useEffect(() => {
    alive.current = true
    const pending = timers.current
    return () => {
      alive.current = false
      for (const t of pending.values()) clearTimeout(t)
    }
  }, [])

  /** The network is back: every choice not yet acknowledged goes out again (the server skips none twice: versions). */
  const resendAll = useCallback(() => {
    for (const code of latest.current.keys()) {
      clearTimeout(timers.current.get(code))
      attempts.current.delete(code)
      send(code)
    }
  }, [send])

  const unsaved = Object.entries(status).filter(([, s]) => s.state !== 'saved').map(([code]) => code)
  useEffect(() => {
    if (unsaved.length === 0) return
    const warn = (e: BeforeUnloadEvent) => e.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsaved.length])

  return { answers, status, choose, retry, resendAll, unsaved }
}
