import type { DB } from '../../db/connection'
import { checkOpinions } from '../../domain/written-opinions'
import type { SessionMode } from '../../shared/certificates'
import { AppError } from '../../shared/result'

/**
 * Re-evaluation by written opinions (QĐ 26/2026 Điều 7.6d) as a session mode. The smaller change was chosen: a
 * `session_modes` row beside the session (migration 007) instead of a column on `sessions` and a second sheet
 * type. In written-opinion mode each member's submitted sheet is that member's written opinion (phiếu lấy ý kiến);
 * the session's own flow (sealed sheets, finalize) is unchanged, and this check tells the office per product
 * whether the opinions agree or an in-person meeting is needed.
 */
export function createReevaluationService(db: DB, now: () => Date) {
  const modeOf = (sessionId: number): SessionMode =>
    ((db.prepare('SELECT mode FROM session_modes WHERE session_id = ?').get(sessionId) as { mode: SessionMode } | undefined)?.mode ?? 'meeting')

  function session(sessionId: number): { quy_che: string; status: string } {
    const s = db.prepare('SELECT quy_che, status FROM sessions WHERE id = ?').get(sessionId) as { quy_che: string; status: string } | undefined
    if (!s) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên họp')
    return s
  }

  return {
    setMode(sessionId: number, mode: SessionMode) {
      const s = session(sessionId)
      if (s.status === 'finalized') throw new AppError('FINALIZED', 'Phiên họp đã chốt kết quả, không đổi được hình thức đánh giá')
      db.prepare('INSERT INTO session_modes (session_id, mode, updated_at) VALUES (?, ?, ?) ON CONFLICT(session_id) DO UPDATE SET mode = excluded.mode, updated_at = excluded.updated_at').run(
        sessionId,
        mode,
        now().toISOString()
      )
      return { sessionId, mode }
    },
    opinions(sessionId: number) {
      const s = session(sessionId)
      const quyChe = JSON.parse(s.quy_che) as { spreadLimit?: number; secretaryScores?: boolean }
      const secretary = quyChe.secretaryScores ? '' : "AND m.role <> 'secretary'"
      const products = db
        .prepare('SELECT a.product_id, a.current_round, p.code, p.name FROM session_agenda a JOIN products p ON p.id = a.product_id WHERE a.session_id = ? ORDER BY a.ord')
        .all(sessionId) as Array<{ product_id: number; current_round: number; code: string; name: string }>
      // Expected opinions: seated scoring members, less those recused from the product.
      const expected = db.prepare(`SELECT count(*) FROM session_members m WHERE m.session_id = ? ${secretary}
        AND NOT EXISTS (SELECT 1 FROM conflicts c WHERE c.member_id = m.id AND c.product_id = ? AND c.kind <> 'none')`).pluck()
      const sheets = db.prepare("SELECT member_id, total FROM sheets WHERE session_id = ? AND product_id = ? AND scoring_round = ? AND status = 'submitted'")
      return {
        sessionId,
        mode: modeOf(sessionId),
        products: products.map((p) => {
          const ops = (sheets.all(sessionId, p.product_id, p.current_round) as Array<{ member_id: number; total: number }>).map((r) => ({ memberId: r.member_id, total: r.total }))
          const n = expected.get(sessionId, p.product_id) as number
          return { productId: p.product_id, code: p.code, name: p.name, expected: n, ...checkOpinions(ops, n, quyChe.spreadLimit ?? 10) }
        })
      }
    }
  }
}
