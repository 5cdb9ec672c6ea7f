import type { ServerResponse } from 'node:http'
import type { LiveEvents } from '../services/live/live-events'
import type { LiveEvent } from '../shared/api/lan'

/** A comment line every so often keeps idle connections alive through NAT and lets a dead socket be noticed. */
const HEARTBEAT_MS = 15_000

/**
 * One server-sent-events stream: a `hello` first (the client resends unsaved answers when it sees one after a
 * drop), then every live event the filter lets through. Ends with the response; `after` runs once it closed.
 */
export function openLiveStream(res: ServerResponse, events: LiveEvents, filter: (e: LiveEvent) => boolean, sessionId: number | null, after: () => void): void {
  res.statusCode = 200
  res.setHeader('Content-Type', 'text/event-stream; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.setHeader('X-Accel-Buffering', 'no')
  res.flushHeaders()
  const write = (e: LiveEvent): void => void res.write(`event: ${e.kind}\ndata: ${JSON.stringify(e)}\n\n`)
  // Reconnect quickly after a dropped link: the member is waiting for their answers to be confirmed.
  res.write('retry: 2000\n\n')
  write({ kind: 'hello', sessionId, at: new Date().toISOString() })
  const unsubscribe = events.subscribe((e) => {
    if (filter(e)) write(e)
  })
  const beat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS)
  beat.unref()
  res.on('close', () => {
    clearInterval(beat)
    unsubscribe()
    after()
  })
}
