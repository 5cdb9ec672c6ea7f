/**
 * Catalogue figures at national scale: 20,000 synthetic products (2,000 producers over the 124 communes of
 * Lâm Đồng) in a temporary database, then product search p95 and list load times through the registry, as the UI
 * calls them. Printed, not asserted.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CallContext } from '../src-main/api/registry'
import { createCore, type Core } from '../src-main/core'
import { silentLogger } from '../src-main/logger'
import { loadAdminUnits } from '../src-main/services/admin-units-service'
import { setLookup } from '../src-main/services/catalogue-wiring'
import { createCriteriaService } from '../src-main/services/criteria-service'
import { createProducer } from '../src-main/services/producer-service'
import { createProduct, createProductService, productSearch } from '../src-main/services/product-service'
import { PRODUCER_KINDS, REGISTRATION_TYPES } from '../src-main/shared/catalogue'
import { zProducerInput } from '../src-main/shared/contract'

const RESOURCES = resolve(__dirname, '../resources')
const PRODUCERS = 2_000
const PRODUCTS = 20_000
const ctx: CallContext = { actor: { kind: 'local' }, requestId: 'bench' }

const WORDS = ['Dâu tây', 'Cà phê', 'Chè', 'Mắc ca', 'Atiso', 'Hồng treo gió', 'Rượu cần', 'Mật ong', 'Hạt điều', 'Sầu riêng', 'Bơ', 'Tơ tằm', 'Thổ cẩm', 'Nấm linh chi', 'Trà hoa', 'Măng', 'Cá tầm', 'Mứt', 'Rau', 'Hoa lan']
const PLACES = ['Đà Lạt', 'Cầu Đất', 'Lạc Dương', 'Bảo Lộc', 'Di Linh', 'Đơn Dương', 'Lâm Hà', 'Đức Trọng', 'Langbiang', 'Đạ Huoai']

/** A deterministic pseudo-random sequence, so every run measures the same data. */
function rng(seed: number): () => number {
  let s = seed
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const fmt = (xs: number[]): string => {
  const s = [...xs].sort((a, b) => a - b)
  return `p50 ${quantile(s, 0.5).toFixed(2)} ms, p95 ${quantile(s, 0.95).toFixed(2)} ms, max ${s.at(-1)!.toFixed(2)} ms (n=${s.length})`
}

export function generate(core: Core): number {
  const rand = rng(42)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const units = loadAdminUnits(RESOURCES)
  const sets = setLookup(createCriteriaService(core.db, core.info().criteriaVersion))
  const communes = units.communes('68')
  const now = new Date('2026-06-10T00:00:00Z')
  const t0 = performance.now()
  core.db.transaction(() => {
    const producerIds: number[] = []
    for (let i = 0; i < PRODUCERS; i++) {
      const data = zProducerInput.parse({
        kind: pick(PRODUCER_KINDS.slice(0, 5)),
        name: `${pick(['Hợp tác xã', 'Công ty TNHH', 'Hộ kinh doanh', 'Tổ hợp tác'])} ${pick(WORDS)} ${pick(PLACES)} ${i + 1}`,
        repName: `Người đại diện ${i + 1}`,
        repGender: rand() < 0.4 ? 'nu' : 'nam',
        repEthnicity: rand() < 0.2 ? 'Cơ Ho' : 'Kinh',
        provinceCode: '68',
        communeCode: pick(communes).code
      })
      producerIds.push(createProducer(core.db, units, data, now))
    }
    for (let i = 0; i < PRODUCTS; i++) {
      const setNo = 1 + Math.floor(rand() * 25)
      createProduct(
        core.db,
        { units, sets },
        {
          producerId: pick(producerIds),
          name: `${pick(WORDS)} ${pick(PLACES)} loại ${1 + (i % 9)}`,
          setId: `QD26-2026-${String(setNo).padStart(2, '0')}`,
          registrationType: pick(REGISTRATION_TYPES),
          year: 2020 + (i % 7)
        },
        now
      )
    }
  })()
  return performance.now() - t0
}

/**
 * Beside the search figure: the same queries through the service, split by length (three characters or more use the
 * trigram index of migration 016, shorter ones the LIKE scan), and raw-SQL floors prepared once: one pass of the
 * index over every match (their count, the least any query finding them reads) and the same first page and total in
 * plain SQL (no registry, no mapping).
 */
function searchLowerBound(core: Core, queries: string[]): void {
  const long = queries.filter((q) => [...q].length >= 3)
  const short = queries.filter((q) => [...q].length < 3)
  const service = createProductService(core.db, { units: loadAdminUnits(RESOURCES), sets: setLookup(createCriteriaService(core.db, core.info().criteriaVersion)) })
  const count = core.db.prepare('SELECT count(*) FROM product_search WHERE product_search MATCH ?').pluck()
  const page = core.db.prepare(`SELECT x.*, p.name AS producer_name FROM products x INDEXED BY products_sort JOIN producers p ON p.id = x.producer_id
    WHERE ${productSearch('abc').where} ORDER BY x.sort_key, x.id LIMIT 50`)
  const measure = (xs: string[], f: (q: string) => unknown): number[] => {
    const out: number[] = []
    for (let i = 0; i < 210; i++) {
      const q = xs[i % xs.length]!
      const t = performance.now()
      f(q)
      if (i >= 10) out.push(performance.now() - t)
    }
    return out
  }
  const phrase = (q: string) => `"${q.replace(/"/g, '""')}"`
  const svc = measure(long, (q) => service.list({ query: q, page: 1, pageSize: 50 }))
  const floor = measure(long, (q) => count.get(phrase(q)))
  const raw = measure(long, (q) => [count.get(phrase(q)), page.all({ match: phrase(q) })])
  const p95 = (xs: number[]) => quantile([...xs].sort((a, b) => a - b), 0.95)
  console.log(`  queries of 3+ characters (trigram index), service: ${fmt(svc)}`)
  console.log(`  queries of 1-2 characters (LIKE scan), service:     ${fmt(measure(short, (q) => service.list({ query: q, page: 1, pageSize: 50 })))}`)
  console.log(`  raw-SQL lower bound, one index pass over every match:  ${fmt(floor)}`)
  console.log(`  raw SQL, same first page + total:                     ${fmt(raw)}`)
  console.log(`  ratio of p95, service to the index pass: ${(p95(svc) / p95(floor)).toFixed(2)}×, to the raw page + total: ${(p95(svc) / p95(raw)).toFixed(2)}×`)
}

async function timed(core: Core, method: string, input: unknown): Promise<number> {
  const t = performance.now()
  const r = await core.registry.dispatch(method, input, ctx)
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`)
  return performance.now() - t
}

export async function benchCatalogue(): Promise<void> {
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-catalogue-')), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger })
  try {
    const genMs = generate(core)
    console.log(`generated ${PRODUCERS} producers and ${PRODUCTS} products in ${(genMs / 1000).toFixed(1)} s`)
    // What the next start does (catalogue-wiring): fresh planner statistics after a bulk load.
    core.db.pragma('optimize=0x10002')
    const rand = rng(7)
    const queries = [...WORDS, ...PLACES].map((w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase())
    const runs = async (n: number, input: () => unknown, method = 'products.list'): Promise<number[]> => {
      await timed(core, method, input())
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push(await timed(core, method, input()))
      return out
    }
    const communes = loadAdminUnits(RESOURCES).communes('68')
    console.log(`product list, first page of 50, no filter:     ${fmt(await runs(50, () => ({ page: 1, pageSize: 50 })))}`)
    console.log(`product list, page 200 of 400:                 ${fmt(await runs(50, () => ({ page: 200, pageSize: 50 })))}`)
    console.log(`product search (no diacritics), first page:    ${fmt(await runs(200, () => ({ query: queries[Math.floor(rand() * queries.length)], pageSize: 50 })))}`)
    searchLowerBound(core, queries)
    console.log(
      `product filters (set + commune + status):      ${fmt(
        await runs(200, () => ({ setId: `QD26-2026-${String(1 + Math.floor(rand() * 25)).padStart(2, '0')}`, communeCode: communes[Math.floor(rand() * communes.length)]!.code, status: 'registered' }))
      )}`
    )
    console.log(`producer search (no diacritics), first page:   ${fmt(await runs(200, () => ({ query: queries[Math.floor(rand() * queries.length)], pageSize: 50 }), 'producers.list'))}`)
  } finally {
    core.close()
  }
}
