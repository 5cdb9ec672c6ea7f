import dayjs from 'dayjs'
import { vnDayOf } from '../../shared/vn-format'
import type { DB } from '../../db/connection'
import { certificateState, daysBetween, reevaluationWindow } from '../../domain/certificate'
import type { Certificate } from '../../shared/api/certificates'
import type { CertificateState } from '../../shared/certificates'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'

/**
 * Read side of the certificates: one query joins product, producer and revocation; the state shown is computed
 * for the day asked (a certificate past its expiry reads "expired" even before the sweep records it).
 */
export interface CertificateRow {
  id: number
  product_id: number
  session_id: number | null
  year: number
  number: number | null
  origin: 'issued' | 'recorded'
  number_text: string
  stars: number
  decision_no: string
  decision_date: string | null
  issued_on: string | null
  expiry_date: string
  expiry_printed: number
  issuing_authority: string
  source_note: string
  status: CertificateState
  product_code: string
  product_name: string
  commune_code: string
  producer_name: string
  revocation_id: number | null
  replaced_by: number | null
  replaced_on: string | null
  successor_number: string | null
  successor_decision: string | null
}

export const CERT_SELECT = `SELECT c.*, p.code AS product_code, p.name AS product_name, p.commune_code, pr.name AS producer_name, r.id AS revocation_id,
    n.number_text AS successor_number, n.decision_no AS successor_decision
  FROM certificates c JOIN products p ON p.id = c.product_id JOIN producers pr ON pr.id = p.producer_id
  LEFT JOIN revocations r ON r.certificate_id = c.id LEFT JOIN certificates n ON n.id = c.replaced_by`

/** Today in Vietnam (not the machine's zone): expiry and re-evaluation windows are counted in Vietnamese days. */
export const today = (now: () => Date): string => vnDayOf(now()) ?? dayjs(now()).format('YYYY-MM-DD')

export function toCertificate(r: CertificateRow, units: AdminUnits, asOf: string): Certificate {
  const w = reevaluationWindow(r.expiry_date, asOf)
  return {
    id: r.id,
    productId: r.product_id,
    sessionId: r.session_id,
    productCode: r.product_code,
    productName: r.product_name,
    producerName: r.producer_name,
    communeCode: r.commune_code,
    communeName: units.commune(r.commune_code)?.name ?? r.commune_code,
    stars: r.stars,
    number: r.number_text,
    decisionNo: r.decision_no,
    decisionDate: r.decision_date,
    issuedOn: r.issued_on,
    issuedYear: r.year,
    expiryDate: r.expiry_date,
    expiryPrinted: r.expiry_printed === 1,
    recorded: r.origin === 'recorded',
    issuingAuthority: r.issuing_authority,
    sourceNote: r.source_note,
    state: certificateState(r.status, r.expiry_date, asOf),
    daysLeft: daysBetween(asOf, r.expiry_date),
    window: { opens: w.opens, closes: w.closes, phase: w.phase },
    revocationId: r.revocation_id,
    replacedBy: r.replaced_by !== null ? { id: r.replaced_by, number: r.successor_number ?? '', decisionNo: r.successor_decision ?? '', on: r.replaced_on ?? '' } : null
  }
}

export function createCertificateStore(db: DB, units: AdminUnits) {
  // Prepared on use: the wiring runs before a restore may swap the database underneath.
  return {
    /** Every certificate, newest number first; lists are small (hundreds per province), filtering is in code. */
    all(asOf: string): Certificate[] {
      return (db.prepare(`${CERT_SELECT} ORDER BY coalesce(c.issued_on, printf('%04d-12-31', c.year)) DESC, c.id DESC`).all() as CertificateRow[]).map((r) => toCertificate(r, units, asOf))
    },
    one(id: number, asOf: string): Certificate {
      const r = db.prepare(`${CERT_SELECT} WHERE c.id = ?`).get(id) as CertificateRow | undefined
      if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận')
      return toCertificate(r, units, asOf)
    },
    row(id: number): CertificateRow | undefined {
      return db.prepare(`${CERT_SELECT} WHERE c.id = ?`).get(id) as CertificateRow | undefined
    }
  }
}
export type CertificateStore = ReturnType<typeof createCertificateStore>
