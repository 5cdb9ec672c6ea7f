import { useEffect, useRef, useState } from 'react'
import type { LiveEvent } from '../../src-main/shared/api/lan'

/** Path of the browser-mode server's live updates (server-sent events). */
export const EVENTS_URL = '/events'

/**
 * Live updates pushed by the browser-mode server: scoring started, re-score opened, finalized, LAN closed. The
 * browser reconnects by itself after a dropped link; every (re)connection starts with `hello`, which is when
 * answers not yet acknowledged are sent again. Without EventSource (desktop IPC, tests) nothing happens.
 */
export function useLiveEvents(onEvent: (e: LiveEvent) => void, enabled = true): { connected: boolean } {
  const handler = useRef(onEvent)
  handler.current = onEvent
  const [connected, setConnected] = useState(false)
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined' || (typeof window !== 'undefined' && window.ocop)) return
    const source = new EventSource(EVENTS_URL, { withCredentials: true })
    const kinds: Array<LiveEvent['kind']> = ['hello', 'status', 'rescore', 'finalized', 'lan-closed']
    const listener = (m: MessageEvent<string>) => {
      let e: LiveEvent
      try {
        e = JSON.parse(m.data) as LiveEvent
      } catch {
        return
      }
      if (e.kind === 'hello') setConnected(true)
      handler.current(e)
      // A finalized session ends the member's token: reconnecting would only be refused.
      if (e.kind === 'finalized') source.close()
    }
    for (const k of kinds) source.addEventListener(k, listener as EventListener)
    source.onerror = () => setConnected(false)
    return () => {
      for (const k of kinds) source.removeEventListener(k, listener as EventListener)
      source.close()
    }
  }, [enabled])
  return { connected }
}
