import { useCallback, useEffect, useRef } from 'react'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi } from '../../api/context'
import { useLiveEvents } from '../../api/live'

export const SESSION_POLL_MS = 5000

/**
 * Keeps the open session current when another window (a second office browser, the CLI) changes it: checks every few
 * seconds while the page is visible and whenever `check` is called (tab change); reloads only when something differs,
 * so tabs that keep unsaved input from the session (the agenda picks) are not reset by an identical answer.
 */
export function useSessionFreshness(id: number, current: Session | undefined, reload: () => void, pollMs = SESSION_POLL_MS) {
  const api = useApi()
  const last = useRef('')
  last.current = current ? JSON.stringify(current) : ''
  const finalized = current?.status === 'finalized'

  const check = useCallback(async () => {
    if (!last.current) return
    const r = await api.call('sessions.get', { id })
    if (r.ok && JSON.stringify(r.value) !== last.current) reload()
  }, [api, id, reload])

  useEffect(() => {
    // A finalized session no longer changes status; amendments are shown from their own queries.
    if (finalized) return
    const h = setInterval(() => {
      if (document.visibilityState !== 'hidden') void check()
    }, pollMs)
    return () => clearInterval(h)
  }, [check, pollMs, finalized])

  // Browser mode pushes status changes, re-score rounds and finalization at once (server-sent events); the poll
  // above stays as the fallback (desktop IPC, a dropped stream).
  useLiveEvents((e) => {
    if (e.sessionId === id && e.kind !== 'hello') void check()
  }, !finalized)

  return check
}
