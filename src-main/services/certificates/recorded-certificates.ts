import type { Statement } from 'better-sqlite3'
import type { DB } from '../../db/connection'
import { certificateState } from '../../domain/certificate'
import { checkRecordedCertificate, statusFromCertificates, type CertificateFact, type RecordedCertificateInput } from '../../domain/recorded-certificate'
import type { ProductStatus } from '../../shared/catalogue'
import type { CertificateState } from '../../shared/certificates'
import { AppError } from '../../shared/result'
import { recordStatus } from '../product-service'
import { createStore, type Actor } from '../sessions/store'
import { today as todayOf } from './certificate-store'

/**
 * Certificates issued before the app, recorded (issue 12): one by one from the product page or in bulk from the
 * import, always through `recordTx` in the caller's transaction. A recorded certificate has no session, no score
 * and no register number; the product's certificate status is then derived from its certificates
 * (`statusFromCertificates`), and the write is appended to the audit chain in the same transaction.
 */
const IN_EVALUATION: readonly ProductStatus[] = ['on-agenda', 'rated', 'recognised', 'proposed-5-star']

export interface RecordedDeps {
  db: DB
  now: () => Date
}

export const RECORDED_REASON = 'Ghi nhận giấy chứng nhận cấp trước khi dùng ứng dụng'

export function createRecordedCertificates(d: RecordedDeps) {
  const store = createStore(d.db)
  // Prepared once on first use (a bulk import records thousands in one transaction).
  const cache = new Map<string, Statement<unknown[]>>()
  const sql = (text: string) => {
    let st = cache.get(text)
    if (!st) cache.set(text, (st = d.db.prepare(text)))
    return st
  }

  /** Moves the product to the status its certificates speak for; products in evaluation keep theirs. */
  function syncStatus(productId: number, asOf: string, reason: string, at: string): void {
    const p = sql('SELECT status, stars FROM products WHERE id = ?').get(productId) as { status: ProductStatus; stars: number | null }
    if (IN_EVALUATION.includes(p.status)) return
    const certs = (
      sql('SELECT stars, status, expiry_date, coalesce(issued_on, printf(\'%04d-01-01\', year)) AS k FROM certificates WHERE product_id = ?').all(productId) as Array<{
        stars: number
        status: CertificateState
        expiry_date: string
        k: string
      }>
    ).map((c): CertificateFact => ({ stars: c.stars, status: c.status, expiryDate: c.expiry_date, issuedKey: c.k }))
    const next = statusFromCertificates(certs, asOf)
    if (!next || (next.status === p.status && next.stars === p.stars)) return
    sql('UPDATE products SET status = ?, stars = ?, updated_at = ? WHERE id = ?').run(next.status, next.stars, at, productId)
    recordStatus(d.db, productId, p.status, next.status, next.stars, reason, at)
  }

  /** Records one certificate in the caller's transaction; returns its id. */
  function recordTx(productId: number, input: RecordedCertificateInput, actor: Actor, note = ''): number {
    const product = sql('SELECT id, name, status FROM products WHERE id = ?').get(productId) as { id: number; name: string; status: ProductStatus } | undefined
    if (!product) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
    if (IN_EVALUATION.includes(product.status))
      throw new AppError('CONFLICT', `"${product.name}" đang trong quá trình đánh giá; giấy chứng nhận sẽ do phiên họp cấp`)
    const check = checkRecordedCertificate(input)
    if (!check.ok) throw new AppError('VALIDATION', check.issues[0]!.message, check.issues)
    const c = check.value
    const dup = sql("SELECT p.name FROM certificates x JOIN products p ON p.id = x.product_id WHERE x.origin = 'recorded' AND x.year = ? AND x.number_text = ? AND x.issuing_authority = ?")
      .get(c.year, c.numberText, c.issuingAuthority) as { name: string } | undefined
    if (dup) throw new AppError('CONFLICT', `Giấy chứng nhận số ${c.numberText} (${c.year}, ${c.issuingAuthority}) đã được ghi nhận cho "${dup.name}"`)
    const at = d.now().toISOString()
    const today = todayOf(d.now)
    // A stored "valid" certificate past its date is recorded as expired first, so only a truly valid one conflicts.
    sql("UPDATE certificates SET status = 'expired' WHERE product_id = ? AND status = 'valid' AND expiry_date < ?").run(productId, today)
    const state = certificateState('valid', c.expiryDate, today)
    if (state === 'valid') {
      const other = sql("SELECT number_text FROM certificates WHERE product_id = ? AND status = 'valid'").get(productId) as { number_text: string } | undefined
      if (other) throw new AppError('CONFLICT', `"${product.name}" đã có giấy chứng nhận số ${other.number_text} còn hiệu lực`)
    }
    const r = sql(`INSERT INTO certificates (product_id, origin, year, number_text, stars, decision_no, decision_date, issued_on, expiry_date, expiry_printed, issuing_authority, source_note, status, created_at)
        VALUES (?, 'recorded', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(productId, c.year, c.numberText, c.stars, c.decisionNo, c.decisionDate, c.issuedOn, c.expiryDate, c.expiryPrinted ? 1 : 0, c.issuingAuthority, c.sourceNote, state, at)
    const id = Number(r.lastInsertRowid)
    syncStatus(productId, today, `${RECORDED_REASON}: số ${c.numberText}, ${c.issuingAuthority}`, at)
    store.audit('certificate.recorded', null, actor, { certificateId: id, productId, ...c, note }, at)
    return id
  }

  return {
    recordTx,
    syncStatus,
    record(productId: number, input: RecordedCertificateInput, actor: Actor): number {
      return d.db.transaction(() => recordTx(productId, input, actor))()
    }
  }
}
export type RecordedCertificates = ReturnType<typeof createRecordedCertificates>
