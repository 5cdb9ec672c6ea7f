#!/usr/bin/env node
/**
 * Runs @doyensec/electronegativity over src-main (TypeScript is parsed directly), writes the full report to
 * .test-results/electronegativity.csv and exits 1 when any finding has severity HIGH (or the tool fails).
 * MEDIUM/LOW findings are printed for review but do not fail the run. Needs no network: the version check it
 * tries ("No connectivity?") is harmless, and we pass the installed Electron version with -e.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(join(root, 'package.json'))
const target = process.argv[2] ?? 'src-main'
const outDir = join(root, '.test-results')
const report = join(outDir, 'electronegativity.csv')

const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const pkgDir = dirname(require.resolve('@doyensec/electronegativity/package.json'))
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'))
const bin = join(pkgDir, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.electronegativity)

mkdirSync(outDir, { recursive: true })
rmSync(report, { force: true })
const run = spawnSync(process.execPath, [bin, '-i', resolve(root, target), '-o', report, '-r', '-v', 'false', '-e', electronVersion], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' }
})
if (run.status !== 0 || !existsSync(report)) {
  process.stderr.write(run.stdout ?? '')
  process.stderr.write(run.stderr ?? '')
  console.error(`electronegativity failed (exit ${run.status ?? run.signal}); no report at ${report}`)
  process.exit(1)
}

/** RFC 4180-ish CSV: quoted fields may hold commas, doubled quotes and newlines. */
function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field.trim())
      field = ''
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field.trim())
      if (row.some((f) => f !== '')) rows.push(row)
      row = []
      field = ''
    } else field += c
  }
  row.push(field.trim())
  if (row.some((f) => f !== '')) rows.push(row)
  return rows
}

const [header, ...rows] = parseCsv(readFileSync(report, 'utf8'))
const col = (name) => header.findIndex((h) => h.trim().toLowerCase() === name)
const [iIssue, iSev, iConf, iFile, iLoc, iSample] = ['issue', 'severity', 'confidence', 'filename', 'location', 'sample'].map(col)
if ([iIssue, iSev, iFile].some((i) => i < 0)) {
  console.error(`electronegativity: unexpected report header: ${header.join(', ')}`)
  process.exit(1)
}
const findings = rows.map((r) => ({
  issue: r[iIssue],
  severity: (r[iSev] ?? '').toUpperCase(),
  confidence: r[iConf],
  file: r[iFile],
  location: r[iLoc],
  sample: (r[iSample] ?? '').slice(0, 160)
}))
const line = (f) => `  ${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.location} (${f.confidence})\n      ${f.sample}`
const high = findings.filter((f) => f.severity === 'HIGH')
const other = findings.filter((f) => f.severity !== 'HIGH')
if (other.length) console.log(`electronegativity: ${other.length} finding(s) below HIGH, to review:\n${other.map(line).join('\n')}`)
if (high.length) {
  console.error(`electronegativity: ${high.length} HIGH finding(s) in ${target}:\n${high.map(line).join('\n')}`)
  console.error(`full report: ${report}`)
  process.exit(1)
}
console.log(`electronegativity: no HIGH findings in ${target} (Electron ${electronVersion}); report: ${report}`)
