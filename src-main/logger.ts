/** Log lines are English and may carry stacks; they never reach the user. */
export interface Logger {
  info(msg: string): void
  warn(msg: string, err?: unknown): void
  error(msg: string, err?: unknown): void
}

// C0 and C1 controls, DEL, and the Unicode line/paragraph separators: anything a terminal or a log viewer may take
// as the end of a line or as a command.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' }

/**
 * Makes text safe for one log line: control characters become visible escapes (`\n`, `\x1b`, `\u2028`), so a
 * request value can never start a forged log line or drive the terminal. Applied by the logger itself, so every
 * caller is covered whatever it interpolates.
 */
export function escapeLogText(text: string): string {
  return text.replace(CONTROL, (ch) => NAMED[ch] ?? (ch.charCodeAt(0) <= 0xff ? `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

/**
 * The error part of an entry: its message escaped on the entry's own line, then the stack frames (V8's own text,
 * without the message it repeats) each on a continuation line that starts with the entry's prefix.
 */
function formatError(err: unknown, prefix: string): string {
  if (err === undefined) return ''
  if (!(err instanceof Error)) {
    try {
      return escapeLogText(String(err))
    } catch {
      return '[unprintable value]'
    }
  }
  const head = escapeLogText(`${err.name}: ${err.message}`)
  const stack = err.stack ?? ''
  // V8 starts the stack with "name: message"; cut it off exactly, so lines inside the message never pass as frames.
  const header = `${err.name}: ${err.message}`
  const frames = (stack.startsWith(header) ? stack.slice(header.length) : stack.includes('\n') ? stack.slice(stack.indexOf('\n')) : '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l))
    .map((l) => `\n[${prefix}]   ${escapeLogText(l.trim())}`)
    .join('')
  return head + frames
}

export function consoleLogger(prefix = 'ocop'): Logger {
  const p = escapeLogText(prefix)
  return {
    info: (m) => console.log(`[${p}] ${escapeLogText(m)}`),
    warn: (m, e) => console.warn(`[${p}] WARN ${escapeLogText(m)} ${formatError(e, p)}`.trimEnd()),
    error: (m, e) => console.error(`[${p}] ERROR ${escapeLogText(m)} ${formatError(e, p)}`.trimEnd())
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
