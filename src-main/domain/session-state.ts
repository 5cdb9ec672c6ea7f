import type { SessionStatus } from '../shared/api/sessions'

/**
 * The life of a council session (phiên họp): prepared as a draft, opened (agenda fixed, roll-call), scoring,
 * review, finalized. Two moves go back — open → draft to fix the agenda before anyone scored, review → scoring
 * when sheets are still to come — and nothing leaves `finalized`: corrections are amendments.
 */
export const SESSION_TRANSITIONS: Readonly<Record<SessionStatus, readonly SessionStatus[]>> = {
  draft: ['open'],
  open: ['draft', 'scoring'],
  scoring: ['review'],
  review: ['scoring', 'finalized'],
  finalized: []
}

export const SESSION_STATUS_LABELS: Record<SessionStatus, string> = {
  draft: 'Bản nháp',
  open: 'Đã mở phiên',
  scoring: 'Đang chấm điểm',
  review: 'Đang xem xét kết quả',
  finalized: 'Đã chốt kết quả'
}

export interface SessionFacts {
  agendaSize: number
  /** Sheets saved in the session (any product, any round). */
  sheets: number
}

/** Null when the move is allowed, else why not (Vietnamese, for the user). */
export function transitionError(from: SessionStatus, to: SessionStatus, facts: SessionFacts): string | null {
  if (!SESSION_TRANSITIONS[from].includes(to))
    return `Không thể chuyển phiên họp từ "${SESSION_STATUS_LABELS[from]}" sang "${SESSION_STATUS_LABELS[to]}"`
  if (to === 'open' && facts.agendaSize === 0) return 'Phiên họp chưa có sản phẩm nào trong chương trình'
  if (from === 'open' && to === 'draft' && facts.sheets > 0) return 'Đã có phiếu chấm: không thể đưa phiên họp về bản nháp'
  return null
}

export function allowedNext(from: SessionStatus): SessionStatus[] {
  return SESSION_TRANSITIONS[from].filter((s) => s !== 'finalized')
}

/** Members write sheets while scoring, and during review for a product whose re-score round is open. */
export function sheetsWritable(status: SessionStatus): boolean {
  return status === 'scoring' || status === 'review'
}

/** The agenda and the session's details change only before scoring starts. */
export function agendaEditable(status: SessionStatus): boolean {
  return status === 'draft' || status === 'open'
}
