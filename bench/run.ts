/**
 * `npm run bench [-- name …]`: runs the registered benchmarks, each printing its own figures. Performance goals
 * live here, never in timed unit tests (PATTERNS §3.7).
 */
import { benchAdvice } from './advice'
import { benchCatalogue } from './catalogue'
import { benchDocuments } from './documents'
import { benchExports } from './exports'
import { benchImport } from './import'
import { benchLan } from './lan'
import { benchLegacyImport } from './legacy-import'
import { benchRenderer } from './renderer'
import { benchSessions } from './sessions'

const BENCHES: Record<string, () => Promise<void>> = {
  sessions: benchSessions,
  catalogue: benchCatalogue,
  documents: benchDocuments,
  exports: benchExports,
  import: benchImport,
  lan: benchLan,
  'legacy-import': benchLegacyImport,
  renderer: benchRenderer,
  advice: benchAdvice
}

async function main(names: string[]): Promise<void> {
  const chosen = names.length > 0 ? names : Object.keys(BENCHES)
  for (const name of chosen) {
    const bench = BENCHES[name]
    if (!bench) throw new Error(`Không có bench "${name}". Có: ${Object.keys(BENCHES).join(', ')}`)
    console.log(`# ${name}`)
    await bench()
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
