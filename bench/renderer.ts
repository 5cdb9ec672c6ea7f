/**
 * Renderer start-up weight (issue 15: initial JS ≤ 600 KB gzip). Builds the app, then sums the JavaScript the
 * window loads before the first screen — the entry script and every `modulepreload` of out/renderer/index.html —
 * gzip-compressed (level 9); chunks loaded on demand (charts, documents, signing, import screens) are listed apart.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const ROOT = resolve(import.meta.dirname, '..')
const OUT = join(ROOT, 'out/renderer')
const TARGET_KB = 600

const kb = (n: number) => (n / 1024).toFixed(1)
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length

export async function benchRenderer(): Promise<void> {
  execFileSync(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], { cwd: ROOT, stdio: 'ignore' })
  const html = readFileSync(join(OUT, 'index.html'), 'utf8')
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!)
  const all = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`)
  const size = (files: string[]) => files.reduce((s, f) => s + gz(join(OUT, f)), 0)
  const first = size(initial)
  const lazy = all.filter((f) => !initial.includes(f))
  console.log(`renderer initial JS: ${initial.length} files, ${kb(first)} KB gzip (target ≤ ${TARGET_KB} KB) ${first / 1024 <= TARGET_KB ? 'OK' : 'OVER'}`)
  console.log(`renderer on-demand JS: ${lazy.length} chunks, ${kb(size(lazy))} KB gzip; largest:`)
  for (const f of lazy.map((f) => ({ f, n: gz(join(OUT, f)) })).sort((a, b) => b.n - a.n).slice(0, 5)) console.log(`  ${f.f}  ${kb(f.n)} KB`)
}
