import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { networkInterfaces } from 'node:os'
import type { Logger } from '../logger'
import type { LanControl, LiveEvents } from '../services/live/live-events'
import type { LanState } from '../shared/api/lan'
import { AppError } from '../shared/result'
import type { DeviceTracker } from './devices'

/** A certificate the province provides, as PEM (`cert` chain + `key`), or PKCS#12 (`pfx` + passphrase) for OpenSSL. */
export interface TlsOptions {
  pfx?: Buffer
  passphrase?: string
  cert?: Buffer
  key?: Buffer
}

export interface LanListenerOptions {
  handler: RequestListener
  tls?: TlsOptions
  devices: DeviceTracker
  events?: LiveEvents
  log: Logger
  loopbackUrl(): string
  /** The loopback listener's port: the LAN listener takes the same number when it is free, so addresses look alike. */
  preferredPort(): number
  /** Called with the served `host:port` and origin when the listener opens, null when it closes. */
  onChange(served: { host: string; origin: string } | null): void
}

export interface LanListener extends LanControl {
  readonly port: number | null
  /** The session members may join from the LAN; null while closed or opened without one (`--lan` alone). */
  readonly sessionId: number | null
}

/** How long the listener stays after its session is finalized: enough for the live "finalized" event to arrive. */
const CLOSE_AFTER_FINALIZED_MS = 1500

/** Non-internal IPv4 addresses of this machine: what the secretary can choose to serve the room on. */
export function lanInterfaces(): Array<{ name: string; address: string }> {
  const out: Array<{ name: string; address: string }> = []
  for (const [name, list] of Object.entries(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push({ name, address: a.address })
  return out
}

function listen(server: Server, port: number, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (err: Error) => reject(err)
    server.once('error', onError)
    server.listen(port, address, () => {
      server.off('error', onError)
      resolve((server.address() as AddressInfo).port)
    })
  })
}

/**
 * The second listener of LAN mode, on one chosen interface. Requests arriving here are always "remote": the
 * shared handler serves them only the join screen, static files, the member API and member events. It closes by
 * itself when the session it was opened for is finalized.
 */
export function createLanListener(opts: LanListenerOptions): LanListener {
  let server: Server | null = null
  let served: { address: string; port: number; sessionId: number | null } | null = null
  const scheme = opts.tls ? 'https' : 'http'

  const baseUrl = () => (served ? `${scheme}://${served.address}:${served.port}/` : opts.loopbackUrl())
  const state = (): LanState => ({
    available: true,
    open: served !== null,
    sessionId: served?.sessionId ?? null,
    url: served ? baseUrl() : null,
    https: !!opts.tls,
    interfaces: lanInterfaces(),
    connections: opts.devices.list()
  })

  async function close(): Promise<LanState> {
    const s = server
    const was = served
    server = null
    served = null
    opts.onChange(null)
    if (s) {
      s.closeAllConnections()
      await new Promise<void>((r) => s.close(() => r()))
      opts.log.info(`LAN listener on ${was?.address}:${was?.port} closed`)
      opts.events?.emit({ kind: 'lan-closed', sessionId: was?.sessionId ?? null })
    }
    return state()
  }

  async function open(sessionId: number | null, address: string): Promise<LanState> {
    if (!lanInterfaces().some((i) => i.address === address))
      throw new AppError('VALIDATION', `Địa chỉ ${address} không thuộc card mạng nào của máy này.`)
    if (served && served.address === address) {
      served.sessionId = sessionId
      return state()
    }
    await close()
    const s = opts.tls ? createHttpsServer({ ...opts.tls }, opts.handler) : createHttpServer(opts.handler)
    s.requestTimeout = 60_000
    let port: number
    try {
      port = await listen(s, opts.preferredPort(), address)
    } catch {
      // The loopback's port number is taken on that interface: any free one will do, the slips carry it.
      port = await listen(s, 0, address).catch((err: unknown) => {
        throw new AppError('CONFLICT', `Không mở được cổng mạng trên ${address}: ${err instanceof Error ? err.message : String(err)}`)
      })
    }
    server = s
    served = { address, port, sessionId }
    opts.onChange({ host: `${address}:${port}`, origin: `${scheme}://${address}:${port}` })
    opts.log.info(`LAN listener on ${scheme}://${address}:${port}/ (session ${sessionId ?? 'any'})`)
    return state()
  }

  // Closing inside the emit would cut the members' streams before the "finalized" event reaches them (the streams
  // subscribe after the listener): close a moment later, so every device learns its session is over first.
  opts.events?.subscribe((e) => {
    if (e.kind !== 'finalized' || !served || served.sessionId === null || e.sessionId !== served.sessionId) return
    const session = e.sessionId
    setTimeout(() => {
      if (served?.sessionId === session) void close()
    }, CLOSE_AFTER_FINALIZED_MS).unref()
  })

  return {
    get port() {
      return served?.port ?? null
    },
    get sessionId() {
      return served?.sessionId ?? null
    },
    state,
    open,
    close,
    baseUrl
  }
}
