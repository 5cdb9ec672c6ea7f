import ExcelJS from 'exceljs'
import { restoreNeutralised } from '../../domain/formula-text'
import type { ImportIssue, RawRow, RawWorkbook } from '../../domain/catalogue-import'
import { PRODUCER_REQUIRED } from '../../domain/import-producers'
import { PRODUCT_REQUIRED } from '../../domain/import-products'
import { CERTIFICATE_COLUMNS, PRODUCER_COLUMNS, PRODUCT_COLUMNS, SHEET_CERTIFICATES, SHEET_PRODUCERS, SHEET_PRODUCTS } from '../../shared/catalogue-xlsx'
import { CERTIFICATE_REQUIRED } from '../../domain/import-certificates'
import { IMPORT_LIMITS } from '../../shared/input-limits'
import { foldVietnamese } from '../../shared/text'
import { AppError } from '../../shared/result'

/** More rows than any province registers in years; beyond this the file is refused rather than previewed slowly. */
export const MAX_ROWS_PER_SHEET = IMPORT_LIMITS.rowsPerSheet

/** The text a person sees in a cell: numbers without grouping, hyperlinks and rich text as their text, formulas as their result. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  // An apostrophe our exports put before formula-like text (domain/formula-text.ts) is not part of the text.
  if (typeof value === 'string') return restoreNeutralised(value.normalize('NFC').trim())
  if (typeof value === 'number') return String(value)
  if (typeof value === 'boolean') return value ? 'Có' : 'Không'
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if ('richText' in value) return restoreNeutralised(value.richText.map((r) => r.text).join('').normalize('NFC').trim())
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue)
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
  if ('error' in value) return ''
  return ''
}

const headerKey = (s: string) => foldVietnamese(s).replace(/\s*\/\s*/g, '/')

function readSheet(
  wb: ExcelJS.Workbook,
  name: string,
  columns: Record<string, string>,
  required: readonly string[],
  sheet: 'producers' | 'products' | 'certificates',
  issues: ImportIssue[],
  optional = false
): RawRow[] {
  const ws = wb.worksheets.find((w) => foldVietnamese(w.name) === foldVietnamese(name))
  if (!ws && optional) return []
  if (!ws) {
    issues.push({ sheet: 'file', row: null, column: null, message: `Không có sheet «${name}» (hãy dùng tệp mẫu của ứng dụng)`, severity: 'error' })
    return []
  }
  // Columns are found by header text, so reordered or extra columns in the user's file still work.
  const byHeader = new Map(Object.entries(columns).map(([field, header]) => [headerKey(header), field]))
  const colOf = new Map<string, number>()
  ws.getRow(1).eachCell((cell, col) => {
    const field = byHeader.get(headerKey(cellText(cell.value)))
    if (field && !colOf.has(field)) colOf.set(field, col)
  })
  // Informative and optional columns may be left out; a missing required column makes every row wrong, so say it once.
  for (const header of required.filter((f) => !colOf.has(f)).map((f) => columns[f]!))
    issues.push({ sheet, row: 1, column: header, message: `Thiếu cột «${header}» ở dòng tiêu đề của sheet «${name}»`, severity: 'error' })
  if (ws.actualRowCount - 1 > MAX_ROWS_PER_SHEET)
    throw new AppError('VALIDATION', `Sheet «${name}» có quá nhiều dòng (tối đa ${MAX_ROWS_PER_SHEET.toLocaleString('vi-VN')})`)
  const rows: RawRow[] = []
  ws.eachRow({ includeEmpty: false }, (r, n) => {
    if (n === 1) return
    const cells: Record<string, string> = {}
    for (const [field, col] of colOf) cells[field] = cellText(r.getCell(col).value)
    if (Object.values(cells).some((v) => v !== '')) rows.push({ row: n, cells })
  })
  return rows
}

/** Reads the two data sheets of a catalogue workbook; a file that is not XLSX at all is a Vietnamese error. */
export async function readCatalogueWorkbook(bytes: Buffer): Promise<RawWorkbook> {
  const wb = new ExcelJS.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new AppError('VALIDATION', 'Không đọc được tệp: hãy chọn tệp Excel .xlsx (tệp .xls cũ cần lưu lại thành .xlsx)')
  }
  const issues: ImportIssue[] = []
  const producers = readSheet(wb, SHEET_PRODUCERS, PRODUCER_COLUMNS, PRODUCER_REQUIRED, 'producers', issues)
  const products = readSheet(wb, SHEET_PRODUCTS, PRODUCT_COLUMNS, PRODUCT_REQUIRED, 'products', issues)
  const certificates = readSheet(wb, SHEET_CERTIFICATES, CERTIFICATE_COLUMNS, CERTIFICATE_REQUIRED, 'certificates', issues, true)
  return { producers, products, certificates, issues }
}
