import type { DB } from '../db/connection'
import type { XlsxRow, XlsxStreamWriter } from '../exports/xlsx-stream'
import type { SheetColumn } from '../exports/writers'
import {
  GENDER_LABELS,
  PRODUCER_KIND_LABELS,
  PRODUCT_STATUS_LABELS,
  REGISTRATION_TYPE_LABELS,
  type ProductStatus,
  type RegistrationType
} from '../shared/catalogue'
import {
  CATALOGUE_XLSX_FORMAT,
  NO,
  PRODUCER_COLUMNS,
  PRODUCT_COLUMNS,
  SHEET_INFO,
  SHEET_PRODUCERS,
  SHEET_PRODUCTS,
  SHEET_CERTIFICATES,
  CERTIFICATE_COLUMNS,
  UNKNOWN_DATE,
  YES
} from '../shared/catalogue-xlsx'
import type { UnitNames } from './admin-units-service'
import type { ProducerRow } from './producer-service'

/** The catalogue's columns as written: widths from the headers; code columns are text cells (leading zeros stay). */
const TEXT_KEYS = new Set(['provinceCode', 'communeCode', 'code', 'formNo', 'regNo', 'phone', 'numberText', 'decisionNo', 'issuedOn', 'decisionDate', 'printedExpiry'])
const columnsOf = (columns: Record<string, string>): SheetColumn[] =>
  Object.entries(columns).map(([key, header]) => ({ key, header, width: Math.max(10, Math.min(50, header.length + 6)), ...(TEXT_KEYS.has(key) ? { numFmt: '@' } : {}) }))

/** What the catalogue needs of a criteria set (SetLookup's answers; the export worker gets them as a table). */
export type SetNames = (setId: string) => { no: number; name: string } | undefined

/** Data rows the catalogue writes (producers, products, certificates), for progress. */
export function catalogueRowCount(db: DB): number {
  return db.prepare('SELECT (SELECT count(*) FROM producers) + (SELECT count(*) FROM products) + (SELECT count(*) FROM certificates)').pluck().get() as number
}

/**
 * The whole catalogue as an XLSX workbook in the layout of docs/catalogue-xlsx.md. Producers are numbered by
 * Vietnamese name order; products refer to that number, so the file needs no database ids and a round trip through
 * an empty database gives the same rows. Rows are read with statement iterators and written as they come (the
 * export worker, exports/export-worker.ts, runs this in one read transaction on its own connection).
 */
export async function writeCatalogue(
  out: XlsxStreamWriter,
  db: DB,
  units: UnitNames,
  sets: SetNames,
  now: Date,
  /** Who issued the app's own certificates, written in their «Cơ quan cấp» cell (the province's committee). */
  provinceBody = 'Ủy ban nhân dân tỉnh'
): Promise<{ producers: number; products: number }> {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  const producerCount = count('producers')
  const productCount = count('products')
  out.lines(SHEET_INFO, [
    ['Định dạng', CATALOGUE_XLSX_FORMAT],
    ['Xuất lúc', now.toISOString()],
    ['Số chủ thể', producerCount],
    ['Số sản phẩm', productCount]
  ])
  const noOf = new Map<number, number>()
  function* producerRows(): Generator<XlsxRow> {
    let i = 0
    for (const p of db.prepare('SELECT * FROM producers ORDER BY sort_key, id').iterate() as IterableIterator<Omit<ProducerRow, 'product_count'>>) {
      noOf.set(p.id, ++i)
      yield {
        no: i,
        kind: PRODUCER_KIND_LABELS[p.kind],
        name: p.name,
        regNo: p.reg_no ?? '',
        // Unknown facts ("chưa rõ", NULL) leave the cell empty: the import reads an empty cell back as unknown.
        repName: p.rep_name ?? '',
        repGender: p.rep_gender === null ? '' : GENDER_LABELS[p.rep_gender],
        repEthnicity: p.rep_ethnicity ?? '',
        repDisability: p.rep_disability === null ? '' : p.rep_disability ? YES : NO,
        provinceCode: p.province_code,
        provinceName: units.province(p.province_code)?.name ?? '',
        communeCode: p.commune_code ?? '',
        communeName: p.commune_code === null ? '' : (units.commune(p.commune_code)?.name ?? ''),
        street: p.street,
        oldAddress: p.old_address,
        phone: p.phone,
        email: p.email
      }
    }
  }
  await out.sheet(SHEET_PRODUCERS, columnsOf(PRODUCER_COLUMNS), producerRows())
  const productNo = new Map<number, number>()
  function* productRows(): Generator<XlsxRow> {
    let i = 0
    const rows = db.prepare('SELECT x.*, p.name AS producer_name FROM products x JOIN producers p ON p.id = x.producer_id ORDER BY x.code').iterate() as IterableIterator<{
      id: number
      code: string
      form_no: string
      name: string
      producer_id: number
      producer_name: string
      set_id: string
      registration_type: RegistrationType
      year: number
      status: ProductStatus
      stars: number | null
    }>
    for (const x of rows) {
      productNo.set(x.id, ++i)
      yield {
        no: i,
        code: x.code,
        formNo: x.form_no,
        name: x.name,
        producerNo: noOf.get(x.producer_id) ?? null,
        producerName: x.producer_name,
        setId: x.set_id,
        setNo: sets(x.set_id)?.no ?? null,
        setName: sets(x.set_id)?.name ?? '',
        registrationType: REGISTRATION_TYPE_LABELS[x.registration_type],
        year: x.year,
        status: PRODUCT_STATUS_LABELS[x.status],
        stars: x.stars
      }
    }
  }
  await out.sheet(SHEET_PRODUCTS, columnsOf(PRODUCT_COLUMNS), productRows())
  // Every certificate, so a portfolio moved to another database keeps the facts its statuses rest on; there the
  // app's own certificates become recorded ones (that database did not issue them), under the committee's name.
  function* certificateRows(): Generator<XlsxRow> {
    const certs = db
      .prepare(`SELECT c.product_id, p.name AS product_name, c.origin, c.year, c.number_text, c.stars, c.issued_on, c.issuing_authority, c.decision_no, c.decision_date, c.expiry_date, c.expiry_printed, c.source_note
        FROM certificates c JOIN products p ON p.id = c.product_id ORDER BY p.code, c.year, c.id`)
      .iterate() as IterableIterator<{ product_id: number; product_name: string; origin: string; year: number; number_text: string; stars: number; issued_on: string | null; issuing_authority: string; decision_no: string; decision_date: string | null; expiry_date: string; expiry_printed: number; source_note: string }>
    for (const c of certs)
      yield {
        productNo: productNo.get(c.product_id) ?? null,
        productName: c.product_name,
        numberText: c.number_text,
        stars: c.stars,
        issuedOn: c.issued_on ?? UNKNOWN_DATE,
        issuedYear: c.year,
        issuingAuthority: c.origin === 'recorded' ? c.issuing_authority : provinceBody,
        decisionNo: c.decision_no,
        decisionDate: c.decision_date ?? '',
        printedExpiry: c.expiry_printed ? c.expiry_date : '',
        sourceNote: c.source_note
      }
  }
  await out.sheet(SHEET_CERTIFICATES, columnsOf(CERTIFICATE_COLUMNS), certificateRows())
  return { producers: producerCount, products: productCount }
}
