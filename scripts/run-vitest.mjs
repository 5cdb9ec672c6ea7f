// Runs vitest and prints the plain "N passed, N failed" line CI reads; keeps vitest's exit code.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const outDir = join(process.cwd(), '.test-results')
mkdirSync(outDir, { recursive: true })
const outFile = join(outDir, 'vitest.json')
const args = ['vitest', 'run', '--config', 'tests/vitest.config.mts', '--reporter=default', '--reporter=json', `--outputFile=${outFile}`, ...process.argv.slice(2)]
const r = spawnSync('npx', args, { stdio: 'inherit' })
try {
  const j = JSON.parse(readFileSync(outFile, 'utf8'))
  console.log(`unit: ${j.numPassedTests} passed, ${j.numFailedTests} failed`)
  if (j.numTotalTests === 0) {
    console.error('no unit test ran')
    process.exit(1)
  }
} catch (e) {
  console.error('could not read vitest results', e)
  process.exit(r.status || 1)
}
process.exit(r.status ?? 1)
