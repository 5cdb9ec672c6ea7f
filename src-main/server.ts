import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import forge from 'node-forge'
import { join, resolve } from 'node:path'
import { createCore } from './core'
import { consoleLogger } from './logger'
import { defaultDataDir, findResourcesDir } from './paths'
import { parseServerArgs, type ServerArgs } from './server-args'
import { createLiveHub } from './services/live/live-events'
import { openP12 } from './services/signing/p12'
import { startHttpServer } from './transport/http'
import { lanInterfaces, type TlsOptions } from './transport/lan-listener'

/**
 * PKCS#12 unless the file is PEM (`--key` given); the PKCS#12 password comes from the environment, never argv.
 * PKCS#12 is opened with node-forge (as for signing) rather than OpenSSL: files issued by provinces often use
 * 3DES/RC2 encryption, which OpenSSL 3 refuses without its legacy provider.
 */
function tlsFrom(args: ServerArgs): TlsOptions | undefined {
  if (!args.cert) return undefined
  if (args.key) return { cert: readFileSync(args.cert), key: readFileSync(args.key) }
  const id = openP12(readFileSync(args.cert), process.env.OCOP_CERT_PASSWORD ?? '', new Date())
  return { cert: Buffer.from(id.chain.map((c) => forge.pki.certificateToPem(c)).join('')), key: Buffer.from(forge.pki.privateKeyToPem(id.key)) }
}

/** Browser-mode host on plain Node: the whole app without Electron, and LAN mode for members' own devices. */
async function main(): Promise<void> {
  const log = consoleLogger('web')
  const args = parseServerArgs(process.argv.slice(2))
  const dataDir = resolve(args.dataDir ?? defaultDataDir())
  const live = createLiveHub()
  const core = await createCore({ dataDir, resourcesDir: findResourcesDir(__dirname), mode: 'browser', log, live })
  const token = randomBytes(32).toString('base64url')
  const tls = tlsFrom(args)
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: join(__dirname, '../renderer'), token, log, host: args.host, port: args.port, live, ...(tls ? { tls } : {}) })
  console.log(`OCOP Council (browser mode) — data: ${dataDir}`)
  console.log(`Mở địa chỉ sau trong trình duyệt / open this URL: ${host.url}`)
  if (args.lan) {
    const address = args.lanHost ?? lanInterfaces()[0]?.address
    if (!address) throw new Error('Máy không có card mạng IPv4 nào ngoài loopback / no non-loopback IPv4 interface')
    const state = await host.lan.open(null, address)
    console.log(`Mạng LAN / LAN mode: ${state.url} (${state.https ? 'HTTPS' : 'HTTP không mã hóa / unencrypted HTTP'})`)
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
