import type { DB } from '../../db/connection'
import { certificateState, reevaluationWindow } from '../../domain/certificate'
import { checkReregistration, REREGISTRATION_FROM, type ReregistrationType } from '../../domain/product-status'
import { REGISTRATION_TYPE_LABELS } from '../../shared/catalogue'
import { AppError } from '../../shared/result'
import { formatDay } from '../../shared/vn-format'
import { today } from '../certificates/certificate-store'
import { productRow, recordStatus } from '../product-service'
import type { Actor, Store } from '../sessions/store'

/**
 * "Đăng ký đánh giá lại / nâng hạng": a product holding a valid certificate starts a new dossier of that type
 * (rules: domain/product-status.ts `checkReregistration`). The earlier dossier's files stay stored but no longer count:
 * the new dossier is what was received after this registration (dossier-service reads from its time). One
 * transaction: the product row, its status history and the audit event.
 */
export function createReregistrationService(d: { db: DB; store: Store; now: () => Date }) {
  const q = {
    certificate: d.db.prepare("SELECT id, number_text, stars, expiry_date, status FROM certificates WHERE product_id = ? AND status = 'valid' ORDER BY issued_on DESC, id DESC LIMIT 1"),
    reset: d.db.prepare("UPDATE products SET status = 'registered', registration_type = ?, dossier_completed_at = NULL, updated_at = ? WHERE id = ?"),
    untick: d.db.prepare('UPDATE dossier_items SET checked = 0, updated_at = ? WHERE product_id = ? AND checked = 1')
  }
  return {
    reregister(i: { productId: number; type: ReregistrationType; reason: string }, actor: Actor) {
      return d.db.transaction(() => {
        const p = productRow(d.db, i.productId)
        const asOf = today(d.now)
        const row = q.certificate.get(i.productId) as { id: number; number_text: string; stars: number; expiry_date: string; status: 'valid' } | undefined
        const valid = row && certificateState(row.status, row.expiry_date, asOf) === 'valid' ? row : undefined
        const check = checkReregistration({
          status: p.status,
          type: i.type,
          certificate: valid ? { stars: valid.stars, expiryDate: valid.expiry_date, window: reevaluationWindow(valid.expiry_date, asOf) } : null
        })
        if (!check.ok) throw new AppError('CONFLICT', check.message)
        const cert = valid!
        const at = d.now().toISOString()
        const label = REGISTRATION_TYPE_LABELS[i.type]
        const reason = `${label}: giấy chứng nhận số ${cert.number_text} (${cert.stars} sao, hết hạn ${formatDay(cert.expiry_date)})${check.late ? ', nộp sau thời hạn 120 ngày trước khi hết hạn' : ''}${i.reason.trim() ? ` — ${i.reason.trim()}` : ''}`
        q.reset.run(i.type, at, i.productId)
        q.untick.run(at, i.productId)
        recordStatus(d.db, i.productId, REREGISTRATION_FROM, 'registered', p.stars, reason, at)
        d.store.audit('product.reregister', null, actor, { productId: i.productId, type: i.type, certificateId: cert.id, late: check.late, reason: i.reason.trim() }, at)
        return { productId: i.productId, registrationType: i.type, late: check.late, certificate: { number: cert.number_text, stars: cert.stars, expiryDate: cert.expiry_date } }
      })()
    }
  }
}
export type ReregistrationService = ReturnType<typeof createReregistrationService>
