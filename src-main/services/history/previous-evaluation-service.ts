import type { DB } from '../../db/connection'
import { councilOption, optionStep } from '../../domain/council-option'
import type { AgreedOption } from '../../domain/rate-input'
import type { ScoredSheet } from '../../domain/sheet'
import type { PreviousEvaluation, ProductHistoryView } from '../../shared/api/history'
import { leafCriteria, type CriteriaSet } from '../../shared/criteria'
import { AppError } from '../../shared/result'
import type { CriteriaService } from '../criteria-service'
import { countedSheets } from '../sessions/counted-sheets'
import type { Actor, Store } from '../sessions/store'

/**
 * A product's previous evaluation beside the current one (re-evaluation, upgrade): the latest finalized session
 * before this one, recomputed from its stored answers; without one, the latest certificate issued before the session
 * (a certificate recorded from before the app gives stars only). Members see it for the products of their own
 * session; the comparison with the current round ("moved") is for the office and waits, like the review, until
 * that round is visible.
 */
/**
 * Where a product's previous evaluation is: the latest finalized session before `sessionId` (by date, then id) with its
 * stored result, and the latest certificate issued on or before `date` (a certificate recorded from before the app,
 * known only by its year, is dated by its decision, else the year's end — issue 12). Shared by `history.previous`
 * and the session's minutes and report ("Kết quả đánh giá trước").
 */
export function createPreviousLookup(db: DB) {
  const q = {
    previousSession: db.prepare(`SELECT s.id, s.date, r.stars, r.mean FROM results r JOIN sessions s ON s.id = r.session_id
      WHERE r.product_id = @productId AND s.status = 'finalized' AND s.id <> @sessionId
        AND (s.date < @date OR (s.date = @date AND s.id < @sessionId))
      ORDER BY s.date DESC, s.id DESC LIMIT 1`),
    certificate: db.prepare(`SELECT number_text, issued_on, printed_on, year, expiry_date, stars, status FROM (SELECT id, number_text, expiry_date, stars, status,
        year, issued_on AS printed_on, coalesce(issued_on, decision_date, printf('%04d-12-31', year)) AS issued_on FROM certificates WHERE product_id = ?)
      WHERE issued_on <= ? ORDER BY issued_on DESC, id DESC LIMIT 1`)
  }
  return (productId: number, sessionId: number, date: string) => {
    const session = q.previousSession.get({ productId, sessionId, date }) as { id: number; date: string; stars: number | null; mean: number | null } | undefined
    const c = q.certificate.get(productId, date) as { number_text: string; issued_on: string; printed_on: string | null; year: number; expiry_date: string; stars: number; status: string } | undefined
    return {
      session: session ?? null,
      certificate: c ? { number: c.number_text, issuedOn: c.issued_on, expiryDate: c.expiry_date, stars: c.stars, status: c.status } : null,
      /** The issue day as printed on the certificate (null: known only by its year). */
      printed: c ? { issuedOn: c.printed_on, year: c.year } : null
    }
  }
}

export function createPreviousEvaluationService(d: { db: DB; store: Store; criteria: CriteriaService }) {
  const lookup = createPreviousLookup(d.db)
  const seated = d.db.prepare('SELECT 1 FROM session_members WHERE id = ? AND session_id = ?')

  function perCriterion(set: CriteriaSet, sheets: readonly ScoredSheet[], agreed: readonly AgreedOption[]) {
    const byMember = sheets.map((s) => new Map(s.answers.map((a) => [a.criterionCode, a])))
    return leafCriteria(set).flatMap(({ criterion }) => {
      const answers = byMember.map((m) => m.get(criterion.code)).filter((a) => a?.status === 'answered')
      if (answers.length === 0) return []
      const option = councilOption(criterion, answers.map((a) => a!.optionId!), agreed)
      const points = answers.map((a) => a!.points)
      return [
        {
          criterionCode: criterion.code,
          optionId: option.id,
          optionText: criterion.options.find((o) => o.id === option.id)!.text,
          points: option.points,
          meanPoints: points.reduce((s, p) => s + p, 0) / points.length,
          spread: Math.max(...points) - Math.min(...points)
        }
      ]
    })
  }

  return {
    previous(i: { sessionId: number; productId: number }, actor: Actor): ProductHistoryView {
      const session = d.store.session(i.sessionId)
      if (actor.kind === 'member' && !seated.get(actor.memberId, i.sessionId)) throw new AppError('FORBIDDEN', 'Bạn chỉ xem được sản phẩm của phiên họp mình tham gia')
      if (!d.store.agenda(i.sessionId).some((a) => a.product_id === i.productId)) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp này')
      const { session: prevSession, certificate } = lookup(i.productId, i.sessionId, session.date)
      let previous: PreviousEvaluation | null = null
      if (prevSession) {
        const c = countedSheets(d.store, d.criteria, prevSession.id, i.productId)
        const n = c.sheets.length
        const part = (k: 'A' | 'B' | 'C') => c.sheets.reduce((s, sh) => s + sh.parts[k], 0) / n
        previous = {
          source: 'app',
          sessionId: prevSession.id,
          date: prevSession.date,
          stars: c.rating.stars,
          mean: c.rating.score?.mean ?? null,
          parts: n > 0 ? { A: part('A'), B: part('B'), C: part('C') } : null,
          certificate,
          criteria: perCriterion(c.set, c.sheets, c.agreed)
        }
      } else if (certificate) previous = { source: 'recorded', sessionId: null, date: certificate.issuedOn, stars: certificate.stars, mean: null, parts: null, certificate, criteria: [] }

      const moved: ProductHistoryView['moved'] = []
      if (previous && previous.criteria.length > 0 && actor.kind !== 'member') {
        const now = countedSheets(d.store, d.criteria, i.sessionId, i.productId)
        const current = new Map(perCriterion(now.set, now.sheets, now.agreed).map((c) => [c.criterionCode, c]))
        const leaves = new Map(leafCriteria(now.set).map((l) => [l.criterion.code, l.criterion]))
        for (const p of previous.criteria) {
          const c = current.get(p.criterionCode)
          const leaf = leaves.get(p.criterionCode)
          if (!c || !leaf) continue
          const a = optionStep(leaf, p.optionId)
          const b = optionStep(leaf, c.optionId)
          if (a !== null && b !== null && Math.abs(a - b) > 1) moved.push({ criterionCode: p.criterionCode, previousOptionId: p.optionId, currentOptionId: c.optionId, steps: b - a })
        }
      }
      return { productId: i.productId, previous, moved }
    }
  }
}
export type PreviousEvaluationService = ReturnType<typeof createPreviousEvaluationService>
