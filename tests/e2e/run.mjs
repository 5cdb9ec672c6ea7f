// E2E entry (npm run test:e2e, after the build): every *.spec.mjs under node's test runner, one file at a time.
// It never skips: without /usr/bin/chromium (or CHROMIUM_PATH) the specs fail.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'

const dir = new URL('.', import.meta.url).pathname
const specs = readdirSync(dir).filter((f) => f.endsWith('.spec.mjs')).sort().map((f) => join(dir, f))
if (specs.length === 0) {
  console.error('no E2E spec found')
  process.exit(1)
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', ...specs], { stdio: ['ignore', 'pipe', 'inherit'] })
const out = r.stdout.toString()
process.stdout.write(out)
const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0)
const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0)
console.log(`e2e: ${pass} passed, ${fail} failed`)
process.exit(r.status === 0 && pass > 0 ? 0 : 1)
