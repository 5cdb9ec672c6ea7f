/**
 * Issue 12: import of a province's existing portfolio — 5,000 legacy products of 2,500 producers written with old
 * communes (old commune + district names from the official old→new table of Lâm Đồng, Đắk Nông and Bình Thuận),
 * one producer row per product, and 5,000 certificates issued before the app (some known only by their year).
 * Figures: preview, commit, re-import of the same file (preview and commit: nothing added, nothing updated), and a
 * re-import with a new phone number for every producer, time through the registry, and peak RSS (the bench process,
 * which also builds the workbook). Printed, not asserted.
 *
 * Measured 2026-12-06 on the shared 2-core machine (load average ≈ 6): preview 4.0 s, commit 6.1 s (the commit
 * re-reads the file in the worker and re-runs every check before writing), re-import of the same file 4.3 s + 6.0 s
 * (0 added, 0 updated), re-import with 2,500 producers updated 3.8 s + 6.2 s, peak RSS 604 MiB. Before statements
 * were compiled once and certificate look-ups used their indexes: 19–25 s per commit and 20–43 s per re-import
 * preview under the same kind of load.
 */
import ExcelJS from 'exceljs'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CallContext } from '../src-main/api/registry'
import { createCore } from '../src-main/core'
import { nameKey } from '../src-main/domain/commune-resolver'
import { silentLogger } from '../src-main/logger'
import { CERTIFICATE_COLUMNS, PRODUCER_COLUMNS, PRODUCT_COLUMNS, SHEET_CERTIFICATES, SHEET_PRODUCERS, SHEET_PRODUCTS } from '../src-main/shared/catalogue-xlsx'

const RESOURCES = resolve(__dirname, '../resources')
const PRODUCTS = 5_000
const ctx: CallContext = { actor: { kind: 'local' }, requestId: 'bench' }

async function legacyFile(newPhones = false): Promise<Buffer> {
  const old = JSON.parse(readFileSync(join(RESOURCES, 'admin-units', 'old-to-new-2025.json'), 'utf8')) as { communes: string[][] }
  // Old communes of today's Lâm Đồng whose (commune, district) pair maps to one unit: what a clerk would type.
  const rows = old.communes.filter((r) => ['68', '67', '60'].includes(r[3]!))
  const pairs = new Map<string, Set<string>>()
  for (const r of rows) pairs.set(`${nameKey(r[1]!)}|${nameKey(r[2]!)}`, (pairs.get(`${nameKey(r[1]!)}|${nameKey(r[2]!)}`) ?? new Set()).add(r[4]!))
  const usable = rows.filter((r) => pairs.get(`${nameKey(r[1]!)}|${nameKey(r[2]!)}`)!.size === 1)
  const wb = new ExcelJS.Workbook()
  const sheet = (name: string, columns: Record<string, string>) => {
    const ws = wb.addWorksheet(name)
    ws.columns = Object.entries(columns).map(([key, header]) => ({ header, key }))
    return ws
  }
  const producers = sheet(SHEET_PRODUCERS, PRODUCER_COLUMNS)
  const products = sheet(SHEET_PRODUCTS, PRODUCT_COLUMNS)
  const certs = sheet(SHEET_CERTIFICATES, CERTIFICATE_COLUMNS)
  for (let i = 1; i <= PRODUCTS; i++) {
    const p = Math.ceil(i / 2)
    const o = usable[p % usable.length]!
    const year = 2020 + (i % 6)
    producers.addRow({ no: i, kind: 'Hợp tác xã', name: `Hợp tác xã Nông sản số ${p}`, regNo: `58${String(p).padStart(8, '0')}`, repName: `Người đại diện ${p}`, repGender: p % 2 ? 'Nữ' : 'Nam', repEthnicity: 'Kinh', repDisability: 'Không', oldCommune: o[1], oldDistrict: o[2], ...(newPhones ? { phone: `0263${String(p).padStart(6, '0')}` } : {}) })
    products.addRow({ no: i, name: `Sản phẩm truyền thống ${i}`, producerNo: i, setId: `QD26-2026-${String((i % 20) + 1).padStart(2, '0')}`, registrationType: 'Lần đầu', year })
    certs.addRow({ productNo: i, numberText: `${i}/GCN-UBND`, stars: 3 + (i % 2), issuedOn: i % 5 ? `15/0${1 + (i % 9)}/${year}` : 'không rõ ngày', issuedYear: year, issuingAuthority: i % 3 ? 'Ủy ban nhân dân tỉnh Lâm Đồng' : 'UBND tỉnh Đắk Nông (cũ)', decisionNo: `${100 + (i % 50)}/QĐ-UBND`, decisionDate: `15/0${1 + (i % 9)}/${year}` })
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}

export async function benchLegacyImport(): Promise<void> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-legacy-')), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger, now: () => new Date('2026-07-01T03:00:00Z') })
  try {
    await core.registry.dispatch('settings.setProvince', { provinceCode: '68', bodyName: 'UBND tỉnh Lâm Đồng', advisoryBody: 'Sở NN&MT', placeName: 'Lâm Đồng' }, ctx)
    const bytes = await legacyFile()
    const upload = { fileName: 'legacy-5000.xlsx', contentBase64: bytes.toString('base64') }
    const t = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
      const t0 = performance.now()
      const r = await fn()
      console.log(`${label}: ${((performance.now() - t0) / 1000).toFixed(2)} s`)
      return r
    }
    console.log(`workbook: ${PRODUCTS} products, ${PRODUCTS} producer rows (${PRODUCTS / 2} producers), ${PRODUCTS} certificates, ${(bytes.length / 1024).toFixed(0)} KiB`)
    const p = (await t('preview', () => core.registry.dispatch('catalogueImport.preview', upload, ctx))) as { ok: true; value: { sha256: string; errorCount: number; warningCount: number; resolutions: unknown[] } }
    console.log(`  errors ${p.value.errorCount}, warnings ${p.value.warningCount}, communes resolved from old names ${p.value.resolutions.length}`)
    const c = (await t('commit', () => core.registry.dispatch('catalogueImport.commit', { ...upload, sha256: p.value.sha256 }, ctx))) as { ok: boolean; value?: unknown; error?: { message: string } }
    console.log(`  ${c.ok ? JSON.stringify(c.value) : c.error?.message}`)
    if (process.env.BENCH_ONLY_FIRST) return
    type Preview = { ok: true; value: { sha256: string; certificates: number; errorCount: number; actions: Array<{ action: string }> } }
    const tally = (p: Preview) => JSON.stringify(Object.fromEntries(['add', 'update', 'unchanged', 'same-as-row', 'duplicate'].map((a) => [a, p.value.actions.filter((x) => x.action === a).length])))
    const again = (await t('re-import preview (same file)', () => core.registry.dispatch('catalogueImport.preview', upload, ctx))) as Preview
    console.log(`  new certificates ${again.value.certificates}, errors ${again.value.errorCount}, rows ${tally(again)}`)
    const same = (await t('re-import commit (same file)', () => core.registry.dispatch('catalogueImport.commit', { ...upload, sha256: again.value.sha256 }, ctx))) as { ok: boolean; value?: unknown; error?: { message: string } }
    console.log(`  ${same.ok ? JSON.stringify(same.value) : same.error?.message}`)
    const phones = { fileName: 'legacy-5000-phones.xlsx', contentBase64: (await legacyFile(true)).toString('base64') }
    const changed = (await t('re-import preview (a new phone number for every producer)', () => core.registry.dispatch('catalogueImport.preview', phones, ctx))) as Preview
    console.log(`  errors ${changed.value.errorCount}, rows ${tally(changed)}`)
    const upd = (await t('re-import commit (a new phone number for every producer)', () => core.registry.dispatch('catalogueImport.commit', { ...phones, sha256: changed.value.sha256 }, ctx))) as { ok: boolean; value?: unknown; error?: { message: string } }
    console.log(`  ${upd.ok ? JSON.stringify(upd.value) : upd.error?.message}`)
    await t('dashboard', () => core.registry.dispatch('reports.dashboard', {}, ctx))
    console.log(`peak RSS: ${(peak / 1024 / 1024).toFixed(0)} MiB`)
  } finally {
    clearInterval(timer)
    core.close()
  }
}
