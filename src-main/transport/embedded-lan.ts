import { randomBytes } from 'node:crypto'
import type { Registry } from '../api/registry'
import type { Logger } from '../logger'
import type { LanControl, LiveHub } from '../services/live/live-events'
import type { LanState } from '../shared/api/lan'
import { startHttpServer, type HttpHost, type MemberAuth } from './http'
import { lanInterfaces } from './lan-listener'

/**
 * LAN mode for the desktop app: the app has no HTTP server of its own, so the first "open" starts the browser-mode
 * server on loopback (with a token nobody receives: the office keeps using IPC) and opens its LAN listener.
 * Closing the LAN stops that server again.
 */
export function embeddedLan(opts: { registry: Registry; members: MemberAuth; staticDir: string; log: Logger; live: LiveHub }): LanControl & { shutdown(): Promise<void> } {
  let host: HttpHost | null = null
  const idle = (): LanState => ({ available: true, open: false, sessionId: null, url: null, https: false, interfaces: lanInterfaces(), connections: [] })
  const control: LanControl & { shutdown(): Promise<void> } = {
    state: () => host?.lan.state() ?? idle(),
    baseUrl: () => host?.lan.baseUrl() ?? '',
    async open(sessionId, address) {
      if (!host) {
        host = await startHttpServer({ registry: opts.registry, members: opts.members, staticDir: opts.staticDir, token: randomBytes(32).toString('base64url'), log: opts.log, live: opts.live })
        // startHttpServer points the hub at its own listener; the desktop keeps this wrapper in charge.
        opts.live.lan = control
      }
      return host.lan.open(sessionId, address)
    },
    async close() {
      await control.shutdown()
      return idle()
    },
    async shutdown() {
      const h = host
      host = null
      if (h) await h.close()
      opts.live.lan = control
    }
  }
  opts.live.lan = control
  return control
}
