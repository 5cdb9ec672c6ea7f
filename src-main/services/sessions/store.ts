import { createHash } from 'node:crypto'
import type { CallContext } from '../../shared/call-context'
import type { DB } from '../../db/connection'
import { nextEvent, verifyChain, type ChainCheck, type StoredEvent } from '../../domain/audit-chain'
import type { ProductFacts, Seat, SessionFacts, SheetFacts } from '../../domain/session-rating'
import { zQuyChe } from '../../shared/quy-che'
import type { ConflictKind, SessionStatus } from '../../shared/api/sessions'
import { AppError } from '../../shared/result'

/** Row access shared by the session services: loading a session's facts and appending audit events. */
export type Actor = CallContext['actor']

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex')

export interface SessionRow {
  id: number
  round_id: number
  date: string
  start_time: string
  place: string
  council_version_id: number
  quy_che: string
  criteria_version: string
  status: SessionStatus
  created_at: string
  updated_at: string
  finalized_at: string | null
}

export interface AgendaRow {
  product_id: number
  ord: number
  current_round: number
  code: string
  name: string
  set_id: string
  producer_name: string
  commune_code: string
}

export const actorLabel = (a: Actor): string => (a.kind === 'member' ? `member:${a.memberId}` : a.kind)

export function createStore(db: DB) {
  const q = {
    session: db.prepare('SELECT * FROM sessions WHERE id = ?'),
    seats: db.prepare('SELECT id, ord, role, full_name, organisation, job_title FROM session_members WHERE session_id = ? ORDER BY ord'),
    seat: db.prepare('SELECT id, session_id, role, full_name FROM session_members WHERE id = ?'),
    attendance: db.prepare('SELECT member_id, status, left_at, updated_at FROM attendance WHERE session_id = ?'),
    agenda: db.prepare(`SELECT a.product_id, a.ord, a.current_round, p.code, p.name, p.set_id, p.commune_code, pr.name AS producer_name
      FROM session_agenda a JOIN products p ON p.id = a.product_id JOIN producers pr ON pr.id = p.producer_id
      WHERE a.session_id = ? ORDER BY a.ord`),
    conflicts: db.prepare('SELECT member_id, product_id, kind, text, declared_at FROM conflicts WHERE session_id = ?'),
    // Every sheet of the session with its answers as one JSON object, in one query: SQLite builds the 60 × 9 answer
    // maps in C, far cheaper than handing each of the ~17,000 answer rows to JavaScript (bench/sessions.ts).
    sheets: db.prepare(`SELECT s.id, s.product_id, s.member_id, s.scoring_round, s.status, s.knockouts,
        (SELECT json_group_object(a.criterion_code, a.option_id) FROM answers a WHERE a.sheet_id = s.id AND a.option_id IS NOT NULL) AS answers
      FROM sheets s WHERE s.session_id = ?`),
    agreements: db.prepare('SELECT product_id, scoring_round, kind, criterion_code, option_id, applies, reason FROM agreements WHERE session_id = ?'),
    lastEvent: db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1'),
    insertEvent: db.prepare('INSERT INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    events: db.prepare('SELECT seq, at, kind, session_id AS sessionId, actor, content, prev_hash AS prevHash, hash FROM audit_events ORDER BY seq')
  }

  function session(id: number): SessionRow {
    const row = q.session.get(id) as SessionRow | undefined
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên họp')
    return row
  }

  function seatsOf(sessionId: number) {
    return q.seats.all(sessionId) as Array<{ id: number; ord: number; role: Seat['role']; full_name: string; organisation: string; job_title: string }>
  }

  /** The member as seated in this session; a member token may reach only its own member. */
  function seat(sessionId: number, memberId: number, actor: Actor): Seat {
    if (actor.kind === 'member' && actor.memberId !== memberId) throw new AppError('FORBIDDEN', 'Bạn chỉ được thao tác trên phiếu của chính mình')
    const s = q.seat.get(memberId) as { id: number; session_id: number; role: Seat['role']; full_name: string } | undefined
    if (!s || s.session_id !== sessionId) throw new AppError('NOT_FOUND', 'Không tìm thấy thành viên trong phiên họp này')
    return { id: s.id, role: s.role, fullName: s.full_name }
  }

  function agenda(sessionId: number): AgendaRow[] {
    return q.agenda.all(sessionId) as AgendaRow[]
  }

  // The session's rules, parsed once per stored text: every answer save asks for them (may the secretary score?),
  // and a zod parse per keystroke was a good part of a save's CPU in the 15-device LAN bench. Keyed by the text,
  // not the session, so a changed Quy chế is parsed afresh; a session holds one text, so the map stays small.
  const quyCheByText = new Map<string, SessionFacts['quyChe']>()
  function quyChe(row: SessionRow): SessionFacts['quyChe'] {
    let parsed = quyCheByText.get(row.quy_che)
    if (!parsed) {
      parsed = zQuyChe.parse(JSON.parse(row.quy_che))
      if (quyCheByText.size >= 64) quyCheByText.clear()
      quyCheByText.set(row.quy_che, parsed)
    }
    return parsed
  }

  function facts(row: SessionRow): SessionFacts {
    const attendance = new Map((q.attendance.all(row.id) as Array<{ member_id: number; status: 'present' | 'absent' | 'left' }>).map((a) => [a.member_id, a.status]))
    return {
      seats: seatsOf(row.id).map((s) => ({ id: s.id, role: s.role, fullName: s.full_name })),
      attendance,
      quyChe: quyChe(row)
    }
  }

  /** Everything recorded for each product of the agenda, loaded in a handful of queries (the review reads 60 × 9). */
  function productFacts(sessionId: number, items: readonly AgendaRow[]): Map<number, ProductFacts> {
    const out = new Map<number, ProductFacts>()
    for (const a of items)
      out.set(a.product_id, { productId: a.product_id, name: a.name, setId: a.set_id, currentRound: a.current_round, declarations: new Map(), sheets: [], agreements: [], knockoutDecisions: [] })
    for (const c of q.conflicts.all(sessionId) as Array<{ member_id: number; product_id: number; kind: ConflictKind; text: string }>)
      (out.get(c.product_id)?.declarations as Map<number, { kind: ConflictKind; text: string }> | undefined)?.set(c.member_id, { kind: c.kind, text: c.text })
    type SheetRow = { id: number; product_id: number; member_id: number; scoring_round: number; status: 'draft' | 'submitted'; knockouts: string; answers: string }
    for (const s of q.sheets.all(sessionId) as SheetRow[]) {
      const p = out.get(s.product_id)
      if (!p) continue
      const sheet: SheetFacts = { memberId: s.member_id, scoringRound: s.scoring_round, status: s.status, answers: JSON.parse(s.answers), knockouts: JSON.parse(s.knockouts) }
      ;(p.sheets as SheetFacts[]).push(sheet)
    }
    type AgreementRow = { product_id: number; scoring_round: number; kind: 'option' | 'knockout'; criterion_code: string | null; option_id: string | null; applies: number | null; reason: string }
    for (const g of q.agreements.all(sessionId) as AgreementRow[]) {
      const p = out.get(g.product_id)
      if (!p || g.scoring_round !== p.currentRound) continue
      if (g.kind === 'option') (p.agreements as ProductFacts['agreements'][number][]).push({ criterionCode: g.criterion_code!, optionId: g.option_id!, reason: g.reason })
      else (p.knockoutDecisions as ProductFacts['knockoutDecisions'][number][]).push({ criterionCode: g.criterion_code, applies: g.applies === 1, reason: g.reason })
    }
    return out
  }

  /** Appends one event to the hash chain; call inside the write's transaction so both commit or neither. */
  function audit(kind: string, sessionId: number | null, actor: Actor, data: unknown, at: string): void {
    const prev = q.lastEvent.get() as { seq: number; hash: string } | undefined
    const e = nextEvent(sha256, prev ?? null, { at, kind, sessionId, actor: actorLabel(actor), data })
    q.insertEvent.run(e.seq, e.at, e.kind, e.sessionId, e.actor, e.content, e.prevHash, e.hash)
  }

  function verify(): ChainCheck {
    return verifyChain(q.events.iterate() as Iterable<StoredEvent>, sha256)
  }

  return { session, seatsOf, seat, agenda, quyChe, facts, productFacts, audit, verify }
}
export type Store = ReturnType<typeof createStore>
