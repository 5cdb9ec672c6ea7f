import type { Result } from './result'

/**
 * The object the preload exposes as `window.ocop` (contextBridge). Type-only: the renderer imports it to detect and
 * type the Electron transport. Events arrive as `(payload)` for the one event name subscribed to.
 */
export interface OcopBridge {
  call(method: string, input: unknown): Promise<Result<unknown>>
  on(event: string, cb: (payload: unknown) => void): () => void
}

/** The global name of the bridge: `window.ocop`. */
export type OcopBridgeGlobalName = 'ocop'
