import { randomBytes } from 'node:crypto'
import { join, resolve } from 'node:path'
import { createCore } from './core'
import { consoleLogger } from './logger'
import { defaultDataDir, findResourcesDir } from './paths'
import { parseServerArgs } from './server-args'
import { startHttpServer } from './transport/http'

/** Browser-mode host on plain Node: the whole app without Electron (and the base of LAN mode). */
async function main(): Promise<void> {
  const log = consoleLogger('web')
  const args = parseServerArgs(process.argv.slice(2))
  const dataDir = resolve(args.dataDir ?? defaultDataDir())
  const core = await createCore({ dataDir, resourcesDir: findResourcesDir(__dirname), mode: 'browser', log })
  const token = randomBytes(32).toString('base64url')
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: join(__dirname, '../renderer'), token, log, host: args.host, port: args.port })
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
