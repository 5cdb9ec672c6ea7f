/**
 * Pure URL predicates of the Electron shell (PATTERNS §3.6). No `electron` import, so they are unit-tested under
 * plain Node. Note: for a scheme Node does not know (`app:`), `new URL(..).origin` is the string "null", so origins
 * are built from protocol and host here instead.
 */

/** The production origin: renderer files are served from app://ocop/ by the protocol handler. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'ocop'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 8192) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/** `scheme://host[:port]` in lower case, or null for URLs without a host (file:, data:, javascript:, about:…). */
export function originOf(raw: unknown): string | null {
  const u = parse(raw)
  if (!u || u.host === '') return null
  if (u.username !== '' || u.password !== '') return null
  return `${u.protocol}//${u.host}`.toLowerCase()
}

/** True when the URL's origin is exactly one of `trustedOrigins` (no prefix or suffix matching, no credentials). */
export function isTrustedUrl(raw: unknown, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(raw)
  if (origin === null) return false
  return trustedOrigins.some((t) => t.toLowerCase() === origin)
}

export interface SenderInfo {
  /** `event.senderFrame?.url`; undefined when the frame is gone. */
  senderFrameUrl: string | null | undefined
  /** Whether the sending frame is the top-level frame of its page (not an iframe). */
  isMainFrame: boolean
}

/** The IPC sender check, VS Code style: only the main frame of a page loaded from one of our origins. */
export function isTrustedSender(sender: SenderInfo, trustedOrigins: readonly string[]): boolean {
  return sender.isMainFrame === true && isTrustedUrl(sender.senderFrameUrl, trustedOrigins)
}

/**
 * Links the app may hand to the OS browser: http(s) only, with a host, without credentials, and of sane length.
 * Everything else (javascript:, file:, data:, smb:, custom schemes, our own app: origin) is refused.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false
  // Control characters and whitespace would be stripped by the URL parser and can hide tricks; refuse them.
  if (/[\u0000-\u0020\u007f-\u009f]/.test(raw)) return false
  // Spelled out as the parser will read it: no `https:///x`, `https:\\x` or scheme-relative forms it would repair.
  if (!/^https?:\/\/[^/\\]/i.test(raw)) return false
  const u = parse(raw)
  if (!u) return false
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return false
  if (u.hostname === '' || u.username !== '' || u.password !== '') return false
  return true
}

/** The trusted origins for this run: the app origin, plus the Vite dev server's origin in development. */
export function trustedOriginsFor(devServerUrl: string | undefined): string[] {
  const list = [APP_ORIGIN]
  const dev = devServerUrl ? originOf(devServerUrl) : null
  if (dev && (dev.startsWith('http://') || dev.startsWith('https://'))) list.push(dev)
  return list
}
