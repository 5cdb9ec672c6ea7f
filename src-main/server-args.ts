/** Command-line options of browser mode (`npm run web -- --port 8080 --data-dir DIR`). */
export interface ServerArgs {
  port: number
  host: string
  dataDir?: string
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const out: ServerArgs = { port: 0, host: '127.0.0.1' }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined]
    const value = (): string => {
      const v = inline ?? argv[++i]
      if (v === undefined || v === '') throw new Error(`${flag} cần một giá trị / ${flag} needs a value`)
      return v
    }
    if (flag === '--port') {
      const p = Number(value())
      if (!Number.isInteger(p) || p < 0 || p > 65535) throw new Error(`Cổng không hợp lệ / invalid port: ${p}`)
      out.port = p
    } else if (flag === '--data-dir') out.dataDir = value()
    else if (flag === '--host') out.host = value()
    else throw new Error(`Tham số không hợp lệ / unknown option: ${a}`)
  }
  return out
}
