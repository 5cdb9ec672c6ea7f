/**
 * Sandboxed preload: imports only `electron` and types, so the bundle carries no zod (a sandboxed preload cannot
 * `require` node_modules). Exposes exactly `window.ocop = { call, on }` and never `ipcRenderer` itself.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { OcopBridge, OcopBridgeGlobalName } from './shared/bridge'
import type { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from './shared/contract'
import type { Result } from './shared/result'

// Literal copies checked against the contract's constants by the type system (a runtime import would pull in zod).
const CALL_CHANNEL: typeof IPC_CALL_CHANNEL = 'api:call'
const EVENT_CHANNEL: typeof IPC_EVENT_CHANNEL = 'api:event'
const GLOBAL_NAME: OcopBridgeGlobalName = 'ocop'

const bridge = {
  call(method: string, input: unknown): Promise<Result<unknown>> {
    return ipcRenderer.invoke(CALL_CHANNEL, String(method), input) as Promise<Result<unknown>>
  },
  on(event: string, cb: (payload: unknown) => void): () => void {
    const name = String(event)
    // The IpcRendererEvent (with its sender) is never handed to the page.
    const listener = (_e: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) cb(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, listener)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, listener)
    }
  }
} satisfies OcopBridge

contextBridge.exposeInMainWorld(GLOBAL_NAME, bridge)
