import type { DB } from '../db/connection'
import type { AdminUnits } from '../services/admin-units-service'
import type { ReportsService } from '../services/certificates/reports-service'
import { today } from '../services/certificates/certificate-store'
import type { FileStore } from '../services/dossier-service'
import type { FileOut } from '../shared/api/certificates'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'
import { fiveStarBundle, type BundleRequest } from './bundle'
import { chartsWorkbook } from './charts'
import { ANNEX_COLUMNS, MIME, PTNT_OCOP_COLUMNS } from './columns'
import { annexRows, certificateCount, nationalRecords, ptntOcopRows, recordedAnnexRows, recordedDecisions, type SetInfoLite } from './data'
import { addSheet, bufferOf, fileOut, toCsv, workbook, xlsxBytes } from './writers'
import { exportInWorker } from './xlsx-in-worker'
import { unitTable } from './xlsx-jobs'
import { formatDay } from '../shared/vn-format'

/**
 * The one module every export goes through (docs/exports.md): PTNT_OCOP (QĐ 5277), the national system's product
 * record, the decision annex, the 5★ proposal bundle and the reports' chart data. The large XLSX files (PTNT_OCOP,
 * national record, catalogue) are streamed by a worker thread (xlsx-in-worker.ts).
 */
export const NATIONAL_FORMAT = 'ocop-council/national-records@1'

export interface ExportDeps {
  db: DB
  units: AdminUnits
  sets: (id: string) => SetInfoLite | undefined
  files: FileStore
  dataDir: string
  reports: ReportsService
  now: () => Date
}

export function createExportService(d: ExportDeps) {
  const stamp = () => today(d.now).replace(/-/g, '')
  return {
    async ptntOcop(format: 'xlsx' | 'csv', asOf?: string): Promise<FileOut> {
      const day = asOf ?? today(d.now)
      if (certificateCount(d.db) === 0) throw new AppError('NOT_FOUND', 'Chưa có giấy chứng nhận nào: tệp PTNT_OCOP sẽ trống nên không tạo tệp. Hãy cấp hoặc ghi nhận giấy chứng nhận trước.')
      if (format === 'csv') return fileOut(`PTNT_OCOP-${stamp()}.csv`, MIME.csv, toCsv(PTNT_OCOP_COLUMNS, ptntOcopRows(d.db, day)))
      const out = await exportInWorker(d.db, { type: 'ptnt', now: d.now().toISOString(), asOf: day })
      return fileOut(`PTNT_OCOP-${stamp()}.xlsx`, MIME.xlsx, bufferOf(out.bytes))
    },
    async nationalRecords(format: 'xlsx' | 'json', asOf?: string): Promise<FileOut> {
      const day = asOf ?? today(d.now)
      const empty = () => new AppError('NOT_FOUND', `Không có giấy chứng nhận nào còn hiệu lực ngày ${formatDay(day)}: hồ sơ hệ thống quốc gia sẽ trống nên không tạo tệp.`)
      if (format === 'json') {
        const records = nationalRecords(d.db, d.units, day)
        if (records.length === 0) throw empty()
        const body = JSON.stringify({ format: NATIONAL_FORMAT, asOf: day, exportedAt: d.now().toISOString(), products: records }, null, 2)
        return fileOut(`san-pham-OCOP-${stamp()}.json`, MIME.json, Buffer.from(body, 'utf8'))
      }
      const out = await exportInWorker(d.db, { type: 'national', now: d.now().toISOString(), asOf: day, units: unitTable(d.units) })
      if (out.rows === 0) throw empty()
      return fileOut(`san-pham-OCOP-${stamp()}.xlsx`, MIME.xlsx, bufferOf(out.bytes))
    },
    async annex(sessionId: number): Promise<FileOut> {
      const s = d.db.prepare('SELECT status FROM sessions WHERE id = ?').get(sessionId) as { status: string } | undefined
      if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên họp')
      if (s.status !== 'finalized') throw new AppError('CONFLICT', 'Phiên họp chưa chốt kết quả: chưa có danh sách phụ lục quyết định')
      const rows = annexRows(d.db, d.units, d.sets, sessionId)
      if (rows.length === 0) throw new AppError('NOT_FOUND', 'Phiên họp không có sản phẩm nào được tỉnh công nhận 3 hoặc 4 sao: phụ lục sẽ trống nên không tạo tệp.')
      const wb = workbook(d.now())
      addSheet(wb, 'Phu luc', ANNEX_COLUMNS, rows)
      return fileOut(`phu-luc-quyet-dinh-phien-${sessionId}.xlsx`, MIME.xlsx, await xlsxBytes(wb))
    },
    annexDecisions: () => recordedDecisions(d.db),
    /** The annex of a decision issued before the app, from its recorded certificates (no score: see data.ts). */
    async recordedAnnex(decisionNo: string, issuingAuthority: string): Promise<FileOut> {
      const rows = recordedAnnexRows(d.db, d.units, d.sets, decisionNo, issuingAuthority)
      if (rows.length === 0) throw new AppError('NOT_FOUND', `Không có giấy chứng nhận ghi nhận nào theo quyết định ${decisionNo} của ${issuingAuthority}: phụ lục sẽ trống nên không tạo tệp.`)
      const wb = workbook(d.now())
      addSheet(wb, 'Phu luc', ANNEX_COLUMNS, rows)
      const slug = foldVietnamese(decisionNo).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
      return fileOut(`phu-luc-quyet-dinh-${slug || 'ghi-nhan'}.xlsx`, MIME.xlsx, await xlsxBytes(wb))
    },
    async fiveStarBundle(req: BundleRequest): Promise<FileOut> {
      const { bytes } = await fiveStarBundle(d.db, d.dataDir, d.files, req, d.now())
      const code = (d.db.prepare('SELECT code FROM products WHERE id = ?').pluck().get(req.productId) as string | undefined) ?? String(req.productId)
      return fileOut(`ho-so-de-xuat-5-sao-${code}.zip`, MIME.zip, bytes)
    },
    async charts(opts: { asOf?: string | undefined; withinDays: number }): Promise<FileOut> {
      const dash = d.reports.dashboard({ ...opts, reminderLeadDays: 30 })
      return fileOut(`bao-cao-OCOP-${stamp()}.xlsx`, MIME.xlsx, await chartsWorkbook(dash, d.reports.members(), d.now()))
    },
    /** Line breaks are stored as LF: XLSX (XML) normalises CR LF to LF anyway, so every export reads the same text. */
    setProductInfo(req: { productId: number; annualRevenue: number | null; revenueYear: number | null; story: string }) {
      if ((req.annualRevenue === null) !== (req.revenueYear === null))
        throw new AppError('VALIDATION', 'Doanh thu cần đi kèm năm của doanh thu', [{ path: 'revenueYear', message: 'Nhập cả doanh thu và năm' }])
      if (!d.db.prepare('SELECT 1 FROM products WHERE id = ?').get(req.productId)) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
      d.db
        .prepare(`INSERT INTO product_export_info (product_id, annual_revenue, revenue_year, story, updated_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT(product_id) DO UPDATE SET annual_revenue = excluded.annual_revenue, revenue_year = excluded.revenue_year, story = excluded.story, updated_at = excluded.updated_at`)
        .run(req.productId, req.annualRevenue, req.revenueYear, req.story.replace(/\r\n?/g, '\n'), d.now().toISOString())
      return { productId: req.productId }
    }
  }
}
export type ExportService = ReturnType<typeof createExportService>
