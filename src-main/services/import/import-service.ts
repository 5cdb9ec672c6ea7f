import { createHash } from 'node:crypto'
import { PROVINCE_SETTINGS_KEY } from '../settings-service'
import type { DB } from '../../db/connection'
import { checkCatalogue, errorCount, type ImportCheck, type ImportContext, type RawWorkbook } from '../../domain/catalogue-import'
import type { ImportPreview } from '../../shared/api/catalogue-import'
import type { ProvinceSettings } from '../../shared/contract'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'
import type { CriteriaService } from '../criteria-service'
import { createProducer } from '../producer-service'
import { createProduct, type SetLookup } from '../product-service'
import type { SettingsStore } from '../settings-service'
import { readCatalogueWorkbook } from './read-workbook'
import { buildTemplate } from './template'

export interface ImportDeps {
  db: DB
  units: AdminUnits
  sets: SetLookup
  criteria: CriteriaService
  settings: SettingsStore
  now: () => Date
}

interface Upload {
  fileName: string
  contentBase64: string
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
/** Enough issues in an error envelope to fix a file; the preview lists all of them. */
const MAX_ISSUES_IN_ERROR = 50

/** Lookups the pure checks need, answered from the database as it is inside the caller's transaction. */
function importContext(d: ImportDeps): ImportContext {
  const { db } = d
  const byRegNo = db.prepare('SELECT name FROM producers WHERE reg_no = ?')
  const producersIn = db.prepare("SELECT name, coalesce(reg_no, '') AS regNo FROM producers WHERE commune_code = ?")
  const byCode = db.prepare('SELECT name FROM products WHERE code = ?')
  const productsIn = db.prepare(
    `SELECT x.code, x.name, x.set_id AS setId, p.name AS producerName, coalesce(p.reg_no, '') AS producerRegNo
     FROM products x JOIN producers p ON p.id = x.producer_id WHERE x.commune_code = ?`
  )
  const memo = <T>(fn: (k: string) => T) => {
    const cache = new Map<string, T>()
    return (k: string): T => {
      if (!cache.has(k)) cache.set(k, fn(k))
      return cache.get(k)!
    }
  }
  const province = d.settings.get<ProvinceSettings | null>(PROVINCE_SETTINGS_KEY, null)
  return {
    provinceCode: province?.provinceCode ?? null,
    commune: (code) => d.units.commune(code),
    set: (id) => d.sets(id),
    producerByRegNo: (regNo) => byRegNo.get(regNo) as { name: string } | undefined,
    producersInCommune: memo((c) => producersIn.all(c) as Array<{ name: string; regNo: string }>),
    productByCode: (code) => byCode.get(code) as { name: string } | undefined,
    productsInCommune: memo((c) => productsIn.all(c) as ReturnType<ImportContext['productsInCommune']>)
  }
}

function decode(u: Upload): Buffer {
  const bytes = Buffer.from(u.contentBase64, 'base64')
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng')
  return bytes
}

const where = (sheet: string, row: number | null) => (sheet === 'producers' ? `Chủ thể, dòng ${row}` : sheet === 'products' ? `Sản phẩm, dòng ${row}` : 'Tệp')

/**
 * Excel import of producers and products. The preview and the commit run the same checks on the same bytes; the
 * commit re-reads the upload, refuses it while any error remains, and writes every row in one transaction with the
 * catalogue's own create functions, so a file is imported entirely or not at all.
 */
export function createImportService(d: ImportDeps) {
  function check(raw: RawWorkbook): ImportCheck {
    return checkCatalogue(raw, importContext(d))
  }
  return {
    async template(): Promise<{ fileName: string; contentBase64: string }> {
      const province = d.settings.get<ProvinceSettings | null>(PROVINCE_SETTINGS_KEY, null)
      const p = province?.provinceCode ? d.units.province(province.provinceCode) ?? null : null
      const buffer = await buildTemplate({ province: p, communes: p ? d.units.communes(p.code) : [], sets: d.criteria.list(), now: d.now() })
      return { fileName: 'mau-nhap-chu-the-san-pham-ocop.xlsx', contentBase64: buffer.toString('base64') }
    },

    async preview(u: Upload): Promise<ImportPreview> {
      const bytes = decode(u)
      const raw = await readCatalogueWorkbook(bytes)
      const c = check(raw)
      const errors = errorCount(c)
      return {
        fileName: u.fileName,
        sha256: sha256(bytes),
        rows: [
          ...raw.producers.map((r) => ({ sheet: 'producers' as const, row: r.row, cells: r.cells })),
          ...raw.products.map((r) => ({ sheet: 'products' as const, row: r.row, cells: r.cells }))
        ],
        issues: c.issues,
        producers: raw.producers.length,
        products: raw.products.length,
        errorCount: errors,
        warningCount: c.issues.length - errors
      }
    },

    async commit(u: Upload & { sha256: string }): Promise<{ sha256: string; producers: number; products: number; warningCount: number }> {
      const bytes = decode(u)
      const hash = sha256(bytes)
      if (hash !== u.sha256) throw new AppError('CONFLICT', 'Tệp gửi lên khác với tệp đã xem trước; hãy xem trước lại trước khi nhập')
      const raw = await readCatalogueWorkbook(bytes)
      return d.db.transaction(() => {
        const c = check(raw)
        const errors = c.issues.filter((i) => i.severity === 'error')
        if (errors.length)
          throw new AppError(
            'VALIDATION',
            `Tệp còn ${errors.length} lỗi, chưa nhập dòng nào. Lỗi đầu tiên (${where(errors[0]!.sheet, errors[0]!.row)}): ${errors[0]!.message}`,
            errors.slice(0, MAX_ISSUES_IN_ERROR).map((e) => ({ path: `${e.sheet}.${e.row ?? 0}.${e.column ?? ''}`, message: e.message }))
          )
        const now = d.now()
        const idOf = new Map<number, number>()
        const at = (sheet: string, row: number, fn: () => number): number => {
          try {
            return fn()
          } catch (e) {
            if (e instanceof AppError) throw new AppError(e.code, `${where(sheet, row)}: ${e.message}`, e.issues)
            throw e
          }
        }
        for (const p of c.producers) idOf.set(p.no, at('producers', p.row, () => createProducer(d.db, d.units, p.data, now)))
        // Rows with an issued code go first, so a generated serial never takes a number the file assigns explicitly.
        const ordered = [...c.products.filter((x) => x.data.code), ...c.products.filter((x) => !x.data.code)]
        for (const x of ordered)
          at('products', x.row, () => createProduct(d.db, { units: d.units, sets: d.sets }, { producerId: idOf.get(x.producerNo)!, ...x.data, reason: 'Nhập từ Excel' }, now))
        return { sha256: hash, producers: c.producers.length, products: c.products.length, warningCount: c.issues.length - errors.length }
      })()
    }
  }
}
export type ImportService = ReturnType<typeof createImportService>
