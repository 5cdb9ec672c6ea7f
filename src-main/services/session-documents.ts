import type { DB } from '../db/connection'
import { productFromRating } from '../documents/from-rating'
import type { DocProduct, DocumentInputRaw, ProvinceSettings } from '../documents/model'
import type { RatingResult } from '../domain/rate'
import { zRateInput } from '../domain/rate-input'
import { printedAbsenceReason } from '../domain/absence-reason'
import { CONFLICT_LABELS, SEAT_ROLE_LABELS, rateInputOf } from '../domain/session-rating'
import { REGISTRATION_TYPE_LABELS, type RegistrationType } from '../shared/catalogue'
import type { CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'
import { composePosition } from '../documents/wording'
import type { CriteriaService } from './criteria-service'
import { createStore } from './sessions/store'
import { finalizeHead } from './sessions/integrity'
import { createPreviousLookup } from './history/previous-evaluation-service'
import { formatDay } from '../shared/vn-format'

/** What the session's records do not hold: the province's letterheads, the numbers and dates of the documents. */
export interface SessionDocumentExtras {
  province: ProvinceSettings | DocumentInputRaw['province']
  /** Session number within the round (the minutes print "phiên họp số …"). */
  number: number
  endTime: string
  issueDate: string
  legalBasis?: string[]
  guests?: string[]
  conclusions?: string[]
  /** Member id → reason typed in the minutes' text panel (session_minutes); it only adds to the roll-call's reason. */
  absences?: Record<string, string>
  communeName?: (code: string) => string
}

/** "05/01/2026": references print dd/mm/yyyy, zero-padded. */
/** Stored instants are UTC; the documents speak Vietnam time (UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 60 * 60 * 1000

/**
 * Builds the documents' input DTO from a finalized session: members and attendance as seated, recusals, each
 * product's stored rating (the exact engine output that was finalized) with the sheets as submitted, and the
 * criteria sets at the session's version. Amendments are added to the product notes, so every document shows them.
 */
export function assembleSessionDocuments(db: DB, criteria: CriteriaService, sessionId: number, extras: SessionDocumentExtras): DocumentInputRaw {
  const store = createStore(db)
  const row = store.session(sessionId)
  if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ lập văn bản từ phiên họp đã chốt kết quả')
  const f = store.facts(row)
  const seats = store.seatsOf(sessionId)
  const rollCall = new Map(
    (db.prepare('SELECT member_id, absence_reason, proxy_note FROM attendance WHERE session_id = ?').all(sessionId) as Array<{ member_id: number; absence_reason: string; proxy_note: string }>).map((r) => [r.member_id, r])
  )
  const agenda = store.agenda(sessionId)
  const facts = store.productFacts(sessionId, agenda)
  const round = db.prepare('SELECT name FROM rounds WHERE id = ?').get(row.round_id) as { name: string }
  const snapshot = JSON.parse((db.prepare('SELECT snapshot FROM council_versions WHERE id = ?').get(row.council_version_id) as { snapshot: string }).snapshot) as {
    council: { decisionNo: string; decisionDate: string; signerTitle: string; quyCheDecisionNo?: string; quyCheDecisionDate?: string | null }
  }
  const council = snapshot.council
  const chair = seats.find((s) => s.role === 'chair')
  const secretary = seats.find((s) => s.role === 'secretary')
  type ResultRow = { product_id: number; rating: string; product_code: string | null; product_name: string | null; producer_name: string | null }
  const resultRows = new Map((db.prepare('SELECT product_id, rating, product_code, product_name, producer_name FROM results WHERE session_id = ?').all(sessionId) as ResultRow[]).map((r) => [r.product_id, r]))
  const results = new Map([...resultRows].map(([id, r]) => [id, JSON.parse(r.rating) as RatingResult]))
  const amendments = db.prepare('SELECT product_id, reason, author, text, created_at FROM amendments WHERE session_id = ? ORDER BY id').all(sessionId) as Array<{ product_id: number; reason: string; author: string; text: string; created_at: string }>
  const comments = db.prepare("SELECT product_id, member_id, comment FROM sheets WHERE session_id = ? AND status = 'submitted' ORDER BY scoring_round").all(sessionId) as Array<{ product_id: number; member_id: number; comment: string }>
  type ProductRow = { id: number; registration_type: RegistrationType; producer: string; street: string; phone: string; commune_code: string }
  const productRow = db.prepare('SELECT p.id, p.registration_type, pr.name AS producer, pr.street, pr.phone, p.commune_code FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?')
  const commune = extras.communeName ?? ((code: string) => code)
  const quorum = results.values().next().value?.quorum
  const auditHead = finalizeHead(db, sessionId)
  const previousOf = createPreviousLookup(db)
  /** "Kết quả đánh giá trước" of a product that comes back: the earlier session's result, else a recorded certificate. */
  const previous = (productId: number): DocProduct['previous'] => {
    const prev = previousOf(productId, sessionId, row.date)
    const certificate = prev.certificate && prev.printed ? { number: prev.certificate.number, issuedOn: prev.printed.issuedOn, year: prev.printed.year, expiryDate: prev.certificate.expiryDate, stars: prev.certificate.stars } : null
    if (prev.session) return { sessionDate: prev.session.date, stars: prev.session.stars, mean: prev.session.mean, certificate }
    return certificate ? { sessionDate: null, stars: certificate.stars, mean: null, certificate } : null
  }

  const products: DocProduct[] = agenda.map((a) => {
    const rating = results.get(a.product_id)
    if (!rating) throw new AppError('CONFLICT', `Sản phẩm ${a.name} chưa có kết quả đã chốt`)
    const input = zRateInput.parse(rateInputOf(f, facts.get(a.product_id)!))
    const p = productRow.get(a.product_id) as ProductRow
    const own = Object.fromEntries(comments.filter((c) => c.product_id === a.product_id).map((c) => [String(c.member_id), c.comment]))
    const doc = productFromRating(input, rating, { code: a.code, producer: p.producer, address: p.street, phone: p.phone, commune: commune(p.commune_code), registration: REGISTRATION_TYPE_LABELS[p.registration_type] as DocProduct['registration'] }, own)
    const notes = amendments.filter((x) => x.product_id === a.product_id).map((x) => `Đính chính ngày ${formatDay(new Date(Date.parse(x.created_at) + VN_OFFSET_MS).toISOString().slice(0, 10))} (${x.author}): ${x.text.replace(/[.\s]+$/u, '')}. Lý do: ${x.reason}`)
    // The names the council decided under (snapshotted at finalization), whatever the catalogue says today.
    const snap = resultRows.get(a.product_id)!
    return { ...doc, name: snap.product_name ?? doc.name, code: snap.product_code ?? doc.code, producer: snap.producer_name ?? doc.producer, notes: [...doc.notes, ...notes], previous: previous(a.product_id) }
  })

  const sets = new Map<string, CriteriaSet>()
  for (const a of agenda) sets.set(a.set_id, criteria.get(a.set_id, row.criteria_version).set)
  const issue = { number: null, date: extras.issueDate }
  return {
    format: 'ocop-council/documents@1',
    province: extras.province,
    session: {
      batch: round.name,
      number: extras.number,
      date: row.date,
      startTime: row.start_time,
      endTime: extras.endTime,
      place: row.place,
      councilDecision: `Quyết định số ${council.decisionNo} ngày ${formatDay(council.decisionDate)} của ${council.signerTitle}`,
      quyCheDecision: council.quyCheDecisionNo && council.quyCheDecisionDate ? `Quyết định số ${council.quyCheDecisionNo} ngày ${formatDay(council.quyCheDecisionDate)} của ${council.signerTitle}` : '',
      members: seats.map((s) => {
        const status = f.attendance.get(s.id)
        return {
          id: String(s.id),
          name: s.full_name,
          role: SEAT_ROLE_LABELS[s.role],
          position: composePosition(s.job_title, s.organisation),
          present: status === 'present' || status === 'left',
          // Only a reason someone gave ("Vắng mặt" is not a reason): the roll-call's, which the minutes' text may extend.
          absenceReason: status === 'absent' ? printedAbsenceReason(rollCall.get(s.id)?.absence_reason ?? '', extras.absences?.[String(s.id)] ?? '') : '',
          proxyNote: status === 'absent' ? (rollCall.get(s.id)?.proxy_note ?? '').trim() : ''
        }
      }),
      chairId: String(chair?.id ?? seats[0]!.id),
      secretaryId: String(secretary?.id ?? seats[0]!.id),
      quorum: {
        met: quorum?.holds ?? false,
        text: quorum ? `Có mặt ${quorum.present}/${quorum.total} thành viên${quorum.holds ? ', đủ điều kiện tiến hành phiên họp theo Quy chế' : ''}` : 'Không có dữ liệu điểm danh'
      },
      guests: extras.guests ?? [],
      recusals: agenda.flatMap((a) =>
        [...facts.get(a.product_id)!.declarations].filter(([, x]) => x.kind !== 'none').map(([memberId, x]) => ({ memberId: String(memberId), productId: String(a.product_id), reason: x.text || CONFLICT_LABELS[x.kind] }))
      ),
      conclusions: extras.conclusions ?? [],
      ...(auditHead ? { auditHead } : {})
    },
    products,
    criteriaSets: [...sets.values()],
    legalBasis: extras.legalBasis ?? [],
    minutes: issue,
    report: issue,
    submission: issue,
    decision: issue,
    approval: issue,
    notice: issue,
    certificate: issue
  }
}
