import type { DB } from '../db/connection'
import type { ProductEvaluation } from '../shared/contract'
import { AppError } from '../shared/result'

export interface ProductHistoryService {
  evaluations(productId: number): ProductEvaluation[]
  exportInfo(productId: number): { productId: number; annualRevenue: number | null; revenueYear: number | null; story: string; updatedAt: string | null }
}

/** Read-only views for the product detail: where the product was evaluated, and what the exports will say about it. */
export function createProductHistoryService(db: DB): ProductHistoryService {
  const q = {
    exists: db.prepare('SELECT 1 FROM products WHERE id = ?'),
    // An agenda row exists while the session runs; results stay even if an agenda were later edited, so both are joined.
    evaluations: db.prepare(`
      SELECT s.id AS sessionId, r.name AS roundName, s.date, s.status AS sessionStatus, COALESCE(m.mode, 'meeting') AS mode,
             res.stars, res.mean, res.outcome, res.status AS resultStatus, res.finalized_at AS finalizedAt
      FROM sessions s
      JOIN rounds r ON r.id = s.round_id
      LEFT JOIN session_modes m ON m.session_id = s.id
      LEFT JOIN results res ON res.session_id = s.id AND res.product_id = @productId
      WHERE s.id IN (SELECT session_id FROM session_agenda WHERE product_id = @productId UNION SELECT session_id FROM results WHERE product_id = @productId)
      ORDER BY s.date DESC, s.id DESC`),
    info: db.prepare('SELECT annual_revenue, revenue_year, story, updated_at FROM product_export_info WHERE product_id = ?')
  }
  const mustExist = (productId: number) => {
    if (!q.exists.get(productId)) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
  }
  return {
    evaluations(productId) {
      mustExist(productId)
      return q.evaluations.all({ productId }) as ProductEvaluation[]
    },
    exportInfo(productId) {
      mustExist(productId)
      const row = q.info.get(productId) as { annual_revenue: number | null; revenue_year: number | null; story: string; updated_at: string } | undefined
      return { productId, annualRevenue: row?.annual_revenue ?? null, revenueYear: row?.revenue_year ?? null, story: row?.story ?? '', updatedAt: row?.updated_at ?? null }
    }
  }
}
