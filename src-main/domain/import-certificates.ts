import { CERTIFICATE_COLUMNS } from '../shared/catalogue-xlsx'
import { foldVietnamese } from '../shared/text'
import { certificateState } from './certificate'
import type { ImportContext, ImportedCertificateRow, ImportedProduct, ImportIssue, RawRow } from './import-types'
import { missing, positiveInt } from './import-producers'
import { checkRecordedCertificate } from './recorded-certificate'

type Field = keyof typeof CERTIFICATE_COLUMNS
export const CERTIFICATE_REQUIRED: readonly Field[] = ['productNo', 'numberText', 'stars', 'issuingAuthority', 'decisionNo']

/** `existing`: already recorded for the product this row's product matched, so nothing to write. */
export type ImportedCertificate = ImportedCertificateRow

/** "20/11/2024", "20-11-2024", "2024-11-20" (Excel dates arrive as the latter) → ISO; '' → ''; else null. */
export function parseDay(s: string): string | '' | null {
  const t = s.trim()
  if (!t) return ''
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t)
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t)
  const [y, mo, d] = ymd ? [ymd[1]!, ymd[2]!, ymd[3]!] : dmy ? [dmy[3]!, dmy[2]!, dmy[1]!] : ['', '', '']
  if (!y) return null
  const iso = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null
}

const UNKNOWN_FOLDS = ['khong ro ngay', 'khong ro', 'chua ro', 'kro']

/**
 * Checks sheet «Giấy chứng nhận»: each row names a product row, the number as printed, the authority and the
 * decision; the issue date may be "không rõ ngày" with the year. The rules of a recorded certificate are those of
 * the single form (domain/recorded-certificate.ts). Within the file and against the database, a certificate is one
 * (year, number, authority); one certificate valid at a time per product.
 */
export function checkCertificates(rows: RawRow[], products: ImportedProduct[], productNos: Set<number>, ctx: ImportContext): { certificates: ImportedCertificate[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = []
  const out: ImportedCertificate[] = []
  const byNo = new Map(products.map((p) => [p.no, p]))
  const seen = new Map<string, number>()
  const validOf = new Map<number, number>()
  for (const { row, cells } of rows) {
    const before = issues.length
    const err = (field: Field, message: string) => issues.push({ sheet: 'certificates', row, column: CERTIFICATE_COLUMNS[field], message, severity: 'error' })
    const v = (f: Field) => cells[f] ?? ''
    for (const f of CERTIFICATE_REQUIRED) if (!v(f)) err(f, missing(CERTIFICATE_COLUMNS[f]))
    const productNo = positiveInt(v('productNo'))
    if (v('productNo') && (productNo === null || !productNos.has(productNo))) err('productNo', `Không có sản phẩm STT ${v('productNo')} trong sheet «Sản phẩm»`)
    const stars = positiveInt(v('stars'))
    if (v('stars') && (stars === null || stars < 3 || stars > 5)) err('stars', 'Hạng sao phải là 3, 4 hoặc 5')
    const unknown = UNKNOWN_FOLDS.includes(foldVietnamese(v('issuedOn')))
    const issuedOn = unknown ? '' : parseDay(v('issuedOn'))
    if (issuedOn === null) err('issuedOn', `Ngày cấp «${v('issuedOn')}» không hợp lệ (dd/mm/yyyy, hoặc «không rõ ngày» kèm năm cấp)`)
    const decisionDate = parseDay(v('decisionDate'))
    if (decisionDate === null) err('decisionDate', `Ngày quyết định «${v('decisionDate')}» không hợp lệ (dd/mm/yyyy)`)
    const printedExpiry = parseDay(v('printedExpiry'))
    if (printedExpiry === null) err('printedExpiry', `Ngày hết hạn «${v('printedExpiry')}» không hợp lệ (dd/mm/yyyy)`)
    const yearCell = v('issuedYear') ? positiveInt(v('issuedYear')) : null
    if (v('issuedYear') && yearCell === null) err('issuedYear', 'Năm cấp phải là số (ví dụ 2024)')
    const year = issuedOn ? Number(issuedOn.slice(0, 4)) : yearCell
    if (!issuedOn && year === null && issues.length === before) err('issuedYear', 'Không rõ ngày cấp: cần năm cấp')
    if (issues.length > before) continue
    const product = byNo.get(productNo!)
    // A product row with errors is reported there; its certificates wait for it.
    if (!product) continue
    const check = checkRecordedCertificate({
      stars: stars!,
      numberText: v('numberText'),
      issuedOn: issuedOn || null,
      issuedYear: year!,
      issuingAuthority: v('issuingAuthority'),
      decisionNo: v('decisionNo'),
      decisionDate: decisionDate || null,
      printedExpiry: printedExpiry || null,
      sourceNote: v('sourceNote')
    })
    if (!check.ok) {
      for (const i of check.issues) err(i.path as Field, i.message)
      continue
    }
    const c = check.value
    const key = `${c.year}|${foldVietnamese(c.numberText)}|${foldVietnamese(c.issuingAuthority)}`
    const dup = seen.get(key)
    if (dup !== undefined) {
      err('numberText', `Trùng giấy chứng nhận số ${c.numberText} (${c.year}, ${c.issuingAuthority}) với dòng ${dup}`)
      continue
    }
    seen.set(key, row)
    const inDb = ctx.recordedCertificate(c.year, c.numberText, c.issuingAuthority)
    const existing = inDb !== undefined && product.matchedId !== undefined && inDb.productId === product.matchedId
    if (inDb && !existing) {
      err('numberText', `Giấy chứng nhận số ${c.numberText} (${c.year}, ${c.issuingAuthority}) đã được ghi nhận cho sản phẩm «${inDb.productName}»`)
      continue
    }
    if (!existing && certificateState('valid', c.expiryDate, ctx.asOf) === 'valid') {
      const other = validOf.get(productNo!)
      if (other !== undefined) {
        err('numberText', `Sản phẩm STT ${productNo} đã có giấy chứng nhận còn hiệu lực ở dòng ${other}`)
        continue
      }
      validOf.set(productNo!, row)
    }
    out.push({ row, productNo: productNo!, data: c, existing })
  }
  return { certificates: out, issues }
}
