import type { LanState, LiveEvent } from '../../shared/api/lan'

export type LiveListener = (e: LiveEvent) => void

/**
 * In-process fan-out of live updates (scoring started, re-score opened, finalized, LAN closed). Emitted after the
 * write's transaction committed; the HTTP transport forwards them as server-sent events. A listener that throws is
 * dropped from this emission only: one broken stream never stops the others.
 */
export function createLiveEvents(now: () => Date = () => new Date()) {
  const listeners = new Set<LiveListener>()
  return {
    emit(e: Omit<LiveEvent, 'at'>): LiveEvent {
      const event: LiveEvent = { ...e, at: now().toISOString() }
      for (const l of [...listeners]) {
        try {
          l(event)
        } catch {
          // A closed socket is cleaned up by its own 'close' handler.
        }
      }
      return event
    },
    subscribe(l: LiveListener): () => void {
      listeners.add(l)
      return () => void listeners.delete(l)
    },
    get size(): number {
      return listeners.size
    }
  }
}
export type LiveEvents = ReturnType<typeof createLiveEvents>

/**
 * What a host that can serve other devices provides to the API (browser mode's server, the desktop app's embedded
 * one). The API reaches it only through this port: services and handlers never import the transport.
 */
export interface LanControl {
  state(): LanState
  open(sessionId: number | null, address: string): Promise<LanState>
  close(): Promise<LanState>
  /** Base address members open (LAN address when open, loopback otherwise). */
  baseUrl(): string
}

/** Set once the host started its listener; handlers answer "not available" while it is empty. */
export interface LiveHub {
  events: LiveEvents
  lan: LanControl | null
}

export function createLiveHub(now?: () => Date): LiveHub {
  return { events: createLiveEvents(now), lan: null }
}
