import { isAbsolute, join, normalize, relative, sep } from 'node:path'

/**
 * Maps a URL path to a file under `root`, or null when it would leave `root` (`..`, encoded dots, backslashes,
 * NUL, absolute paths). Used by the browser-mode server and the app:// protocol alike.
 */
export function resolveStaticPath(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const rel = decoded.replace(/^\/+/, '') || 'index.html'
  if (isAbsolute(rel) || /^[a-zA-Z]:/.test(rel)) return null
  const full = normalize(join(root, rel))
  const back = relative(normalize(root), full)
  if (back === '' || back.startsWith('..') || isAbsolute(back) || back.split(sep).includes('..')) return null
  return full
}
