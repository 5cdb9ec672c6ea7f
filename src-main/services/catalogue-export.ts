import ExcelJS from 'exceljs'
import type { DB } from '../db/connection'
import { neutraliseCell } from '../domain/formula-text'
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
import type { AdminUnits } from './admin-units-service'
import type { SetLookup } from './product-service'
import type { ProducerRow } from './producer-service'

type Row = Record<string, string | number | null>

function sheet(wb: ExcelJS.Workbook, name: string, columns: Record<string, string>, rows: Row[]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const keys = Object.keys(columns)
  ws.columns = keys.map((k) => ({ header: columns[k], key: k, width: Math.max(10, Math.min(50, columns[k]!.length + 6)) }))
  ws.getRow(1).font = { bold: true }
  // Formula-like text gets an apostrophe (docs/exports.md); the import removes it again.
  for (const r of rows) ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutraliseCell(v)])))
  // Codes keep their leading zeros: every cell of a code column is text.
  for (const k of ['provinceCode', 'communeCode', 'code', 'formNo', 'regNo', 'phone', 'numberText', 'decisionNo', 'issuedOn', 'decisionDate', 'printedExpiry'])
    if (keys.includes(k)) ws.getColumn(k).numFmt = '@'
}

/**
 * The whole catalogue as an XLSX workbook in the layout of docs/catalogue-xlsx.md. Producers are numbered by
 * Vietnamese name order; products refer to that number, so the file needs no database ids and a round trip through
 * an empty database gives the same rows.
 */
export async function exportCatalogue(
  db: DB,
  units: AdminUnits,
  sets: SetLookup,
  now: Date,
  /** Who issued the app's own certificates, written in their «Cơ quan cấp» cell (the province's committee). */
  provinceBody = 'Ủy ban nhân dân tỉnh'
): Promise<{ buffer: Buffer; producers: number; products: number }> {
  const producers = db.prepare('SELECT * FROM producers ORDER BY sort_key, id').all() as Array<Omit<ProducerRow, 'product_count'>>
  const noOf = new Map(producers.map((p, i) => [p.id, i + 1]))
  const products = db
    .prepare('SELECT x.*, p.name AS producer_name FROM products x JOIN producers p ON p.id = x.producer_id ORDER BY x.code')
    .all() as Array<{ id: number; code: string; form_no: string; name: string; producer_id: number; producer_name: string; set_id: string; registration_type: RegistrationType; year: number; status: ProductStatus; stars: number | null }>

  const wb = new ExcelJS.Workbook()
  wb.creator = 'OCOP Council'
  wb.created = now
  const info = wb.addWorksheet(SHEET_INFO)
  info.addRows([
    ['Định dạng', CATALOGUE_XLSX_FORMAT],
    ['Xuất lúc', now.toISOString()],
    ['Số chủ thể', producers.length],
    ['Số sản phẩm', products.length]
  ])
  sheet(
    wb,
    SHEET_PRODUCERS,
    PRODUCER_COLUMNS,
    producers.map((p, i) => ({
      no: i + 1,
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
    }))
  )
  sheet(
    wb,
    SHEET_PRODUCTS,
    PRODUCT_COLUMNS,
    products.map((x, i) => ({
      no: i + 1,
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
    }))
  )
  // Every certificate, so a portfolio moved to another database keeps the facts its statuses rest on; there the
  // app's own certificates become recorded ones (that database did not issue them), under the committee's name.
  const productNo = new Map(products.map((x, i) => [x.id, i + 1]))
  const certs = db
    .prepare(`SELECT c.product_id, c.origin, c.year, c.number_text, c.stars, c.issued_on, c.issuing_authority, c.decision_no, c.decision_date, c.expiry_date, c.expiry_printed, c.source_note
      FROM certificates c JOIN products p ON p.id = c.product_id ORDER BY p.code, c.year, c.id`)
    .all() as Array<{ product_id: number; origin: string; year: number; number_text: string; stars: number; issued_on: string | null; issuing_authority: string; decision_no: string; decision_date: string | null; expiry_date: string; expiry_printed: number; source_note: string }>
  const nameOf = new Map(products.map((x) => [x.id, x.name]))
  sheet(
    wb,
    SHEET_CERTIFICATES,
    CERTIFICATE_COLUMNS,
    certs.map((c) => ({
      productNo: productNo.get(c.product_id) ?? null,
      productName: nameOf.get(c.product_id) ?? '',
      numberText: c.number_text,
      stars: c.stars,
      issuedOn: c.issued_on ?? UNKNOWN_DATE,
      issuedYear: c.year,
      issuingAuthority: c.origin === 'recorded' ? c.issuing_authority : provinceBody,
      decisionNo: c.decision_no,
      decisionDate: c.decision_date ?? '',
      printedExpiry: c.expiry_printed ? c.expiry_date : '',
      sourceNote: c.source_note
    }))
  )
  const buffer = Buffer.from(await wb.xlsx.writeBuffer())
  return { buffer, producers: producers.length, products: products.length }
}
