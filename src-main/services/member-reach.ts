import type { DB } from '../db/connection'
import { AppError } from '../shared/result'

/** The caller as services see it (the registry's actor): only a member's reach is limited here. */
export type ReachActor = { kind: 'local' } | { kind: 'secretary' } | { kind: 'member'; memberId: number }

/**
 * What a member token may read outside its own sheets: the dossiers of the products on the agenda of the member's
 * own session (the scoring screen opens them beside the sheet), nothing of other sessions or other products.
 * Office callers pass through.
 */
export function createMemberReach(db: DB) {
  const q = {
    product: db.prepare('SELECT 1 FROM session_members m JOIN session_agenda a ON a.session_id = m.session_id WHERE m.id = ? AND a.product_id = ?'),
    file: db.prepare('SELECT product_id FROM dossier_files WHERE id = ?')
  }
  const refuse = () => new AppError('FORBIDDEN', 'Thành viên chỉ xem được hồ sơ của các sản phẩm trong phiên họp của mình')
  return {
    product(actor: ReachActor, productId: number): void {
      if (actor.kind === 'member' && !q.product.get(actor.memberId, productId)) throw refuse()
    },
    dossierFile(actor: ReachActor, fileId: number): void {
      if (actor.kind !== 'member') return
      const f = q.file.get(fileId) as { product_id: number } | undefined
      // A file that does not exist is refused the same way: a member learns nothing about other products' files.
      if (!f || !q.product.get(actor.memberId, f.product_id)) throw refuse()
    }
  }
}
export type MemberReach = ReturnType<typeof createMemberReach>
