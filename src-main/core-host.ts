import type { Registry } from './api/registry'
import type { DB } from './db/connection'
import type { Logger } from './logger'
import type { DbHost } from './services/backup/backup-service'
import type { MemberAuth } from './transport/http'
import type { AppInfo } from './shared/contract'
import { AppError } from './shared/result'

/** What the hosts (Electron, browser mode) hold: core.ts builds it; this module owns its shape and its swapping. */
export interface Core {
  registry: Registry
  db: DB
  /** Join codes → member tokens, for the browser-mode server. */
  members: MemberAuth
  info(): AppInfo
  close(): void
}

/**
 * A core whose database can be swapped underneath (restore from a backup) while transports keep the same
 * registry: everything built on the old connection is closed and rebuilt by `open`, and calls arriving meanwhile
 * wait for the new core instead of reaching a closed connection.
 */
export async function reopenableCore(open: (host: DbHost) => Promise<Core>, log: Logger): Promise<Core> {
  let current: Core | undefined
  let gate: Promise<void> = Promise.resolve()
  const live = (): Core => {
    if (!current) throw new Error('core is not open')
    return current
  }
  const host: DbHost = {
    async reopen(replace, rollback) {
      let release = (): void => {}
      gate = new Promise<void>((r) => (release = r))
      try {
        live().close()
        current = undefined
        replace()
        try {
          current = await open(host)
        } catch (err) {
          log.error('opening the restored database failed; putting the previous data back', err)
          rollback()
          current = await open(host)
          throw new AppError('INTERNAL', 'Không mở được dữ liệu vừa khôi phục; dữ liệu trước khi khôi phục đã được đặt lại.')
        }
      } finally {
        release()
      }
    }
  }
  current = await open(host)
  const registry: Registry = {
    handle: (name, fn) => live().registry.handle(name, fn),
    missing: () => live().registry.missing(),
    async dispatch(name, input, ctx) {
      await gate
      return live().registry.dispatch(name, input, ctx)
    }
  }
  return {
    registry,
    get db() {
      return live().db
    },
    members: {
      exchange: (code, onlySession) => live().members.exchange(code, onlySession),
      resolve: (token) => live().members.resolve(token),
      resolveSeat: (token) => live().members.resolveSeat(token)
    },
    info: () => live().info(),
    close: () => current?.close()
  }
}
