import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Registry } from '../api/registry'
import { contract, isMethodName } from '../shared/contract'
import type { Logger } from '../logger'
import { CONTENT_SECURITY_POLICY } from '../shell/csp'
import type { LiveHub } from '../services/live/live-events'
import { createDeviceTracker } from './devices'
import { createLanListener, type LanListener, type TlsOptions } from './lan-listener'
import { openLiveStream } from './live-stream'
import { createRateLimiter } from './rate-limit'
import { allowedHosts, allowedOrigins, checkHost, checkJsonContentType, checkOrigin, extractToken, tokensEqual } from './request-guards'
import { resolveStaticPath } from './safe-path'

export const SESSION_COOKIE = 'ocop_session'
/** Cookie of a member's window (join code exchanged at JOIN_PATHS); the office token stays required for the office. */
export const MEMBER_COOKIE = 'ocop_member'
export const JOIN_PATHS = ['/auth/join', '/join']
/** Server-sent events (live updates) for members and the office. */
export const EVENTS_PATH = '/events'
/** How long a member's cookie outlives the browser being closed; the token itself still dies with its code. */
const MEMBER_COOKIE_MAX_AGE_S = 12 * 60 * 60
const JOIN_BODY_LIMIT = 1024

/** Join codes → member tokens (the core's join-code service). */
export interface MemberAuth {
  exchange(code: string): { token: string; memberId: number; sessionId: number } | null
  resolve(token: string): number | null
}
export const DEFAULT_BODY_LIMIT = 1024 * 1024

export interface HttpOptions {
  registry: Registry
  staticDir: string
  token: string
  log: Logger
  host?: string
  port?: number
  bodyLimit?: number
  members?: MemberAuth
  /** Join attempts allowed per client address and minute. */
  joinAttemptsPerMinute?: number
  /** Live events and the LAN port the API reaches (LAN mode); without it there are no events and no LAN. */
  live?: LiveHub
  /** Certificate for the LAN listener (HTTPS); the loopback listener stays plain HTTP. */
  tls?: TlsOptions
}

export interface HttpHost {
  server: Server
  port: number
  /** The URL to open: the token travels in the fragment, which browsers never send to a server or log. */
  url: string
  /** The LAN listener (closed until opened from the command line or by the secretary). */
  lan: LanListener
  close(): Promise<void>
}

const isLoopback = (address: string | undefined): boolean =>
  !!address && (address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.'))

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf'
}

function baseHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  res.setHeader('X-Content-Type-Options', 'nosniff')
  res.setHeader('Referrer-Policy', 'no-referrer')
  res.setHeader('X-Frame-Options', 'DENY')
}

function refuse(res: ServerResponse, status: number, message: string): void {
  res.statusCode = status
  res.setHeader('Content-Type', 'text/plain; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(message)
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) {
      resolve('too-large')
      req.resume()
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) over = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** Browser-mode host: the same registry as IPC behind token, Host and Origin checks (PATTERNS §3.6). */
export function startHttpServer(opts: HttpOptions): Promise<HttpHost> {
  const host = opts.host ?? '127.0.0.1'
  const limit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT
  let hosts: string[] = []
  let origins: string[] = []

  const devices = createDeviceTracker()

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string, remote: boolean): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    const given = extractToken(req.headers.authorization, req.headers.cookie, SESSION_COOKIE)
    const office = tokensEqual(given, opts.token)
    // Office methods stay on this machine: the office token is refused from any other device, whatever it calls.
    if (office && remote) return refuse(res, 403, 'Forbidden')
    const memberToken = office ? undefined : (given ?? extractToken(undefined, req.headers.cookie, MEMBER_COOKIE))
    const memberId = memberToken && opts.members ? opts.members.resolve(memberToken) : null
    if (!office && memberId === null) return refuse(res, 401, 'Unauthorized')
    if (memberId !== null) devices.touch(memberId, req.socket.remoteAddress ?? '', req.headers['user-agent'])
    if (req.method !== 'POST') return refuse(res, 405, 'Method Not Allowed')
    if (checkJsonContentType(req.headers['content-type'])) return refuse(res, 415, 'Unsupported Media Type')
    // A method may declare a larger body (dossier files travel as base64); everything else keeps the default.
    const methodLimit = isMethodName(method) ? (contract[method] as { bodyLimit?: number }).bodyLimit : undefined
    const body = await readBody(req, Math.max(limit, methodLimit ?? 0))
    if (body === 'too-large') return refuse(res, 413, 'Payload Too Large')
    let input: unknown
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return refuse(res, 400, 'Bad JSON')
    }
    const actor = office ? ({ kind: 'local' } as const) : ({ kind: 'member', memberId: memberId! } as const)
    const result = await opts.registry.dispatch(method, input, { actor, requestId: randomUUID() })
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    // The page keeps working after a reload without putting the token in storage: HttpOnly, same-site only.
    if (office) res.setHeader('Set-Cookie', `${SESSION_COOKIE}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`)
    res.end(JSON.stringify(result))
  }

  const joinLimiter = createRateLimiter(opts.joinAttemptsPerMinute ?? 10, 60_000)
  async function handleJoin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    if (req.method !== 'POST') return refuse(res, 405, 'Method Not Allowed')
    if (!opts.members) return refuse(res, 404, 'Not Found')
    const client = req.socket.remoteAddress ?? 'unknown'
    if (!joinLimiter.take(client)) {
      res.setHeader('Retry-After', String(joinLimiter.retryAfter(client)))
      return refuse(res, 429, 'Too Many Requests')
    }
    if (checkJsonContentType(req.headers['content-type'])) return refuse(res, 415, 'Unsupported Media Type')
    const body = await readBody(req, JOIN_BODY_LIMIT)
    if (body === 'too-large') return refuse(res, 413, 'Payload Too Large')
    let code: unknown
    try {
      code = (JSON.parse(body.toString('utf8')) as { code?: unknown }).code
    } catch {
      return refuse(res, 400, 'Bad JSON')
    }
    const joined = typeof code === 'string' ? opts.members.exchange(code) : null
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    if (!joined) {
      res.statusCode = 401
      return void res.end(JSON.stringify({ message: 'Mã tham gia không đúng, đã hết hạn hoặc đã bị thu hồi' }))
    }
    res.statusCode = 200
    // Survives a reload and a closed tab on this device (never in the URL); Secure when the LAN listener is HTTPS.
    const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : ''
    res.setHeader('Set-Cookie', `${MEMBER_COOKIE}=${joined.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${MEMBER_COOKIE_MAX_AGE_S}${secure}`)
    devices.touch(joined.memberId, client, req.headers['user-agent'])
    res.end(JSON.stringify(joined))
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method Not Allowed')
    const file = resolveStaticPath(opts.staticDir, path)
    if (!file) return refuse(res, 404, 'Not Found')
    let size: number
    try {
      const st = statSync(file)
      if (!st.isFile()) return refuse(res, 404, 'Not Found')
      size = st.size
    } catch {
      return refuse(res, 404, 'Not Found')
    }
    res.statusCode = 200
    res.setHeader('Content-Type', MIME[extname(file).toLowerCase()] ?? 'application/octet-stream')
    res.setHeader('Content-Length', size)
    res.setHeader('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600')
    if (req.method === 'HEAD') return void res.end()
    createReadStream(file).pipe(res)
  }

  async function handleEvents(req: IncomingMessage, res: ServerResponse, remote: boolean): Promise<void> {
    if (req.method !== 'GET') return refuse(res, 405, 'Method Not Allowed')
    const live = opts.live
    if (!live) return refuse(res, 404, 'Not Found')
    const given = extractToken(req.headers.authorization, req.headers.cookie, SESSION_COOKIE)
    if (tokensEqual(given, opts.token)) {
      if (remote) return refuse(res, 403, 'Forbidden')
      return openLiveStream(res, live.events, () => true, null, () => {})
    }
    const memberToken = extractToken(undefined, req.headers.cookie, MEMBER_COOKIE)
    const memberId = memberToken && opts.members ? opts.members.resolve(memberToken) : null
    if (memberId === null) return refuse(res, 401, 'Unauthorized')
    // The member's session, through the same registry path as every other call (no second way into the DB).
    const me = await opts.registry.dispatch('sessions.me', {}, { actor: { kind: 'member', memberId }, requestId: randomUUID() })
    const sessionId = me.ok ? ((me.value as { member: { sessionId: number } | null }).member?.sessionId ?? null) : null
    if (sessionId === null) return refuse(res, 401, 'Unauthorized')
    const closed = devices.stream(memberId, req.socket.remoteAddress ?? '', req.headers['user-agent'])
    openLiveStream(res, live.events, (e) => e.sessionId === sessionId || e.sessionId === null, sessionId, closed)
  }

  /** One request handler for both listeners; `remote` is true for every request arriving on the LAN listener. */
  const handlerFor =
    (remote: boolean): RequestListener =>
    (req, res) => {
      baseHeaders(res)
      if (checkHost(req.headers.host, hosts)) return refuse(res, 403, 'Forbidden host')
      if (checkOrigin(req.headers.origin, origins)) return refuse(res, 403, 'Forbidden origin')
      // Defence in depth: a loopback-bound listener only sees loopback peers, but it is checked rather than assumed.
      const fromElsewhere = remote || !isLoopback(req.socket.remoteAddress)
      const path = (req.url ?? '/').split('?')[0]!
      const fail = (what: string) => (err: unknown) => {
        opts.log.error(`http ${what} failure`, err)
        if (!res.headersSent) refuse(res, 500, 'Internal Server Error')
      }
      if (JOIN_PATHS.includes(path) && req.method === 'POST') return void handleJoin(req, res).catch(fail('join'))
      if (path === EVENTS_PATH) return void handleEvents(req, res, fromElsewhere).catch(fail('events'))
      if (path.startsWith('/api/')) return void handleApi(req, res, decodeURIComponent(path.slice(5)), fromElsewhere).catch(fail('api'))
      handleStatic(req, res, path)
    }

  const server = createServer(handlerFor(false))
  server.requestTimeout = 60_000

  let loopbackHosts: string[] = []
  const lan = createLanListener({
    handler: handlerFor(true),
    ...(opts.tls ? { tls: opts.tls } : {}),
    devices,
    ...(opts.live ? { events: opts.live.events } : {}),
    log: opts.log,
    loopbackUrl: () => `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${(server.address() as AddressInfo).port}/`,
    preferredPort: () => (server.address() as AddressInfo).port,
    // Host and Origin checks accept exactly the served addresses: loopback always, the LAN address while open.
    onChange: (served) => {
      hosts = [...loopbackHosts, ...(served ? [served.host] : [])]
      origins = [...loopbackHosts.map((h) => `http://${h}`), ...(served ? [served.origin] : [])]
    }
  })
  if (opts.live) opts.live.lan = lan

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port
      loopbackHosts = allowedHosts(port, host)
      hosts = loopbackHosts
      origins = allowedOrigins(port, host)
      resolve({
        server,
        port,
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/#token=${opts.token}`,
        lan,
        close: async () => {
          await lan.close()
          if (opts.live?.lan === lan) opts.live.lan = null
          server.closeAllConnections()
          await new Promise<void>((r) => server.close(() => r()))
        }
      })
    })
  })
}
