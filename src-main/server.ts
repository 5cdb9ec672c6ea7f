import { randomBytes, X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createCore } from './core'
import { consoleLogger } from './logger'
import { defaultDataDir, findResourcesDir } from './paths'
import { parseServerArgs, type ServerArgs } from './server-args'
import { createLiveHub } from './services/live/live-events'
import { openP12 } from './services/signing/p12'
import { startHttpServer } from './transport/http'
import { lanInterfaces, type TlsOptions } from './transport/lan-listener'

const log = consoleLogger('web')

/**
 * Last line of defence: every request already has its own guard (transport/http.ts), so anything reaching here is
 * a stray error from a request path (a late stream callback, a timer). It is logged and the server keeps serving —
 * the database work is transactional, so no half-written state is left behind. Start-up failures still exit below.
 */
let serving = false
process.on('uncaughtException', (err) => {
  log.error('uncaught exception (server kept running)', err)
  if (!serving) process.exit(1)
})
process.on('unhandledRejection', (err) => log.error('unhandled rejection (server kept running)', err))

/**
 * PKCS#12 unless the file is PEM (`--key` given); the PKCS#12 password comes from the environment, never argv.
 * PKCS#12 is opened by the signing module's reader rather than OpenSSL: files issued by provinces often use
 * 3DES/RC2 encryption, which OpenSSL 3 refuses without its legacy provider, and newer ones AES/PBKDF2.
 */
function tlsFrom(args: ServerArgs): TlsOptions | undefined {
  if (!args.cert) return undefined
  if (args.key) return { cert: readFileSync(args.cert), key: readFileSync(args.key) }
  const id = openP12(readFileSync(args.cert), process.env.OCOP_CERT_PASSWORD ?? '', new Date())
  return { cert: Buffer.from(id.chainDer.map((der) => new X509Certificate(der).toString()).join('')), key: Buffer.from(id.key.export({ type: 'pkcs8', format: 'pem' }) as string) }
}

/** Browser-mode host on plain Node: the whole app without Electron, and LAN mode for members' own devices. */
async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2))
  const dataDir = resolve(args.dataDir ?? defaultDataDir())
  const live = createLiveHub()
  const core = await createCore({ dataDir, resourcesDir: findResourcesDir(__dirname), mode: 'browser', log, live })
  const token = randomBytes(32).toString('base64url')
  const tls = tlsFrom(args)
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: join(__dirname, '../renderer'), token, log, host: args.host, port: args.port, live, ...(tls ? { tls } : {}) })
  serving = true
  console.log(`OCOP Council (browser mode) — data: ${dataDir}`)
  console.log(`Mở địa chỉ sau trong trình duyệt / open this URL: ${host.url}`)
  if (args.lan) {
    const address = args.lanHost ?? lanInterfaces()[0]?.address
    if (!address) throw new Error('Máy không có card mạng IPv4 nào ngoài loopback / no non-loopback IPv4 interface')
    let state = await host.lan.open(null, address)
    if (args.lanSession !== null) {
      // Through the API, as the secretary's button: the session must exist and not be finalized.
      const r = await core.registry.dispatch('lan.open', { sessionId: args.lanSession, address }, { actor: { kind: 'local' }, requestId: 'cli-lan' })
      if (!r.ok) throw new Error(r.error.message)
      state = r.value as typeof state
    }
    console.log(`Mạng LAN / LAN mode: ${state.url} (${state.https ? 'HTTPS' : 'HTTP không mã hóa / unencrypted HTTP'})`)
    console.log(
      state.sessionId === null
        ? 'Chưa mở phiên nào cho thành viên: trong ứng dụng, phiên họp → Mã tham gia → Mở mạng LAN cho phiên này (hoặc chạy lại với --session ID) / no session open for members yet'
        : `Thành viên vào chấm phiên họp ${state.sessionId} / members join session ${state.sessionId}`
    )
  }
  const stop = (): void => {
    host.close().finally(() => {
      core.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((err: unknown) => {
  const msg = err instanceof Error ? err.message : String(err)
  console.error(`Không khởi động được chế độ trình duyệt: ${msg}`)
  if (err instanceof Error && err.stack) console.error(err.stack)
  process.exit(1)
})
