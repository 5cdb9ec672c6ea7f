/**
 * Import limits and rating at scale (issue 11, items 12 and 15). Import: a 20,000-row catalogue (the row limit, read),
 * a 100,000-row one (refused on its rows) and a 5 MB-class file inflating to 96 MB of sheet XML (refused on the sizes
 * its zip declares), each read through the import worker; time, peak RSS of the process (the worker is one of its
 * threads, sampled every 10 ms) and the longest pause of the main thread's event loop while it ran. Rating: a
 * 1,000-member council with leave-one-out warnings (before: 18.7 s, quadratic). Printed, not asserted.
 *
 * Figures of 6/12/2026 on the shared 2-core build machine under load average ≈ 19 (so roughly ten times an idle
 * machine's times; the built worker out/main/read-worker.js gave the same times as tsx):
 *   20,000 rows (the limit), 0.94 MB: read in 30.7 s, peak RSS +185 MB, event-loop max delay 277 ms
 *   100,000 rows, 4.68 MB: refused on rows in 13.5 s, peak RSS +104 MB (before: 4.3 s and +706 MB, then refused),
 *     event-loop max delay 97 ms (the other requests kept being answered)
 *   96 MB of sheet XML in 0.22 MB: refused from the zip's declared sizes in < 1 ms, +0 MB, no worker started
 *     (before: 13 s, ~1.1 GB, requests stalled 5 s)
 *   rating with leave-one-out: 100 members 1.1 s, 1,000 members 2.5 s (before: 18.7 s)
 */
import { performance } from 'node:perf_hooks'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { rateProduct } from '../src-main/domain/rate'
import { parseCriteriaFile } from '../src-main/services/criteria-file'
import { readWorkbookInWorker } from '../src-main/services/import/read-in-worker'
import { leafCriteria } from '../src-main/shared/criteria'
import { catalogueWithProducts, xmlBomb } from '../tests/main/import/raw-xlsx'

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`

async function measure(label: string, bytes: Buffer): Promise<void> {
  const rss0 = process.memoryUsage().rss
  let peak = rss0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  const loop = monitorEventLoopDelay({ resolution: 5 })
  loop.enable()
  const t0 = performance.now()
  let outcome: string
  try {
    const raw = await readWorkbookInWorker(bytes)
    outcome = `read ${raw.products.length.toLocaleString('en')} product rows`
  } catch (e) {
    outcome = `refused: ${(e as Error).message}`
  }
  const ms = performance.now() - t0
  loop.disable()
  clearInterval(sampler)
  console.log(`${label} (${(bytes.length / 1024 / 1024).toFixed(2)} MB file): ${ms.toFixed(0)} ms, peak RSS +${mb(peak - rss0)}, event-loop max delay ${(loop.max / 1e6).toFixed(0)} ms — ${outcome}`)
}

function benchRating(members: number): void {
  const file = parseCriteriaFile(JSON.parse(readFileSync(resolve(__dirname, '../resources/criteria/qd26-2026.json'), 'utf8')))
  const set = file.sets.find((s) => s.no === 6)!
  const leaves = leafCriteria(set).map((l) => l.criterion)
  // Deterministic answers spread over the options, so markers split and the leave-one-out has work to do.
  const ids = Array.from({ length: members }, (_, i) => `m${String(i + 1).padStart(4, '0')}`)
  const input = {
    council: { members: ids.map((id, i) => ({ id, name: `Thành viên ${i + 1}`, role: i === 0 ? 'Chủ tịch' : 'Ủy viên' })) },
    present: ids,
    quyChe: { spreadLimit: 100, markerPolicy: 'majority' },
    product: { id: 'SP-1', name: 'Sản phẩm thử', criteriaSetId: set.id },
    rounds: [{ round: 1, sheets: ids.map((id, i) => ({ memberId: id, answers: Object.fromEntries(leaves.map((c, j) => [c.code, c.options[(i * 7 + j * 3) % c.options.length]!.id])) })) }]
  }
  const t0 = performance.now()
  const r = rateProduct(input, set, file.version)
  console.log(`rating, ${members.toLocaleString('en')} members with leave-one-out: ${(performance.now() - t0).toFixed(0)} ms (${r.stars ?? r.provisionalStars}★, ${r.warnings.length} warnings)`)
}

export async function benchImport(): Promise<void> {
  await measure('import, 20,000 product rows (the limit)', catalogueWithProducts(20_000))
  await measure('import, 100,000 product rows', catalogueWithProducts(100_000))
  await measure('import, 96 MB of sheet XML', xmlBomb(96))
  benchRating(100)
  benchRating(1000)
}
