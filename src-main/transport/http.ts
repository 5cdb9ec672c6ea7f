import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Duplex } from 'node:stream'
import type { Registry } from '../api/registry'
import { contract, isMethodName, roleMayCall, type MethodSpec } from '../shared/contract'
import type { ErrorCode } from '../shared/result'
import type { Logger } from '../logger'
import type { LiveHub } from '../services/live/live-events'
import { normaliseCode } from '../services/sessions/join-code-service'
import { CONTENT_SECURITY_POLICY } from '../shell/csp'
import { createDeviceTracker } from './devices'
import { createLanListener, type LanListener, type TlsOptions } from './lan-listener'
import { openLiveStream } from './live-stream'
import { createFailureLimiter } from './rate-limit'
import { allowedHosts, allowedOrigins, checkHost, checkJsonContentType, checkOrigin, extractToken, tokensEqual } from './request-guards'
import { resolveStaticPath } from './safe-path'

/**
 * Cookie names carry the port: cookies are scoped by host, not by port, so a plain name would be sent to every
 * other service on 127.0.0.1 (and one of theirs could shadow ours).
 */
export const officeCookieName = (port: number): string => `ocop_session_${port}`
/** Cookie of a member's window (join code exchanged at JOIN_PATHS); the office token stays required for the office. */
export const memberCookieName = (port: number): string => `ocop_member_${port}`
export const JOIN_PATHS = ['/auth/join', '/join']
/** Server-sent events (live updates) for members and the office. */
export const EVENTS_PATH = '/events'
/** How long a member's cookie outlives the browser being closed; the token itself still dies with its code. */
const MEMBER_COOKIE_MAX_AGE_S = 12 * 60 * 60
const JOIN_BODY_LIMIT = 1024

/** Join codes → member tokens (the core's join-code service). */
export interface MemberAuth {
  /** `onlySession`: a code of another session is refused and stays unused (a join from the LAN). */
  exchange(code: string, onlySession?: number): { token: string; memberId: number; sessionId: number } | null
  resolve(token: string): number | null
  resolveSeat(token: string): { memberId: number; sessionId: number } | null
}
/** What the join screen asks before a code is typed: may members join from where this request comes? */
export const JOIN_STATUS_PATH = '/join/status'
/** Said on the LAN while no session is open for members (`--lan` alone serves the address, not a session). */
export const NO_LAN_SESSION = 'Chưa có phiên nào mở cho thành viên. Thư ký mở phiên cho mạng LAN rồi bạn vào chấm.'
export const OTHER_LAN_SESSION = 'Phiên họp của bạn không còn mở cho thành viên qua mạng LAN.'
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

/** Transport-level refusals, as the same error envelope the API uses, in Vietnamese. */
const REFUSAL: Record<number, { code: ErrorCode; message: string }> = {
  400: { code: 'VALIDATION', message: 'Yêu cầu không hợp lệ' },
  401: { code: 'UNAUTHENTICATED', message: 'Phiên làm việc không hợp lệ hoặc đã hết hạn' },
  403: { code: 'FORBIDDEN', message: 'Yêu cầu bị từ chối' },
  404: { code: 'NOT_FOUND', message: 'Không tìm thấy' },
  405: { code: 'VALIDATION', message: 'Phương thức không được hỗ trợ' },
  409: { code: 'CONFLICT', message: 'Chưa thực hiện được lúc này' },
  413: { code: 'VALIDATION', message: 'Dữ liệu gửi lên quá lớn' },
  415: { code: 'VALIDATION', message: 'Chỉ nhận dữ liệu JSON' },
  429: { code: 'FORBIDDEN', message: 'Thử quá nhiều lần, vui lòng đợi rồi thử lại' },
  500: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại' }
}

/** How long a refused request's remaining body is read and thrown away before the connection is cut. */
const LINGER_MS = 1500

/**
 * Ends a request with a refusal. `close` is set when the request body was not (fully) read: what the client still
 * sends is discarded (never buffered) for at most LINGER_MS, then the connection is cut. Closing at once would
 * make the kernel reset the connection while the client is still writing, and the client would lose the answer.
 */
function refuse(res: ServerResponse, status: keyof typeof REFUSAL, opts: { message?: string; close?: boolean } = {}): void {
  if (res.headersSent || res.writableEnded) {
    res.destroy()
    return
  }
  const r = REFUSAL[status]!
  res.statusCode = status
  res.setHeader('Content-Type', 'application/json; charset=utf-8')
  res.setHeader('Cache-Control', 'no-store')
  res.end(JSON.stringify({ ok: false, error: { code: r.code, message: opts.message ?? r.message } }))
  const req = res.req
  if (opts.close && !req.complete) {
    req.resume()
    const cut = setTimeout(() => req.socket.destroy(), LINGER_MS)
    cut.unref()
    req.once('end', () => clearTimeout(cut))
    req.socket.once('close', () => clearTimeout(cut))
  }
}

/** The raw answer written on a socket whose request Node could not even parse (bad request line, headers, …). */
function rawRefusal(status: 400 | 408 | 431): string {
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status]
  const message = { 400: REFUSAL[400]!.message, 408: 'Yêu cầu gửi quá chậm', 431: 'Phần đầu yêu cầu quá lớn' }[status]
  const body = JSON.stringify({ ok: false, error: { code: 'VALIDATION', message } })
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`
}

/**
 * Reads at most `limit` bytes. A larger body (declared or streamed) stops the reading at once: nothing beyond the
 * limit is buffered, and the caller answers 413 and closes the connection.
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (!(declared <= limit)) return resolve('too-large')
    const chunks: Buffer[] = []
    let size = 0
    const done = (v: Buffer | 'too-large' | 'aborted') => {
      req.off('data', onData)
      req.off('end', onEnd)
      req.off('error', onError)
      req.off('close', onClose)
      resolve(v)
    }
    const onData = (c: Buffer) => {
      size += c.length
      if (size > limit) done('too-large')
      else chunks.push(c)
    }
    const onEnd = () => done(Buffer.concat(chunks))
    const onError = () => done('aborted')
    const onClose = () => {
      if (!req.complete) done('aborted')
    }
    req.on('data', onData)
    req.on('end', onEnd)
    req.on('error', onError)
    req.on('close', onClose)
  })
}

/** `decodeURIComponent` without the URIError: a malformed escape is a malformed request, never a crash. */
export function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s)
  } catch {
    return null
  }
}

/** Browser-mode host: the same registry as IPC behind token, Host and Origin checks (PATTERNS §3.6). */
export function startHttpServer(opts: HttpOptions): Promise<HttpHost> {
  const host = opts.host ?? '127.0.0.1'
  const limit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT
  let hosts: string[] = []
  let origins: string[] = []
  let officeCookie = officeCookieName(0)
  let memberCookie = memberCookieName(0)

  /** Who calls, from the token alone; null when nobody we know. */
  /** The office (loopback token) or a member with the session of the code they joined with. */
  function caller(req: IncomingMessage): { kind: 'local' } | { kind: 'member'; memberId: number; sessionId: number } | null {
    const given = extractToken(req.headers.authorization, req.headers.cookie, officeCookie)
    if (tokensEqual(given, opts.token)) return { kind: 'local' }
    const memberToken = given ?? extractToken(undefined, req.headers.cookie, memberCookie)
    const seat = memberToken && opts.members ? opts.members.resolveSeat(memberToken) : null
    return seat === null ? null : { kind: 'member', memberId: seat.memberId, sessionId: seat.sessionId }
  }

  /** From the LAN a member reaches only the session the listener is open for; null: allowed. */
  const lanRefusal = (actor: { sessionId: number }, remote: boolean): string | null => {
    if (!remote) return null
    const open = lan.sessionId
    return open === null ? NO_LAN_SESSION : open !== actor.sessionId ? OTHER_LAN_SESSION : null
  }

  const devices = createDeviceTracker()

  /**
   * Order matters: token, then the method and whether this caller may call it, and only then the body, with the
   * limit of that method. A member token can never make the server buffer an office-sized upload. Office methods
   * stay on this machine: the office token is refused from any other device (`remote`), whatever it calls.
   */
  async function handleApi(req: IncomingMessage, res: ServerResponse, rawMethod: string, remote: boolean): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    const actor = caller(req)
    if (!actor) return refuse(res, 401, { close: true })
    if (actor.kind === 'local' && remote) return refuse(res, 403, { close: true })
    if (actor.kind === 'member') {
      const refusal = lanRefusal(actor, remote)
      if (refusal) return refuse(res, 403, { message: refusal, close: true })
      devices.touch(actor.memberId, req.socket.remoteAddress ?? '', req.headers['user-agent'])
    }
    if (req.method !== 'POST') return refuse(res, 405, { close: true })
    const method = safeDecode(rawMethod)
    if (method === null) return refuse(res, 400, { close: true })
    if (!isMethodName(method)) return refuse(res, 404, { message: 'Chức năng không tồn tại', close: true })
    const spec: MethodSpec = contract[method]
    if (!roleMayCall(spec, actor.kind)) return refuse(res, 403, { message: 'Bạn không có quyền thực hiện thao tác này', close: true })
    if (checkJsonContentType(req.headers['content-type'])) return refuse(res, 415, { close: true })
    // A method may declare a larger body (dossier files travel as base64); everything else keeps the default.
    const body = await readBody(req, Math.max(limit, spec.bodyLimit ?? 0))
    if (body === 'aborted') return void res.destroy()
    if (body === 'too-large') return refuse(res, 413, { close: true })
    let input: unknown
    try {
      input = body.length ? JSON.parse(body.toString('utf8')) : {}
    } catch {
      return refuse(res, 400, { message: 'Dữ liệu JSON không hợp lệ' })
    }
    const ctxActor = actor.kind === 'member' ? { kind: 'member' as const, memberId: actor.memberId } : actor
    const result = await opts.registry.dispatch(method, input, { actor: ctxActor, requestId: randomUUID() })
    if (res.destroyed) return
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    // The page keeps working after a reload without putting the token in storage: HttpOnly, same-site only.
    if (actor.kind === 'local') res.setHeader('Set-Cookie', `${officeCookie}=${opts.token}; HttpOnly; SameSite=Strict; Path=/`)
    res.end(JSON.stringify(result))
  }

  // Wrong codes only: per client address, and per code tried (a code replayed from many addresses is blocked too).
  const joinLimiter = createFailureLimiter(opts.joinAttemptsPerMinute ?? 10, 60_000)
  async function handleJoin(req: IncomingMessage, res: ServerResponse, remote: boolean): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    if (!opts.members) return refuse(res, 404, { close: true })
    // From the LAN, only codes of the session the secretary opened for members; none open: say so, take no code.
    const onlySession = remote ? lan.sessionId : undefined
    if (onlySession === null) return refuse(res, 409, { message: NO_LAN_SESSION, close: true })
    const addressKey = `addr:${req.socket.remoteAddress ?? 'unknown'}`
    const tooMany = (key: string) => {
      res.setHeader('Retry-After', String(joinLimiter.retryAfter(key)))
      refuse(res, 429, { close: true })
    }
    if (joinLimiter.blocked(addressKey)) return tooMany(addressKey)
    if (checkJsonContentType(req.headers['content-type'])) return refuse(res, 415, { close: true })
    const body = await readBody(req, JOIN_BODY_LIMIT)
    if (body === 'aborted') return void res.destroy()
    if (body === 'too-large') return refuse(res, 413, { close: true })
    let code: unknown
    try {
      const parsed: unknown = JSON.parse(body.toString('utf8'))
      code = typeof parsed === 'object' && parsed !== null ? (parsed as { code?: unknown }).code : undefined
    } catch {
      return refuse(res, 400, { message: 'Dữ liệu JSON không hợp lệ' })
    }
    const codeKey = `code:${typeof code === 'string' ? normaliseCode(code).slice(0, 32) : ''}`
    if (joinLimiter.blocked(codeKey)) return tooMany(codeKey)
    const joined = typeof code === 'string' ? opts.members.exchange(code, onlySession) : null
    if (!joined) {
      joinLimiter.fail(addressKey)
      joinLimiter.fail(codeKey)
      return refuse(res, 401, { message: 'Mã tham gia không đúng, đã dùng, đã hết hạn hoặc đã bị thu hồi' })
    }
    res.statusCode = 200
    res.setHeader('Content-Type', 'application/json; charset=utf-8')
    // Survives a reload and a closed tab on this device (never in the URL); Secure when the LAN listener is HTTPS.
    const secure = (req.socket as { encrypted?: boolean }).encrypted ? '; Secure' : ''
    res.setHeader('Set-Cookie', `${memberCookie}=${joined.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${MEMBER_COOKIE_MAX_AGE_S}${secure}`)
    devices.touch(joined.memberId, req.socket.remoteAddress ?? '', req.headers['user-agent'])
    res.end(JSON.stringify(joined))
  }

  function handleStatic(req: IncomingMessage, res: ServerResponse, path: string): void {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, { close: true })
    const file = resolveStaticPath(opts.staticDir, path)
    if (!file) return refuse(res, 404)
    let size: number
    try {
      const st = statSync(file)
      if (!st.isFile()) return refuse(res, 404)
      size = st.size
    } catch {
      return refuse(res, 404)
    }
    res.statusCode = 200
    res.setHeader('Content-Type', MIME[extname(file).toLowerCase()] ?? 'application/octet-stream')
    res.setHeader('Content-Length', size)
    res.setHeader('Cache-Control', file.endsWith('index.html') ? 'no-store' : 'private, max-age=3600')
    if (req.method === 'HEAD') return void res.end()
    const stream = createReadStream(file)
    // The file may vanish or fail between stat and read (a rebuild): end this answer, never the process.
    stream.on('error', (err) => {
      opts.log.warn(`static read failed: ${file}`, err)
      res.destroy()
    })
    stream.pipe(res)
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, remote: boolean): void {
    if (req.method !== 'GET') return refuse(res, 405, { close: true })
    const live = opts.live
    if (!live) return refuse(res, 404)
    const actor = caller(req)
    if (!actor) return refuse(res, 401)
    if (actor.kind === 'local') {
      if (remote) return refuse(res, 403)
      return openLiveStream(res, live.events, () => true, null, () => {})
    }
    if (actor.kind !== 'member') return refuse(res, 403)
    if (lanRefusal(actor, remote)) return refuse(res, 403)
    // The member's session is the one their live token was issued for (`caller` → `resolveSeat`).
    const sessionId = actor.sessionId
    const closed = devices.stream(actor.memberId, req.socket.remoteAddress ?? '', req.headers['user-agent'])
    openLiveStream(res, live.events, (e) => e.sessionId === sessionId || e.sessionId === null, sessionId, closed)
  }

  function route(req: IncomingMessage, res: ServerResponse, remote: boolean): Promise<void> | void {
    baseHeaders(res)
    if (checkHost(req.headers.host, hosts)) return refuse(res, 403, { message: 'Nguồn truy cập không hợp lệ', close: true })
    if (checkOrigin(req.headers.origin, origins)) return refuse(res, 403, { message: 'Nguồn truy cập không hợp lệ', close: true })
    // Defence in depth: a loopback-bound listener only sees loopback peers, but it is checked rather than assumed.
    const fromElsewhere = remote || !isLoopback(req.socket.remoteAddress)
    const path = (req.url ?? '/').split('?')[0]!
    if (JOIN_PATHS.includes(path) && req.method === 'POST') return handleJoin(req, res, fromElsewhere)
    if (path === JOIN_STATUS_PATH && req.method === 'GET') {
      res.setHeader('Cache-Control', 'no-store')
      res.setHeader('Content-Type', 'application/json; charset=utf-8')
      const open = !fromElsewhere || lan.sessionId !== null
      return void res.end(JSON.stringify(open ? { open } : { open, message: NO_LAN_SESSION }))
    }
    if (path === EVENTS_PATH) return handleEvents(req, res, fromElsewhere)
    if (path.startsWith('/api/')) return handleApi(req, res, path.slice(5), fromElsewhere)
    return handleStatic(req, res, path)
  }

  /**
   * The one outermost guard of a request, for both listeners (`remote` is true for every request arriving on the LAN
   * listener): whatever a handler throws, now or later, ends this answer only.
   */
  const guarded =
    (remote: boolean): RequestListener =>
    (req, res) => {
      const fail = (err: unknown) => {
        opts.log.error(`http request failed: ${req.method ?? '?'} ${req.url ?? '?'}`, err)
        refuse(res, 500, { close: true })
      }
      req.on('error', (err) => opts.log.warn('http request stream error', err))
      res.on('error', (err) => opts.log.warn('http response stream error', err))
      try {
        const pending = route(req, res, remote)
        if (pending) pending.catch(fail)
      } catch (err) {
        fail(err)
      }
    }

  const server = createServer(guarded(false))
  server.requestTimeout = 60_000
  server.headersTimeout = 20_000
  // A request Node cannot parse (bad request line, header, chunk encoding) or a socket failing mid-request.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code !== 'ECONNRESET' && err.code !== 'EPIPE') opts.log.info(`http client error: ${err.code ?? err.message}`)
    const answered = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent
    if (!socket.writable || answered) return void socket.destroy()
    socket.end(rawRefusal(err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400))
    // A client that never closes its side does not keep the socket: cut after the same linger as other refusals.
    setTimeout(() => socket.destroy(), LINGER_MS).unref()
  })

  let loopbackHosts: string[] = []
  let loopbackOrigins: string[] = []
  const lan = createLanListener({
    handler: guarded(true),
    ...(opts.tls ? { tls: opts.tls } : {}),
    devices,
    ...(opts.live ? { events: opts.live.events } : {}),
    log: opts.log,
    loopbackUrl: () => `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${(server.address() as AddressInfo).port}/`,
    preferredPort: () => (server.address() as AddressInfo).port,
    // Host and Origin checks accept exactly the served addresses: loopback always, the LAN address while open.
    onChange: (served) => {
      hosts = [...loopbackHosts, ...(served ? [served.host] : [])]
      origins = [...loopbackOrigins, ...(served ? [served.origin] : [])]
    }
  })
  if (opts.live) opts.live.lan = lan

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject)
      // After start-up a server error (e.g. too many open files on accept) is logged, never thrown at the process.
      server.on('error', (err) => opts.log.error('http server error', err))
      const port = (server.address() as AddressInfo).port
      loopbackHosts = allowedHosts(port, host)
      loopbackOrigins = allowedOrigins(port, host)
      hosts = loopbackHosts
      origins = loopbackOrigins
      officeCookie = officeCookieName(port)
      memberCookie = memberCookieName(port)
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
