import type { ProductStatus } from '../shared/catalogue'
import type { CertificateState } from '../shared/certificates'
import type { ApiIssue } from '../shared/result'
import { certificateState, expiryDate } from './certificate'

/**
 * A certificate issued before the app (issue 12), as the clerk reads it off the paper or the decision: the number
 * as printed, the issuing authority (a former district or province included), the issue date or only its year
 * ("không rõ ngày"), the decision number and maybe its date, the expiry as printed or none. Nothing here invents a
 * date: the expiry is the printed one, else 36 months from the issue date (Điều 4.3), else 36 months from the
 * decision's signing date (decisions of every era say "có giá trị 36 tháng / 03 năm kể từ ngày ký"); with none of
 * the three the certificate cannot be placed in the lifecycle and is refused.
 */
export interface RecordedCertificateInput {
  stars: number
  numberText: string
  /** YYYY-MM-DD, or null when only the year is known. */
  issuedOn: string | null
  issuedYear: number
  issuingAuthority: string
  decisionNo: string
  decisionDate: string | null
  /** The expiry printed on the certificate, when it shows one. */
  printedExpiry: string | null
  sourceNote: string
}

export interface RecordedCertificate {
  stars: number
  numberText: string
  issuedOn: string | null
  year: number
  issuingAuthority: string
  decisionNo: string
  decisionDate: string | null
  expiryDate: string
  expiryPrinted: boolean
  sourceNote: string
}

export type RecordedCheck = { ok: true; value: RecordedCertificate } | { ok: false; issues: ApiIssue[] }

export function checkRecordedCertificate(i: RecordedCertificateInput): RecordedCheck {
  const issues: ApiIssue[] = []
  const fail = (path: string, message: string) => issues.push({ path, message })
  if (![3, 4, 5].includes(i.stars)) fail('stars', 'Hạng sao phải là 3, 4 hoặc 5')
  if (!i.numberText.trim()) fail('numberText', 'Thiếu số giấy chứng nhận (ghi đúng như in trên giấy)')
  if (!i.issuingAuthority.trim()) fail('issuingAuthority', 'Thiếu cơ quan cấp (ví dụ UBND tỉnh …, UBND huyện … (cũ))')
  if (!i.decisionNo.trim()) fail('decisionNo', 'Thiếu số quyết định công nhận')
  if (i.issuedYear < 2000 || i.issuedYear > 2999) fail('issuedYear', 'Năm cấp không hợp lệ')
  if (i.issuedOn && Number(i.issuedOn.slice(0, 4)) !== i.issuedYear) fail('issuedOn', `Ngày cấp ${i.issuedOn} không thuộc năm ${i.issuedYear}`)
  if (i.issuedOn && i.decisionDate && i.issuedOn < i.decisionDate) fail('issuedOn', 'Ngày cấp không được trước ngày quyết định')
  if (i.decisionDate && Number(i.decisionDate.slice(0, 4)) > i.issuedYear) fail('decisionDate', 'Ngày quyết định sau năm cấp giấy chứng nhận')
  const base = i.issuedOn ?? i.decisionDate
  const expiry = i.printedExpiry ?? (base ? expiryDate(base) : null)
  if (!expiry) fail('printedExpiry', 'Không rõ ngày cấp và ngày quyết định: cần ngày hết hạn in trên giấy chứng nhận')
  else if (expiry <= (base ?? `${i.issuedYear}-01-01`)) fail('printedExpiry', 'Ngày hết hạn phải sau ngày cấp')
  if (issues.length) return { ok: false, issues }
  return {
    ok: true,
    value: {
      stars: i.stars,
      numberText: i.numberText.trim(),
      issuedOn: i.issuedOn,
      year: i.issuedYear,
      issuingAuthority: i.issuingAuthority.trim(),
      decisionNo: i.decisionNo.trim(),
      decisionDate: i.decisionDate,
      expiryDate: expiry!,
      expiryPrinted: i.printedExpiry !== null,
      sourceNote: i.sourceNote.trim()
    }
  }
}

/** How a recorded certificate reads in lists: the date, or "không rõ ngày (2023)". */
export const issuedLabel = (issuedOn: string | null, year: number): string => issuedOn ?? `không rõ ngày (${year})`

export interface CertificateFact {
  stars: number
  status: CertificateState
  expiryDate: string
  /** Ordering key: the issue date, or the year's first day when only the year is known. */
  issuedKey: string
}

/** Statuses the certificates speak for; a product in evaluation keeps its own. */
export const CERTIFICATE_STATUSES: readonly ProductStatus[] = ['certificate-valid', 'expired', 'revoked']

/**
 * A product's certificate status from its certificates (issue 12, "status from facts"): a certificate valid on
 * `asOf` → certificate-valid with its stars; otherwise the latest certificate's state (expired or revoked) with its
 * stars; no certificate → null (nothing to say: the status stays what the catalogue holds).
 */
export function statusFromCertificates(certs: readonly CertificateFact[], asOf: string): { status: ProductStatus; stars: number } | null {
  if (certs.length === 0) return null
  const states = certs.map((c) => ({ c, state: certificateState(c.status, c.expiryDate, asOf) }))
  const valid = states.find((s) => s.state === 'valid')
  if (valid) return { status: 'certificate-valid', stars: valid.c.stars }
  const latest = [...states].sort((a, b) => b.c.issuedKey.localeCompare(a.c.issuedKey) || b.c.expiryDate.localeCompare(a.c.expiryDate))[0]!
  return { status: latest.state === 'revoked' ? 'revoked' : 'expired', stars: latest.c.stars }
}
