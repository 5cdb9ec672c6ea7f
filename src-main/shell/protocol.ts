import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { protocol } from 'electron'
import { resolveStaticPath } from '../transport/safe-path'
import { CONTENT_SECURITY_POLICY } from './csp'
import { APP_HOST, APP_SCHEME } from './trusted-url'

/** Must run before `app.whenReady()`: app:// behaves like https (standard origin, secure context, fetch). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
  ])
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8'
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

const baseHeaders = (): Record<string, string> => ({
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache'
})

const refuse = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...baseHeaders(), 'Content-Type': 'text/plain; charset=utf-8' } })

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * The app:// request handler, pure enough to test with a real Request and a temp folder: GET/HEAD only, exact host,
 * path confined to `root` by resolveStaticPath, CSP and nosniff on every response. A path without an extension that
 * names no file falls back to index.html so client-side routes survive a reload.
 */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method Not Allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return refuse(400, 'Bad Request')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username !== '' || url.password !== '') return refuse(403, 'Forbidden')
    // Take the raw path from the request URL, so percent-encoded dots reach resolveStaticPath undecoded.
    let file = resolveStaticPath(root, url.pathname)
    if (file === null) return refuse(404, 'Not Found')
    if (!(await isFile(file))) {
      if (extname(file) !== '') return refuse(404, 'Not Found')
      file = resolveStaticPath(root, '/index.html')
      if (file === null || !(await isFile(file))) return refuse(404, 'Not Found')
    }
    const body = request.method === 'HEAD' ? null : await readFile(file)
    return new Response(body, { status: 200, headers: { ...baseHeaders(), 'Content-Type': contentTypeOf(file) } })
  }
}

/** After `app.whenReady()`: serve `root` (out/renderer) on app://ocop/. */
export function registerAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root))
}
