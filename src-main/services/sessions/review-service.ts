import type { DB } from '../../db/connection'
import { ratingToJson, type RatingResult } from '../../domain/rate'
import { eligibleSeats, liveQuorum, roundComplete, sheetState, visibleRounds, type ProductFacts, type SessionFacts } from '../../domain/session-rating'
import { leafCriteria } from '../../shared/criteria'
import type { Amendment, ProductReview, Progress, ReviewMatrix, ReviewRow, SessionResult } from '../../shared/api/sessions'
import { AppError } from '../../shared/result'
import type { CriteriaService } from '../criteria-service'
import { sessionSeal } from './integrity'
import { createRatingCache } from './rating-cache'
import { sha256, type Actor, type AgendaRow, type SessionRow, type Store } from './store'

/** Sealed progress, the review matrix and per-criterion view, the council's decisions, re-score rounds and finalization. */
export function createReviewService(db: DB, store: Store, criteria: CriteriaService, now: () => Date) {
  const at = () => now().toISOString()
  const cache = createRatingCache(criteria)
  const q = {
    totals: db.prepare("SELECT product_id, member_id, scoring_round, total FROM sheets WHERE session_id = ? AND status = 'submitted'"),
    rescores: db.prepare('SELECT scoring_round, reason, opened_at FROM rescores WHERE session_id = ? AND product_id = ? ORDER BY scoring_round'),
    openRescore: db.prepare('INSERT INTO rescores (session_id, product_id, scoring_round, reason, opened_at) VALUES (?, ?, ?, ?, ?)'),
    bumpRound: db.prepare('UPDATE session_agenda SET current_round = ? WHERE session_id = ? AND product_id = ?'),
    upsertAgreement: db.prepare(`INSERT INTO agreements (session_id, product_id, scoring_round, kind, criterion_code, option_id, applies, reason, created_at)
      VALUES (@sessionId, @productId, @round, @kind, @code, @optionId, @applies, @reason, @at)
      ON CONFLICT (session_id, product_id, scoring_round, kind, ifnull(criterion_code, '')) DO UPDATE SET option_id = excluded.option_id, applies = excluded.applies, reason = excluded.reason, created_at = excluded.created_at`),
    insertResult: db.prepare(`INSERT INTO results (session_id, product_id, criteria_set_id, criteria_version, rating, sha256, status, stars, mean, outcome, finalized_at,
        product_code, product_name, producer_name)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    finalize: db.prepare("UPDATE sessions SET status = 'finalized', finalized_at = ?, updated_at = ? WHERE id = ?"),
    productRated: db.prepare("UPDATE products SET status = 'rated', updated_at = ? WHERE id = ? AND status = 'on-agenda'"),
    statusHistory: db.prepare("INSERT INTO product_status_history (product_id, from_status, to_status, stars, reason, at) VALUES (?, 'on-agenda', 'rated', NULL, ?, ?)"),
    // The names the result was decided under (snapshotted at finalization), not the catalogue's current ones.
    results: db.prepare('SELECT r.*, coalesce(r.product_code, p.code) AS code, coalesce(r.product_name, p.name) AS name FROM results r JOIN products p ON p.id = r.product_id WHERE r.session_id = ? ORDER BY (SELECT ord FROM session_agenda a WHERE a.session_id = r.session_id AND a.product_id = r.product_id)'),
    amendments: db.prepare('SELECT * FROM amendments WHERE session_id = ? ORDER BY id'),
    insertAmendment: db.prepare('INSERT INTO amendments (session_id, product_id, reason, author, text, created_at) VALUES (?, ?, ?, ?, ?, ?)')
  }

  function load(sessionId: number) {
    const row = store.session(sessionId)
    const f = store.facts(row)
    const agenda = store.agenda(sessionId)
    return { row, f, agenda, facts: store.productFacts(sessionId, agenda) }
  }

  function rate(row: SessionRow, f: SessionFacts, p: ProductFacts): RatingResult | null {
    if (visibleRounds(f, p).length === 0) return null
    return cache.rate(row.id, row.criteria_version, f, p)
  }

  function reviewRow(row: SessionRow, f: SessionFacts, a: AgendaRow, p: ProductFacts, totals: Map<string, number>): { row: ReviewRow; rating: RatingResult | null } {
    const visible = new Set(visibleRounds(f, p))
    const eligible = new Set(eligibleSeats(f, p).map((s) => s.id))
    const rating = rate(row, f, p)
    const score = rating?.score ?? null
    return {
      rating,
      row: {
        productId: a.product_id,
        code: a.code,
        name: a.name,
        setId: a.set_id,
        scoringRound: a.current_round,
        ready: roundComplete(f, p, a.current_round),
        cells: f.seats.map((s) => ({
          memberId: s.id,
          eligible: eligible.has(s.id),
          rounds: [...visible].flatMap((r) => {
            const t = totals.get(`${a.product_id}:${s.id}:${r}`)
            return t === undefined ? [] : [{ scoringRound: r, total: t }]
          })
        })),
        mean: score?.mean ?? null,
        meanText: score?.meanText ?? null,
        spread: score?.spread ?? null,
        band: rating?.band ?? null,
        stars: rating?.stars ?? null,
        provisionalStars: rating?.provisionalStars ?? null,
        status: rating?.status ?? null,
        outcome: rating?.outcome ?? null,
        needsRescore: score?.needsRescore ?? false,
        openRescore: a.current_round > 1 && !roundComplete(f, p, a.current_round),
        reasons: rating?.reasons ?? [],
        warnings: (rating?.warnings ?? []).map((w) => ({ kind: w.kind, message: w.message })),
        finalized: row.status === 'finalized'
      }
    }
  }

  function totalsOf(sessionId: number): Map<string, number> {
    const out = new Map<string, number>()
    for (const t of q.totals.all(sessionId) as Array<{ product_id: number; member_id: number; scoring_round: number; total: number }>)
      out.set(`${t.product_id}:${t.member_id}:${t.scoring_round}`, t.total)
    return out
  }

  function productReview(sessionId: number, productId: number): ProductReview {
    const { row, f, agenda, facts } = load(sessionId)
    const a = agenda.find((x) => x.product_id === productId)
    if (!a) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp')
    const p = facts.get(productId)!
    const { row: r, rating } = reviewRow(row, f, a, p, totalsOf(sessionId))
    const rescores = (q.rescores.all(sessionId, productId) as Array<{ scoring_round: number; reason: string; opened_at: string }>).map((x) => ({
      scoringRound: x.scoring_round,
      reason: x.reason,
      openedAt: x.opened_at,
      closed: x.scoring_round < a.current_round || roundComplete(f, p, x.scoring_round)
    }))
    const counting = rating?.countingRound ?? null
    const set = criteria.get(p.setId, row.criteria_version).set
    const counted = new Set(eligibleSeats(f, p).map((s) => s.id))
    const sheets = counting === null ? [] : p.sheets.filter((s) => s.scoringRound === counting && s.status === 'submitted' && counted.has(s.memberId))
    const order = leafCriteria(set).map((l) => l.criterion)
    const list = order.map((c) => {
      const points = new Map(c.options.map((o) => [o.id, o.points]))
      const answers = sheets.map((s) => {
        const optionId = s.answers[c.code] ?? null
        return { memberId: s.memberId, optionId, points: optionId === null ? 0 : (points.get(optionId) ?? 0) }
      })
      const pts = answers.map((x) => x.points)
      const agreed = p.agreements.find((g) => g.criterionCode === c.code)
      return {
        criterionCode: c.code,
        criterionText: c.text,
        maxPoints: c.maxPoints,
        pointsSpread: pts.length ? Math.max(...pts) - Math.min(...pts) : 0,
        distinctOptions: new Set(answers.map((x) => x.optionId)).size,
        answers,
        agreed: agreed ? { optionId: agreed.optionId, reason: agreed.reason } : null
      }
    })
    const rank = new Map(order.map((c, i) => [c.code, i]))
    list.sort((x, y) => y.pointsSpread - x.pointsSpread || rank.get(x.criterionCode)! - rank.get(y.criterionCode)!)
    return {
      row: r,
      criteria: counting === null ? [] : list,
      rating: rating ? (JSON.parse(ratingToJson(rating)) as Record<string, unknown>) : null,
      rescores,
      knockoutDecisions: p.knockoutDecisions.map((d) => ({ ...d }))
    }
  }

  /** The council acts on a product only once its current round is in and while the session is not finalized. */
  function decidable(sessionId: number, productId: number) {
    const { row, f, agenda, facts } = load(sessionId)
    if (row.status !== 'review' && row.status !== 'scoring') throw new AppError('CONFLICT', 'Chỉ thực hiện được khi phiên họp đang chấm điểm hoặc xem xét kết quả')
    const a = agenda.find((x) => x.product_id === productId)
    if (!a) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp')
    const p = facts.get(productId)!
    if (!roundComplete(f, p, a.current_round)) throw new AppError('CONFLICT', `Chưa đủ phiếu vòng ${a.current_round} của sản phẩm này (chấm kín: chưa xem được kết quả)`)
    return { row, f, a, p, set: criteria.get(p.setId, row.criteria_version).set }
  }

  function resultsOf(sessionId: number): SessionResult[] {
    type Row = { session_id: number; product_id: number; code: string; name: string; criteria_set_id: string; criteria_version: string; stars: number | null; mean: number | null; outcome: string | null; status: string; sha256: string; finalized_at: string; rating: string }
    const amendments = (q.amendments.all(sessionId) as Array<{ id: number; product_id: number; reason: string; author: string; text: string; created_at: string }>).map(
      (m): Amendment => ({ id: m.id, productId: m.product_id, reason: m.reason, author: m.author, text: m.text, createdAt: m.created_at })
    )
    return (q.results.all(sessionId) as Row[]).map((r) => ({
      sessionId: r.session_id,
      productId: r.product_id,
      code: r.code,
      name: r.name,
      criteriaSetId: r.criteria_set_id,
      criteriaVersion: r.criteria_version,
      stars: r.stars,
      mean: r.mean,
      meanText: (JSON.parse(r.rating) as RatingResult).score?.meanText ?? null,
      outcome: r.outcome,
      status: r.status,
      sha256: r.sha256,
      finalizedAt: r.finalized_at,
      amendments: amendments.filter((m) => m.productId === r.product_id)
    }))
  }

  return {
    /** The rating cache's counters (engine runs avoided and made). */
    ratingCache: cache.stats,
    progress(sessionId: number): Progress {
      const { row, f, agenda, facts } = load(sessionId)
      return {
        sessionId,
        status: row.status,
        quorum: liveQuorum(f),
        products: agenda.map((a) => {
          const p = facts.get(a.product_id)!
          const members = f.seats.map((s) => ({ memberId: s.id, state: sheetState(f, p, s) }))
          const eligible = members.filter((m) => m.state !== 'not-eligible' && m.state !== 'recused')
          return {
            productId: a.product_id,
            code: a.code,
            name: a.name,
            scoringRound: a.current_round,
            eligible: eligible.length,
            submitted: eligible.filter((m) => m.state === 'submitted').length,
            complete: roundComplete(f, p, a.current_round),
            members
          }
        })
      }
    },
    matrix(sessionId: number): ReviewMatrix {
      const { row, f, agenda, facts } = load(sessionId)
      const totals = totalsOf(sessionId)
      const quyChe = f.quyChe
      return {
        sessionId,
        members: store.seatsOf(sessionId).map((s) => ({ id: s.id, ord: s.ord, role: s.role, fullName: s.full_name, organisation: s.organisation, jobTitle: s.job_title, scores: s.role !== 'secretary' || quyChe.secretaryScores })),
        products: agenda.map((a) => reviewRow(row, f, a, facts.get(a.product_id)!, totals).row)
      }
    },
    product: productReview,
    agree(i: { sessionId: number; productId: number; criterionCode: string; optionId: string; reason: string }, actor: Actor): ProductReview {
      return db.transaction(() => {
        const { a, set } = decidable(i.sessionId, i.productId)
        const leaf = leafCriteria(set).find((l) => l.criterion.code === i.criterionCode)?.criterion
        if (!leaf) throw new AppError('VALIDATION', `Không có tiêu chí "${i.criterionCode}" trong bộ tiêu chí số ${set.no}`)
        if (!leaf.options.some((o) => o.id === i.optionId)) throw new AppError('VALIDATION', `Tiêu chí ${i.criterionCode} không có phương án "${i.optionId}"`)
        const when = at()
        q.upsertAgreement.run({ sessionId: i.sessionId, productId: i.productId, round: a.current_round, kind: 'option', code: i.criterionCode, optionId: i.optionId, applies: null, reason: i.reason, at: when })
        store.audit('review.agree', i.sessionId, actor, { ...i, scoringRound: a.current_round }, when)
        return productReview(i.sessionId, i.productId)
      })()
    },
    decideKnockout(i: { sessionId: number; productId: number; criterionCode: string | null; applies: boolean; reason: string }, actor: Actor): ProductReview {
      return db.transaction(() => {
        const { a, set } = decidable(i.sessionId, i.productId)
        const ok = i.criterionCode === null ? set.disqualification.length > 0 : !!leafCriteria(set).find((l) => l.criterion.code === i.criterionCode)?.criterion.knockouts.length
        if (!ok) throw new AppError('VALIDATION', 'Tiêu chí này không có quy định loại hoặc dừng đánh giá')
        const when = at()
        q.upsertAgreement.run({ sessionId: i.sessionId, productId: i.productId, round: a.current_round, kind: 'knockout', code: i.criterionCode, optionId: null, applies: i.applies ? 1 : 0, reason: i.reason, at: when })
        store.audit('review.knockout', i.sessionId, actor, { ...i, scoringRound: a.current_round }, when)
        return productReview(i.sessionId, i.productId)
      })()
    },
    openRescore(i: { sessionId: number; productId: number; reason: string }, actor: Actor): ProductReview {
      return db.transaction(() => {
        const { a } = decidable(i.sessionId, i.productId)
        const next = a.current_round + 1
        const when = at()
        q.openRescore.run(i.sessionId, i.productId, next, i.reason, when)
        q.bumpRound.run(next, i.sessionId, i.productId)
        store.audit('review.rescore', i.sessionId, actor, { productId: i.productId, scoringRound: next, reason: i.reason }, when)
        return productReview(i.sessionId, i.productId)
      })()
    },
    finalize(sessionId: number, actor: Actor): SessionResult[] {
      return db.transaction(() => {
        const { row, f, agenda, facts } = load(sessionId)
        if (row.status !== 'review') throw new AppError('CONFLICT', 'Chỉ chốt kết quả khi phiên họp đang ở bước xem xét kết quả')
        const issues: Array<{ path: string; message: string }> = []
        const quorum = liveQuorum(f)
        for (const r of quorum.reasons) issues.push({ path: 'quorum', message: r })
        const ratings = new Map<number, RatingResult>()
        for (const a of agenda) {
          const p = facts.get(a.product_id)!
          if (!roundComplete(f, p, a.current_round)) {
            issues.push({ path: `products.${a.product_id}`, message: `${a.name}: chưa đủ phiếu vòng ${a.current_round}` })
            continue
          }
          const rating = rate(row, f, p)!
          ratings.set(a.product_id, rating)
          if (rating.status !== 'final') for (const r of rating.reasons.filter((x) => ['quorum', 'round', 'spread', 'decision', 'agreement'].includes(x.kind))) issues.push({ path: `products.${a.product_id}`, message: `${a.name}: ${r.message}` })
        }
        if (issues.length > 0) throw new AppError('CONFLICT', `Chưa thể chốt kết quả: ${issues.map((x) => x.message).join('; ')}`, issues)
        const when = at()
        const hashes: Record<string, string> = {}
        for (const a of agenda) {
          const rating = ratings.get(a.product_id)!
          const json = ratingToJson(rating)
          hashes[String(a.product_id)] = sha256(json)
          q.insertResult.run(sessionId, a.product_id, rating.criteria.setId, rating.criteria.version, json, sha256(json), rating.status, rating.stars, rating.score?.mean ?? null, rating.outcome, when,
            a.code, a.name, a.producer_name)
          if (q.productRated.run(when, a.product_id).changes > 0) q.statusHistory.run(a.product_id, `Hội đồng chốt kết quả tại phiên họp số ${sessionId}`, when)
        }
        // The seal is taken from the rows as stored, so `audit verify` recomputes exactly the same hashes.
        const seal = sessionSeal(db, sessionId)
        q.finalize.run(when, when, sessionId)
        store.audit('session.finalize', sessionId, actor, { results: hashes, seal }, when)
        return resultsOf(sessionId)
      })()
    },
    results(sessionId: number): SessionResult[] {
      store.session(sessionId)
      return resultsOf(sessionId)
    },
    result(sessionId: number, productId: number) {
      const result = resultsOf(sessionId).find((r) => r.productId === productId)
      if (!result) throw new AppError('NOT_FOUND', 'Sản phẩm chưa có kết quả đã chốt trong phiên họp này')
      const raw = db.prepare('SELECT rating FROM results WHERE session_id = ? AND product_id = ?').get(sessionId, productId) as { rating: string }
      return { result, rating: JSON.parse(raw.rating) as Record<string, unknown> }
    },
    amend(i: { sessionId: number; productId: number; reason: string; author: string; text: string }, actor: Actor): Amendment {
      return db.transaction(() => {
        if (!resultsOf(i.sessionId).some((r) => r.productId === i.productId)) throw new AppError('NOT_FOUND', 'Sản phẩm chưa có kết quả đã chốt trong phiên họp này')
        const when = at()
        const id = Number(q.insertAmendment.run(i.sessionId, i.productId, i.reason, i.author, i.text, when).lastInsertRowid)
        store.audit('result.amend', i.sessionId, actor, { amendmentId: id, ...i }, when)
        return { id, productId: i.productId, reason: i.reason, author: i.author, text: i.text, createdAt: when }
      })()
    }
  }
}
export type ReviewService = ReturnType<typeof createReviewService>
