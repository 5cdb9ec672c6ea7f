/**
 * The one Content-Security-Policy of the app, sent by the app:// protocol handler and the browser-mode server and
 * repeated in src-renderer/index.html's meta tag. `style-src 'unsafe-inline'` is needed by Mantine's inline styles.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"
