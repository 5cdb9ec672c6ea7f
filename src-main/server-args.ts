/**
 * Command-line options of browser mode (`npm run web -- --port 8080 --data-dir DIR`, LAN mode:
 * `npm run web -- --lan [--host ADDR] [--session ID] [--cert FILE.p12 | --cert cert.pem --key key.pem]`).
 */
export interface ServerArgs {
  port: number
  /** Loopback address of the office (without `--lan`, `--host` keeps its old meaning: the one bound address). */
  host: string
  dataDir?: string
  /** LAN mode: also serve members on this machine's interface `lanHost` (null: the first non-loopback IPv4). */
  lan: boolean
  lanHost: string | null
  /**
   * The session members may join from the LAN. Without it `--lan` only serves the address: the join screen says no
   * session is open for members until the secretary opens one (session → Mã tham gia → Mở mạng LAN cho phiên này).
   */
  lanSession: number | null
  /** HTTPS for the LAN listener: a PKCS#12 file (.p12/.pfx, password in OCOP_CERT_PASSWORD) or PEM with `--key`. */
  cert?: string
  key?: string
}

export function parseServerArgs(argv: readonly string[]): ServerArgs {
  const out: ServerArgs = { port: 0, host: '127.0.0.1', lan: false, lanHost: null, lanSession: null }
  let host: string | null = null
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
    else if (flag === '--host') host = value()
    else if (flag === '--lan') {
      if (inline !== undefined) throw new Error('--lan không nhận giá trị / --lan takes no value')
      out.lan = true
    } else if (flag === '--session') {
      const id = Number(value())
      if (!Number.isInteger(id) || id < 1) throw new Error(`Mã phiên họp không hợp lệ / invalid session id: ${id}`)
      out.lanSession = id
    } else if (flag === '--cert') out.cert = value()
    else if (flag === '--key') out.key = value()
    else throw new Error(`Tham số không hợp lệ / unknown option: ${a}`)
  }
  if (out.lan) out.lanHost = host
  else if (host !== null) out.host = host
  if (out.lanSession !== null && !out.lan) throw new Error('--session chỉ dùng với --lan / --session needs --lan')
  if ((out.cert || out.key) && !out.lan) throw new Error('--cert/--key chỉ dùng với --lan / --cert and --key need --lan')
  if (out.key && !out.cert) throw new Error('--key cần --cert / --key needs --cert')
  if (out.cert && /\.pem$|\.crt$/i.test(out.cert) && !out.key) throw new Error('Chứng thư PEM cần --key / a PEM certificate needs --key')
  return out
}
