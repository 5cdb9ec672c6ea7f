/** Log lines are English and may carry stacks; they never reach the user. */
export interface Logger {
  info(msg: string): void
  warn(msg: string, err?: unknown): void
  error(msg: string, err?: unknown): void
}

const fmt = (err: unknown): string => (err instanceof Error ? `${err.message}\n${err.stack ?? ''}` : err === undefined ? '' : String(err))

export function consoleLogger(prefix = 'ocop'): Logger {
  return {
    info: (m) => console.log(`[${prefix}] ${m}`),
    warn: (m, e) => console.warn(`[${prefix}] WARN ${m} ${fmt(e)}`.trimEnd()),
    error: (m, e) => console.error(`[${prefix}] ERROR ${m} ${fmt(e)}`.trimEnd())
  }
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} }
