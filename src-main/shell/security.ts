import { app, session, shell, type Session, type WebContents } from 'electron'
import type { Logger } from '../logger'
import { isSafeExternalUrl, isTrustedUrl } from './trusted-url'

/** Permissions the renderer may get. We use none (no camera, notifications, clipboard-read, geolocation …). */
export const ALLOWED_PERMISSIONS: readonly string[] = []

type OpenExternal = (url: string) => unknown

/** Denies every permission request and check on `ses` that is not in ALLOWED_PERMISSIONS. */
export function lockDownSession(ses: Session): void {
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(ALLOWED_PERMISSIONS.includes(permission)))
  ses.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.includes(permission))
  ses.setDevicePermissionHandler(() => false)
}

/**
 * Navigation policy for one WebContents: no webviews, no navigation or redirect away from a trusted origin, no new
 * windows. Links to http(s) sites open in the OS browser when `isSafeExternalUrl` accepts them.
 */
export function secureWebContents(
  contents: WebContents,
  trustedOrigins: readonly string[],
  openExternal: OpenExternal,
  log: Logger
): void {
  const openOutside = (url: string): void => {
    if (!isSafeExternalUrl(url)) {
      log.warn(`blocked external url ${url.slice(0, 200)}`)
      return
    }
    Promise.resolve(openExternal(url)).catch((err: unknown) => log.warn('openExternal failed', err))
  }

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('blocked <webview>')
  })
  contents.on('will-navigate', (event) => {
    if (isTrustedUrl(event.url, trustedOrigins)) return
    event.preventDefault()
    openOutside(event.url)
  })
  contents.on('will-redirect', (event) => {
    if (isTrustedUrl(event.url, trustedOrigins)) return
    event.preventDefault()
    log.warn(`blocked redirect to ${event.url.slice(0, 200)}`)
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
  lockDownSession(contents.session)
}

/** The one `web-contents-created` hook (PATTERNS §3.6 item 2), installed before any window exists. */
export function installSecurityHooks(trustedOrigins: readonly string[], log: Logger): void {
  lockDownSession(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => {
    secureWebContents(contents, trustedOrigins, (url) => shell.openExternal(url), log)
  })
}
