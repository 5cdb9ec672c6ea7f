/**
 * Export figures at national scale: 20,000 products with certificates in a temporary database, then the PTNT_OCOP
 * XLSX, its CSV, the national-record XLSX and the catalogue workbook through the exports module (the XLSX files are
 * written by the export worker). Time and the peak RSS of each export — the whole process, worker threads included:
 * Linux's high-water mark VmHWM, reset before each export through /proc/self/clear_refs; elsewhere the maximum
 * resident set so far, which only grows — printed, not asserted. Target: peak under 500 MB.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openConnection } from '../src-main/db/connection'
import { migrateTo } from '../src-main/db/migrate'
import { m007Certificates } from '../src-main/db/migrations/007-certificates'
import { expiryDate } from '../src-main/domain/certificate'
import { createExportService } from '../src-main/exports'
import { exportCatalogueInWorker } from '../src-main/exports/xlsx-in-worker'
import { loadAdminUnits } from '../src-main/services/admin-units-service'
import type { ReportsService } from '../src-main/services/certificates/reports-service'
import { createFileStore } from '../src-main/services/dossier-service'

const RESOURCES = resolve(__dirname, '../resources')
const PRODUCTS = 20_000
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`

/** Starts a peak-RSS measurement; the returned function gives the peak since then in KB. */
function peakRss(): () => number {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return () => Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS)
  } catch {
    return () => process.resourceUsage().maxRSS
  }
}

export async function benchExports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-bench-exports-'))
  const db = openConnection(join(dir, 'bench.sqlite'))
  migrateTo(db)
  if (!db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'certificates'").get()) db.transaction(() => m007Certificates.up(db))()
  const units = loadAdminUnits(RESOURCES)
  const communes = units.communes('68').map((c) => c.code)
  const at = '2026-12-01T00:00:00.000Z'
  db.transaction(() => {
    const producer = db.prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, street, phone, email, created_at, updated_at)
      VALUES ('htx', ?, 'htx', 'htx', 'Nguyễn Thị Hoa', 'nu', 'Kinh', '68', ?, 'Thôn 3', '0263 3822 111', 'htx@example.vn', ?, ?)`)
    const product = db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
      VALUES (?, ?, '68', ?, ?, ?, ?, 'x', 'x', ?, 'QD26-2026-06', 'lan-dau', 'certificate-valid', ?, ?, ?)`)
    const cert = db.prepare(`INSERT INTO certificates (product_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, created_at)
      VALUES (?, ?, ?, ?, ?, '120/QĐ-UBND', ?, ?, ?, ?)`)
    const info = db.prepare(`INSERT INTO product_export_info (product_id, annual_revenue, revenue_year, story, updated_at) VALUES (?, ?, 2026, 'Câu chuyện sản phẩm, "đặc sản" vùng cao', ?)`)
    for (let i = 0; i < PRODUCTS; i++) {
      const commune = communes[i % communes.length]!
      const year = 2024 + (i % 3)
      const serial = Math.floor(i / communes.length / 3) + 1
      const pr = Number(producer.run(`Hợp tác xã số ${i + 1}`, commune, at, at).lastInsertRowid)
      const id = Number(product.run(`68-${commune}-${year}-${serial}`, `F-${i}`, commune, serial, year, `Sản phẩm OCOP số ${i + 1}`, pr, 3 + (i % 2), at, at).lastInsertRowid)
      const issued = `${year}-12-01`
      cert.run(id, year, i + 1, `${String(i + 1).padStart(2, '0')}/GCN-OCOP`, 3 + (i % 2), issued, issued, expiryDate(issued), at)
      info.run(id, 1_000_000 * (i % 500), at)
    }
  })()
  const exports = createExportService({ db, units, sets: () => ({ no: 6, group: 'Chè' }), files: createFileStore(dir), dataDir: dir, reports: {} as ReportsService, now: () => new Date(at) })
  const runs: Array<[string, () => Promise<{ size: number }>]> = [
    ['PTNT_OCOP xlsx', () => exports.ptntOcop('xlsx', '2027-01-01')],
    ['PTNT_OCOP csv', () => exports.ptntOcop('csv', '2027-01-01')],
    ['national record xlsx', () => exports.nationalRecords('xlsx', '2027-01-01')],
    ['catalogue xlsx', async () => ({ size: (await exportCatalogueInWorker(db, units, () => ({ no: 6, name: 'Chè' }), new Date(at))).buffer.length })]
  ]
  console.log(`${PRODUCTS} products with certificates; peak RSS before exports ${mb(process.resourceUsage().maxRSS)}`)
  for (const [name, run] of runs) {
    const peak = peakRss()
    const t = performance.now()
    const out = await run()
    console.log(`${name}: ${((performance.now() - t) / 1000).toFixed(2)} s, ${(out.size / 1024 / 1024).toFixed(1)} MB file, peak RSS ${mb(peak())}`)
  }
  db.close()
}
