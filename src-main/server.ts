import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { createCore } from './core'
import { consoleLogger } from './logger'
import { defaultDataDir, findResourcesDir } from './paths'
import { parseServerArgs } from './server-args'
import { startHttpServer } from './transport/http'

/** Browser-mode host on plain Node: the whole app without Electron (and the base of LAN mode). */
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

async function main(): Promise<void> {
  const args = parseServerArgs(process.argv.slice(2))
  const dataDir = resolve(args.dataDir ?? defaultDataDir())
  const core = await createCore({ dataDir, resourcesDir: findResourcesDir(__dirname), mode: 'browser', log })
  const token = randomBytes(32).toString('base64url')
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: join(__dirname, '../renderer'), token, log, host: args.host, port: args.port })
  serving = true
  console.log(`OCOP Council (browser mode) — data: ${dataDir}`)
  console.log(`Mở địa chỉ sau trong trình duyệt / open this URL: ${host.url}`)
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
