import { createReadStream, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname } from 'node:path'
import { randomUUID } from 'node:crypto'
import type { Registry } from '../api/registry'
import { contract, isMethodName } from '../shared/contract'
import type { Logger } from '../logger'
import { CONTENT_SECURITY_POLICY } from '../shell/csp'
import { createRateLimiter } from './rate-limit'
import { allowedHosts, allowedOrigins, checkHost, checkJsonContentType, checkOrigin, extractToken, tokensEqual } from './request-guards'
import { resolveStaticPath } from './safe-path'

export const SESSION_COOKIE = 'ocop_session'
/** Cookie of a member's window (join code exchanged at JOIN_PATHS); the office token stays required for the office. */
export const MEMBER_COOKIE = 'ocop_member'
export const JOIN_PATHS = ['/auth/join', '/join']
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
}

export interface HttpHost {
  server: Server
  port: number
  /** The URL to open: the token travels in the fragment, which browsers never send to a server or log. */
  url: string
  close(): Promise<void>
}

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

  async function handleApi(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store')
    const given = extractToken(req.headers.authorization, req.headers.cookie, SESSION_COOKIE)
    const office = tokensEqual(given, opts.token)
    const memberToken = office ? undefined : (given ?? extractToken(undefined, req.headers.cookie, MEMBER_COOKIE))
    const memberId = memberToken && opts.members ? opts.members.resolve(memberToken) : null
    if (!office && memberId === null) return refuse(res, 401, 'Unauthorized')
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
    res.setHeader('Set-Cookie', `${MEMBER_COOKIE}=${joined.token}; HttpOnly; SameSite=Strict; Path=/`)
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

  const server = createServer((req, res) => {
    baseHeaders(res)
    if (checkHost(req.headers.host, hosts)) return refuse(res, 403, 'Forbidden host')
    if (checkOrigin(req.headers.origin, origins)) return refuse(res, 403, 'Forbidden origin')
    const path = (req.url ?? '/').split('?')[0]!
    if (JOIN_PATHS.includes(path) && req.method === 'POST') {
      handleJoin(req, res).catch((err) => {
        opts.log.error('http join failure', err)
        if (!res.headersSent) refuse(res, 500, 'Internal Server Error')
      })
      return
    }
    if (path.startsWith('/api/')) {
      handleApi(req, res, decodeURIComponent(path.slice(5))).catch((err) => {
        opts.log.error('http api failure', err)
        if (!res.headersSent) refuse(res, 500, 'Internal Server Error')
      })
      return
    }
    handleStatic(req, res, path)
  })
  server.requestTimeout = 60_000

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port
      hosts = allowedHosts(port, host)
      origins = allowedOrigins(port, host)
      resolve({
        server,
        port,
        url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/#token=${opts.token}`,
        close: () => new Promise((r) => server.close(() => r()))
      })
    })
  })
}
