import type { ConflictKind, QuorumStatus, SheetState } from '../shared/api/sessions'
import type { QuyChe } from './quy-che'
import { checkQuorum } from './quorum'
import type { MemberRole, RateInputRaw } from './rate-input'

/**
 * Turns what a session recorded (seats, roll-call, declarations, submitted sheets, the council's agreements) into
 * the rating engine's input, and states who may score and who may see what. Pure: the services load the facts.
 */
export type SeatRole = 'chair' | 'vice_chair' | 'member' | 'secretary'
export type AttendanceStatus = 'present' | 'absent' | 'left'

export const SEAT_ROLE_LABELS: Record<SeatRole, MemberRole> = { chair: 'Chủ tịch', vice_chair: 'Phó Chủ tịch', member: 'Ủy viên', secretary: 'Thư ký' }

export interface Seat {
  id: number
  role: SeatRole
  fullName: string
}

export interface SessionFacts {
  seats: readonly Seat[]
  attendance: ReadonlyMap<number, AttendanceStatus>
  quyChe: QuyChe
}

export interface SheetFacts {
  memberId: number
  scoringRound: number
  status: 'draft' | 'submitted'
  answers: Readonly<Record<string, string>>
  knockouts: ReadonlyArray<{ criterionCode: string | null; note: string }>
}

export interface ProductFacts {
  productId: number
  name: string
  setId: string
  currentRound: number
  declarations: ReadonlyMap<number, { kind: ConflictKind; text: string }>
  sheets: readonly SheetFacts[]
  agreements: ReadonlyArray<{ criterionCode: string; optionId: string; reason: string }>
  knockoutDecisions: ReadonlyArray<{ criterionCode: string | null; applies: boolean; reason: string }>
}

const engineMembers = (seats: readonly Seat[]) => seats.map((s) => ({ id: String(s.id), name: s.fullName, role: SEAT_ROLE_LABELS[s.role] }))

/** A member who left after the roll-call attended the meeting: their submitted sheets count. */
export const attended = (s: AttendanceStatus | undefined): boolean => s === 'present' || s === 'left'

/**
 * Writing on one's own sheet (answers, comment, knockout flags, "Ký nộp phiếu") needs the member in the room:
 * leaving the meeting ends that right, while what was submitted before leaving still counts (`attended`).
 */
export const mayWriteOwnSheet = (s: AttendanceStatus | undefined): boolean => s === 'present'

/** Live quorum: counted on the members in the room now, so a meeting that thinned out cannot finalize. */
export function liveQuorum(f: SessionFacts): QuorumStatus {
  const here = new Set(f.seats.filter((s) => f.attendance.get(s.id) === 'present').map((s) => String(s.id)))
  return checkQuorum(engineMembers(f.seats), here, f.quyChe)
}

export function scores(role: SeatRole, quyChe: QuyChe): boolean {
  return role !== 'secretary' || quyChe.secretaryScores
}

/** Where one member stands on one product's current round; drives the progress view and the sheet locks. */
export function sheetState(f: SessionFacts, p: ProductFacts, seat: Seat): SheetState {
  if (!scores(seat.role, f.quyChe) || !attended(f.attendance.get(seat.id))) return 'not-eligible'
  const d = p.declarations.get(seat.id)
  if (d && d.kind !== 'none') return 'recused'
  const sheet = p.sheets.find((s) => s.memberId === seat.id && s.scoringRound === p.currentRound)
  if (sheet?.status === 'submitted') return 'submitted'
  if (!d) return 'not-declared'
  return sheet ? 'draft' : 'not-started'
}

/** Members who must hand in a sheet for the product: scoring, attended, not recused (undeclared members included). */
export function eligibleSeats(f: SessionFacts, p: ProductFacts): Seat[] {
  return f.seats.filter((s) => !['not-eligible', 'recused'].includes(sheetState(f, p, s)))
}

/** Sealed scoring: a round's answers and totals are visible to the office only once every eligible member submitted it. */
export function roundComplete(f: SessionFacts, p: ProductFacts, round: number): boolean {
  const eligible = eligibleSeats(f, p)
  if (eligible.length === 0) return false
  return eligible.every((s) => p.sheets.some((sh) => sh.memberId === s.id && sh.scoringRound === round && sh.status === 'submitted'))
}

/** Rounds whose sheets may be shown (every earlier round was complete before a re-score could open). */
export function visibleRounds(f: SessionFacts, p: ProductFacts): number[] {
  const out: number[] = []
  for (let r = 1; r <= p.currentRound; r++) if (r < p.currentRound || roundComplete(f, p, r)) out.push(r)
  return out
}

/** The engine's input: the whole council, who attended, recusals, and only submitted sheets of visible rounds. */
export function rateInputOf(f: SessionFacts, p: ProductFacts): RateInputRaw {
  const rounds = visibleRounds(f, p).map((round) => ({
    round,
    sheets: p.sheets
      .filter((s) => s.scoringRound === round && s.status === 'submitted')
      .sort((a, b) => a.memberId - b.memberId)
      .map((s) => ({
        memberId: String(s.memberId),
        answers: { ...s.answers },
        knockouts: s.knockouts.map((k) => ({ ...(k.criterionCode === null ? {} : { criterionCode: k.criterionCode }), ...(k.note ? { note: k.note } : {}) }))
      }))
  }))
  return {
    format: 'ocop-council/rate-input@1',
    council: { members: engineMembers(f.seats) },
    present: f.seats.filter((s) => attended(f.attendance.get(s.id))).map((s) => String(s.id)),
    quyChe: f.quyChe,
    product: {
      id: String(p.productId),
      name: p.name,
      criteriaSetId: p.setId,
      recusals: [...p.declarations]
        .filter(([, d]) => d.kind !== 'none')
        .sort(([a], [b]) => a - b)
        .map(([memberId, d]) => ({ memberId: String(memberId), reason: d.text || CONFLICT_LABELS[d.kind] }))
    },
    rounds: rounds.length > 0 ? rounds : [{ round: 1, sheets: [] }],
    agreedOptions: p.agreements.map((a) => ({ ...a })),
    knockoutDecisions: p.knockoutDecisions.map((d) => ({ ...(d.criterionCode === null ? {} : { criterionCode: d.criterionCode }), applies: d.applies, reason: d.reason }))
  }
}

export const CONFLICT_LABELS: Record<ConflictKind, string> = {
  none: 'Không có xung đột lợi ích',
  'same-commune': 'Cùng xã với chủ thể',
  family: 'Quan hệ gia đình với chủ thể',
  'works-for-or-stake': 'Làm việc cho hoặc có phần vốn tại chủ thể',
  other: 'Lý do khác'
}
