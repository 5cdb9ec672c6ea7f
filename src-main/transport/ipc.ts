import { randomUUID } from 'node:crypto'
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron'
import type { Registry } from '../api/registry'
import type { Logger } from '../logger'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../shared/contract'
import type { Result } from '../shared/result'
import { isTrustedSender, isTrustedUrl } from '../shell/trusted-url'

export interface IpcTransport {
  /** Pushes an event to every page loaded from a trusted origin, on the one event channel. */
  emit(event: string, payload: unknown): void
  dispose(): void
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'Nguồn gọi không hợp lệ, yêu cầu bị từ chối' } }

/** What the sender check looks at, read defensively: senderFrame is null once the frame is gone. */
export function senderInfo(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): { senderFrameUrl: string | undefined; isMainFrame: boolean } {
  const frame = event.senderFrame
  if (!frame) return { senderFrameUrl: undefined, isMainFrame: false }
  return { senderFrameUrl: frame.url, isMainFrame: frame.parent === null }
}

/**
 * The only `ipcMain.handle` in the app (PATTERNS §3.3): one channel, the sender checked first, then the registry,
 * which validates input and returns the envelope. Handlers never see the IPC event.
 */
export function registerIpcTransport(registry: Registry, trustedOrigins: readonly string[], log: Logger): IpcTransport {
  ipcMain.handle(IPC_CALL_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown): Promise<Result<unknown>> => {
    const sender = senderInfo(event)
    if (!isTrustedSender(sender, trustedOrigins)) {
      log.warn(`ipc call refused from ${String(sender.senderFrameUrl).slice(0, 200)} (main frame: ${sender.isMainFrame})`)
      return FORBIDDEN
    }
    const requestId = `ipc-${randomUUID()}`
    return registry.dispatch(typeof method === 'string' ? method : '', input, { actor: { kind: 'local' }, requestId })
  })
  return {
    emit(name, payload) {
      for (const wc of webContents.getAllWebContents()) {
        if (wc.isDestroyed() || !isTrustedUrl(wc.getURL(), trustedOrigins)) continue
        wc.send(IPC_EVENT_CHANNEL, name, payload)
      }
    },
    dispose() {
      ipcMain.removeHandler(IPC_CALL_CHANNEL)
    }
  }
}
