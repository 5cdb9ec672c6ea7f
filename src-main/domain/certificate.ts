import dayjs from 'dayjs'
import type { CertificateState } from '../shared/certificates'

/**
 * Certificate dates (QĐ 26/2026 Điều 4.3, 7.6; docs/RULES.md D3 — the one rule for the certificate PDF, the register,
 * exports and reminders). A certificate is valid for 36 months from its issue date, through
 * its expiry date inclusive; dayjs clamps to the month's last day, so 29/02/2024 expires on 28/02/2027 and a
 * certificate issued on the 31st of a month expires on the last day of the target month.
 * Re-evaluation is filed no earlier than 180 and no later than 120 days before expiry.
 */
export const VALIDITY_MONTHS = 36
export const REEVAL_EARLIEST_DAYS = 180
export const REEVAL_LATEST_DAYS = 120

const ISO = 'YYYY-MM-DD'
// dayjs parses YYYY-MM-DD as a local calendar date, so day arithmetic never crosses a time-zone boundary.
const day = (iso: string) => dayjs(iso)

export function expiryDate(issuedOn: string, months: number = VALIDITY_MONTHS): string {
  return day(issuedOn).add(months, 'month').format(ISO)
}

export function daysBetween(from: string, to: string): number {
  return day(to).diff(day(from), 'day')
}

export function addDays(iso: string, days: number): string {
  return day(iso).add(days, 'day').format(ISO)
}

/**
 * The state on `asOf`: a revocation and a replacement by a newer certificate (RULES 27a) are final and win over the
 * date; otherwise the date decides, whatever the stored status says.
 */
export function certificateState(stored: CertificateState, expiry: string, asOf: string): CertificateState {
  if (stored === 'revoked' || stored === 'replaced') return stored
  return asOf > expiry ? 'expired' : 'valid'
}

export interface ReevaluationWindow {
  opens: string
  closes: string
  /** before: not yet open; open: the producer may file now; missed: closed but the certificate is still valid. */
  phase: 'before' | 'open' | 'missed' | 'over'
  daysToOpen: number
  daysToClose: number
}

export function reevaluationWindow(expiry: string, asOf: string): ReevaluationWindow {
  const opens = addDays(expiry, -REEVAL_EARLIEST_DAYS)
  const closes = addDays(expiry, -REEVAL_LATEST_DAYS)
  const phase = asOf < opens ? 'before' : asOf <= closes ? 'open' : asOf <= expiry ? 'missed' : 'over'
  return { opens, closes, phase, daysToOpen: daysBetween(asOf, opens), daysToClose: daysBetween(asOf, closes) }
}

/**
 * A reminder is due while the window is open, when it opens within `leadDays`, or when it was missed but the
 * certificate is still valid (Điều 12.3 then keeps it valid until decided, at most 180 days after expiry).
 */
export function reminderDue(w: ReevaluationWindow, leadDays: number): boolean {
  return w.phase === 'open' || w.phase === 'missed' || (w.phase === 'before' && w.daysToOpen <= leadDays)
}
