import ExcelJS from 'exceljs'
import { GENDER_LABELS, PRODUCER_KIND_LABELS, PRODUCT_STATUS_LABELS, REGISTRATION_TYPE_LABELS } from '../../shared/catalogue'
import { CERTIFICATE_COLUMNS, NO, PRODUCER_COLUMNS, PRODUCT_COLUMNS, SHEET_CERTIFICATES, SHEET_PRODUCERS, SHEET_PRODUCTS, UNKNOWN_DATE, YES } from '../../shared/catalogue-xlsx'
import type { Commune, Province } from '../../shared/admin-units'
import type { CriteriaSetSummary } from '../../shared/contract'

export const SHEET_LISTS = 'Danh mục'
/** Rows of the data sheets that get drop-down lists; Excel stores one range per column, so the count is cheap. */
const VALIDATED_ROWS = 2000

interface ListColumn {
  header: string
  values: Array<string | number>
}

/** Column letter of a 1-based index (A … Z, AA …). */
const letter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : letter(Math.floor((n - 1) / 26)) + letter(((n - 1) % 26) + 1))

function dataSheet(wb: ExcelJS.Workbook, name: string, columns: Record<string, string>, textKeys: readonly string[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = Object.entries(columns).map(([key, header]) => ({ header, key, width: Math.max(10, Math.min(45, header.length + 6)) }))
  ws.getRow(1).font = { bold: true }
  for (const k of textKeys) ws.getColumn(k).numFmt = '@'
  return ws
}

function dropDown(ws: ExcelJS.Worksheet, col: number, listCol: number, count: number, title: string): void {
  const ref = `'${SHEET_LISTS}'!$${letter(listCol)}$2:$${letter(listCol)}$${count + 1}`
  for (let r = 2; r <= VALIDATED_ROWS + 1; r++)
    ws.getCell(r, col).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [ref],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: title,
      error: `Chọn một giá trị trong sheet «${SHEET_LISTS}»`
    }
}

/**
 * The empty catalogue workbook users fill in: the two data sheets with the export's headers (docs/catalogue-xlsx.md)
 * and a sheet of allowed values that the closed columns use as drop-down lists.
 */
export async function buildTemplate(o: { province: Province | null; communes: Commune[]; sets: CriteriaSetSummary[]; now: Date }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'OCOP Council'
  wb.created = o.now
  const producers = dataSheet(wb, SHEET_PRODUCERS, PRODUCER_COLUMNS, ['provinceCode', 'communeCode', 'regNo', 'phone'])
  const products = dataSheet(wb, SHEET_PRODUCTS, PRODUCT_COLUMNS, ['code', 'formNo', 'setId'])
  const certificates = dataSheet(wb, SHEET_CERTIFICATES, CERTIFICATE_COLUMNS, ['numberText', 'issuedOn', 'decisionNo', 'decisionDate', 'printedExpiry'])

  const lists: ListColumn[] = [
    { header: PRODUCER_COLUMNS.kind, values: Object.values(PRODUCER_KIND_LABELS) },
    { header: PRODUCER_COLUMNS.repGender, values: Object.values(GENDER_LABELS) },
    { header: PRODUCER_COLUMNS.repDisability, values: [YES, NO] },
    { header: PRODUCT_COLUMNS.registrationType, values: Object.values(REGISTRATION_TYPE_LABELS) },
    { header: PRODUCT_COLUMNS.status, values: Object.values(PRODUCT_STATUS_LABELS) },
    { header: PRODUCT_COLUMNS.stars, values: [3, 4, 5] },
    { header: CERTIFICATE_COLUMNS.issuedOn, values: [UNKNOWN_DATE] },
    { header: PRODUCT_COLUMNS.setId, values: o.sets.map((s) => s.id) },
    { header: PRODUCT_COLUMNS.setNo, values: o.sets.map((s) => s.no) },
    { header: PRODUCT_COLUMNS.setName, values: o.sets.map((s) => s.name) },
    { header: PRODUCER_COLUMNS.provinceCode, values: o.province ? [o.province.code] : [] },
    { header: PRODUCER_COLUMNS.provinceName, values: o.province ? [o.province.name] : [] },
    { header: PRODUCER_COLUMNS.communeCode, values: o.communes.map((c) => c.code) },
    { header: PRODUCER_COLUMNS.communeName, values: o.communes.map((c) => c.name) }
  ]
  const ls = wb.addWorksheet(SHEET_LISTS)
  lists.forEach((l, i) => {
    const col = ls.getColumn(i + 1)
    col.values = [l.header, ...l.values]
    col.width = Math.max(12, Math.min(60, Math.max(l.header.length, ...l.values.map((v) => String(v).length)) + 2))
    col.numFmt = '@'
  })
  ls.getRow(1).font = { bold: true }

  const listIndex = (header: string) => lists.findIndex((l) => l.header === header) + 1
  const colIndex = (columns: Record<string, string>, key: string) => Object.keys(columns).indexOf(key) + 1
  const link = (ws: ExcelJS.Worksheet, columns: Record<string, string>, key: string, listHeader: string) => {
    const n = lists[listIndex(listHeader) - 1]!.values.length
    if (n > 0) dropDown(ws, colIndex(columns, key), listIndex(listHeader), n, columns[key]!)
  }
  link(producers, PRODUCER_COLUMNS, 'kind', PRODUCER_COLUMNS.kind)
  link(producers, PRODUCER_COLUMNS, 'repGender', PRODUCER_COLUMNS.repGender)
  link(producers, PRODUCER_COLUMNS, 'repDisability', PRODUCER_COLUMNS.repDisability)
  link(producers, PRODUCER_COLUMNS, 'provinceCode', PRODUCER_COLUMNS.provinceCode)
  link(producers, PRODUCER_COLUMNS, 'communeCode', PRODUCER_COLUMNS.communeCode)
  link(products, PRODUCT_COLUMNS, 'registrationType', PRODUCT_COLUMNS.registrationType)
  link(products, PRODUCT_COLUMNS, 'status', PRODUCT_COLUMNS.status)
  link(products, PRODUCT_COLUMNS, 'stars', PRODUCT_COLUMNS.stars)
  link(products, PRODUCT_COLUMNS, 'setId', PRODUCT_COLUMNS.setId)
  link(certificates, CERTIFICATE_COLUMNS, 'stars', PRODUCT_COLUMNS.stars)
  return Buffer.from(await wb.xlsx.writeBuffer())
}
