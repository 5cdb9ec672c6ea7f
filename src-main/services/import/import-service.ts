import { createHash } from 'node:crypto'
import { PROVINCE_SETTINGS_KEY } from '../settings-service'
import type { DB } from '../../db/connection'
import { checkCatalogue, errorCount, type ExistingProducer, type ExistingProduct, type ImportCheck, type ImportContext, type ImportedProducer, type ImportedProduct, type RawWorkbook, type RowChoice } from '../../domain/catalogue-import'
import { choiceKey } from '../../domain/import-match'
import type { ImportCommitResult, ImportPreview } from '../../shared/api/catalogue-import'
import type { ProvinceSettings } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { foldVietnamese } from '../../shared/text'
import type { AdminUnits } from '../admin-units-service'
import type { CriteriaService } from '../criteria-service'
import { PRODUCER_SELECT, createProducer, moveProductsWithProducer, producerData, updateProducer, type ProducerRow } from '../producer-service'
import { createProduct, updateProductRow, type SetLookup } from '../product-service'
import type { SettingsStore } from '../settings-service'
import { readWorkbookInWorker } from './read-in-worker'
import type { RecordedCertificate, RecordedCertificateInput } from '../../domain/recorded-certificate'
import { today } from '../certificates/certificate-store'
import { createRecordedCertificates } from '../certificates/recorded-certificates'
import { createStore, type Actor } from '../sessions/store'
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
  /** Communes chosen in the preview for rows the resolver could not settle alone. */
  choices?: Array<{ row: number; communeCode: string }> | undefined
  /** What to do with true duplicates: `update:<id>`, `add` or `skip`, by sheet and row. */
  rowChoices?: Array<{ sheet: 'producers' | 'products'; row: number; choice: string }> | undefined
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')
/** Enough issues in an error envelope to fix a file; the preview lists all of them. */
const MAX_ISSUES_IN_ERROR = 50

type Choices = Pick<Upload, 'choices' | 'rowChoices'>

/** Lookups the pure checks need, answered from the database as it is inside the caller's transaction. */
function importContext(d: ImportDeps, u: Choices = {}): ImportContext {
  const { db } = d
  // name_fold is foldVietnamese(name), written by the catalogue services: the matches are index look-ups.
  const named = db.prepare(`${PRODUCER_SELECT} WHERE p.commune_code = ? AND p.name_fold = ? ORDER BY p.id`)
  const byRegNo = db.prepare(`${PRODUCER_SELECT} WHERE p.reg_no = ?`)
  const PRODUCT = 'SELECT id, code, name, producer_id AS producerId, set_id AS setId, registration_type AS registrationType, status FROM products'
  const byCode = db.prepare(`${PRODUCT} WHERE code = ?`)
  const productsNamed = db.prepare(`${PRODUCT} WHERE producer_id = ? AND name_fold = ? ORDER BY id`)
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
  const existing = (r: ProducerRow | undefined): ExistingProducer | undefined =>
    r ? { id: r.id, data: producerData(r), productCount: r.product_count } : undefined
  const province = d.settings.get<ProvinceSettings | null>(PROVINCE_SETTINGS_KEY, null)
  // Two look-ups, each on its partial unique index (recorded: year, number, authority; issued: year, number), so a
  // file of thousands of certificates never scans the table per row; a recorded match wins.
  const CERT = 'SELECT c.product_id AS productId, p.name AS productName FROM certificates c JOIN products p ON p.id = c.product_id'
  const recordedCert = db.prepare(`${CERT} WHERE c.origin = 'recorded' AND c.year = ? AND c.number_text = ? AND c.issuing_authority = ?`)
  const issuedCert = db.prepare(`${CERT} WHERE c.origin = 'issued' AND c.year = ? AND c.number_text = ?`)
  return {
    resolveCommune: (q) => d.units.resolver.resolve(q),
    communeChoices: new Map((u.choices ?? []).map((c) => [c.row, c.communeCode])),
    rowChoices: new Map((u.rowChoices ?? []).map((c) => [choiceKey(c.sheet, c.row), c.choice as RowChoice])),
    producerByRegNo: (regNo) => existing(byRegNo.get(regNo) as ProducerRow),
    producersByNameInCommune: (commune, name) => (named.all(commune, foldVietnamese(name)) as Array<ProducerRow>).map((r) => existing(r)!),
    productByCode: (code) => byCode.get(code) as ExistingProduct | undefined,
    productsNamed: (producerId, name) => productsNamed.all(producerId, foldVietnamese(name)) as ExistingProduct[],
    asOf: today(d.now),
    recordedCertificate: (year, numberText, authority) =>
      (recordedCert.get(year, numberText, authority) ?? issuedCert.get(year, numberText)) as { productId: number; productName: string } | undefined,
    provinceCode: province?.provinceCode ?? null,
    commune: (code) => d.units.commune(code),
    set: (id) => d.sets(id),
    productsInCommune: memo((c) => productsIn.all(c) as ReturnType<ImportContext['productsInCommune']>)
  }
}

function decode(u: Upload): Buffer {
  const bytes = Buffer.from(u.contentBase64, 'base64')
  if (bytes.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng')
  return bytes
}

const SHEET_LABEL: Record<string, string> = { producers: 'Chủ thể', products: 'Sản phẩm', certificates: 'Giấy chứng nhận' }
const where = (sheet: string, row: number | null) => (SHEET_LABEL[sheet] ? `${SHEET_LABEL[sheet]}, dòng ${row}` : 'Tệp')

/**
 * Excel import of producers and products. The preview and the commit run the same checks on the same bytes; the
 * commit re-reads the upload, refuses it while any error remains, and writes every row in one transaction with the
 * catalogue's own create functions, so a file is imported entirely or not at all.
 */
const recordInput = (c: RecordedCertificate): RecordedCertificateInput => ({
  stars: c.stars,
  numberText: c.numberText,
  issuedOn: c.issuedOn,
  issuedYear: c.year,
  issuingAuthority: c.issuingAuthority,
  decisionNo: c.decisionNo,
  decisionDate: c.decisionDate,
  printedExpiry: c.expiryPrinted ? c.expiryDate : null,
  sourceNote: c.sourceNote
})

export function createImportService(d: ImportDeps) {
  const recorded = createRecordedCertificates({ db: d.db, now: d.now })
  const store = createStore(d.db)
  function check(raw: RawWorkbook, u: Choices): ImportCheck {
    return checkCatalogue(raw, importContext(d, u))
  }
  /** A registered producer brought up to date from its row, with its products moved if its commune changed. */
  function updateFromRow(id: number, p: ImportedProducer, actor: Actor, source: string, now: Date): void {
    const u = p.update!
    updateProducer(d.db, d.units, id, p.data, now)
    const moved = u.communeFrom !== null ? moveProductsWithProducer(d.db, id, now.toISOString()) : []
    store.audit('producer.update', null, actor, { producerId: id, changes: u.changes, movedProducts: moved, source }, now.toISOString())
  }
  function updateProductFromRow(x: ImportedProduct, actor: Actor, source: string, now: Date): void {
    const at = now.toISOString()
    updateProductRow(d.db, x.matchedId!, x.data, at)
    store.audit('product.update', null, actor, { productId: x.matchedId, changes: x.changes, source }, at)
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
      const raw = await readWorkbookInWorker(bytes)
      const c = check(raw, u)
      const errors = errorCount(c)
      return {
        fileName: u.fileName,
        sha256: sha256(bytes),
        rows: [
          ...raw.producers.map((r) => ({ sheet: 'producers' as const, row: r.row, cells: r.cells })),
          ...raw.products.map((r) => ({ sheet: 'products' as const, row: r.row, cells: r.cells })),
          ...raw.certificates.map((r) => ({ sheet: 'certificates' as const, row: r.row, cells: r.cells }))
        ],
        issues: c.issues,
        resolutions: c.resolutions,
        actions: c.actions,
        producers: raw.producers.length,
        products: raw.products.length,
        certificates: c.certificates.filter((x) => !x.existing).length,
        errorCount: errors,
        warningCount: c.issues.length - errors
      }
    },

    async commit(u: Upload & { sha256: string }, actor: Actor = { kind: 'local' }): Promise<ImportCommitResult> {
      const bytes = decode(u)
      const hash = sha256(bytes)
      if (hash !== u.sha256) throw new AppError('CONFLICT', 'Tệp gửi lên khác với tệp đã xem trước; hãy xem trước lại trước khi nhập')
      const raw = await readWorkbookInWorker(bytes)
      return d.db.transaction(() => {
        const c = check(raw, u)
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
        const source = (sheet: string, row: number) => `Nhập từ Excel «${u.fileName}», ${where(sheet, row)}`
        // Matched producers are updated field by field where the row differs; a repeated row is the earlier row's producer.
        for (const p of c.producers) {
          if (p.sameAsNo !== undefined) continue
          const id = p.matchedId ?? at('producers', p.row, () => createProducer(d.db, d.units, p.data, now))
          if (p.matchedId !== undefined && p.update) at('producers', p.row, () => (updateFromRow(id, p, actor, source('producers', p.row), now), id))
          idOf.set(p.no, id)
        }
        for (const p of c.producers) if (p.sameAsNo !== undefined) idOf.set(p.no, idOf.get(p.sameAsNo)!)
        const productId = new Map<number, number>()
        for (const x of c.products) {
          if (x.matchedId === undefined) continue
          productId.set(x.no, x.matchedId)
          if (x.changes?.length) updateProductFromRow(x, actor, source('products', x.row), now)
        }
        const fresh = c.products.filter((x) => x.matchedId === undefined)
        // Rows with an issued code go first, so a generated serial never takes a number the file assigns explicitly.
        const ordered = [...fresh.filter((x) => x.data.code), ...fresh.filter((x) => !x.data.code)]
        const withCert = new Set(c.certificates.map((x) => x.productNo))
        for (const x of ordered) {
          // Status from facts: a product with certificates starts registered and takes its status from them.
          const data = withCert.has(x.no) ? { ...x.data, status: 'registered' as const, stars: null } : x.data
          productId.set(x.no, at('products', x.row, () => createProduct(d.db, { units: d.units, sets: d.sets }, { producerId: idOf.get(x.producerNo)!, ...data, reason: 'Nhập từ Excel' }, now)))
        }
        const newCerts = c.certificates.filter((x) => !x.existing)
        for (const x of newCerts) at('certificates', x.row, () => recorded.recordTx(productId.get(x.productNo)!, recordInput(x.data), actor, `Nhập từ Excel «${u.fileName}», dòng ${x.row}`))
        const first = c.producers.filter((p) => p.sameAsNo === undefined)
        return {
          sha256: hash,
          producers: first.filter((p) => p.matchedId === undefined).length,
          products: fresh.length,
          certificates: newCerts.length,
          producersUpdated: first.filter((p) => p.update).length,
          productsUpdated: c.products.filter((x) => x.changes?.length).length,
          warningCount: c.issues.length - errors.length
        }
      })()
    }
  }
}
export type ImportService = ReturnType<typeof createImportService>
