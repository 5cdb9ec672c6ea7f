import { timingSafeEqual } from 'node:crypto'

/**
 * Pure checks of the browser-mode server (PATTERNS §3.6). Each returns a refusal status or null.
 */

/** Host must name the bound address exactly: defeats DNS rebinding, where a foreign name resolves to 127.0.0.1. */
export function checkHost(host: string | undefined, allowed: readonly string[]): 403 | null {
  if (!host) return 403
  return allowed.includes(host.toLowerCase()) ? null : 403
}

/** A browser always sends Origin on cross-origin and POST requests; when present it must be ours. */
export function checkOrigin(origin: string | undefined, allowed: readonly string[]): 403 | null {
  if (origin === undefined) return null
  return allowed.includes(origin.toLowerCase()) ? null : 403
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The token arrives as `Authorization: Bearer …` or in the session cookie set after the first authenticated call. */
export function extractToken(authorization: string | undefined, cookie: string | undefined, cookieName: string): string | undefined {
  const m = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization) : null
  if (m) return m[1]
  if (!cookie) return undefined
  for (const part of cookie.split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === cookieName) return v.join('=')
  }
  return undefined
}

/** Only JSON bodies: a cross-site HTML form cannot send application/json without a CORS preflight. */
export function checkJsonContentType(contentType: string | undefined): 415 | null {
  if (!contentType) return 415
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json' ? null : 415
}

export function allowedHosts(port: number, host: string): string[] {
  const list = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (host !== '127.0.0.1' && host !== 'localhost') list.push(`${host}:${port}`)
  return list
}

export function allowedOrigins(port: number, host: string): string[] {
  return allowedHosts(port, host).map((h) => `http://${h}`)
}
