import type { DB } from '../db/connection'
import type { DocumentInputRaw, ProvinceSettings as DocProvince } from '../documents/model'
import { SEAT_ROLE_LABELS } from '../domain/session-rating'
import { composePosition } from '../documents/wording'
import type { ProvinceSettings as CatalogueProvince } from '../shared/api/catalogue'
import { AppError } from '../shared/result'
import type { AdminUnits } from './admin-units-service'
import type { CriteriaService } from './criteria-service'
import type { DocumentKind } from '../documents/model'
import { VALIDITY_MONTHS } from '../domain/certificate'
import type { DocumentSettings } from '../shared/api/document-settings'
import { createDocumentSettingsService, inSentence } from './document-settings-service'
import { assembleSessionDocuments } from './session-documents'
import type { SettingsStore } from './settings-service'
import { createStore, type SessionRow } from './sessions/store'

/**
 * The documents' DTO of one session, with what the session's own records do not hold derived deterministically from
 * them (the same finalized session always gives the same DTO): letterheads from the province in Cài đặt, signers from
 * the seated chair and vice-chair, the session's number within its round, and the end time and issue date from the
 * moment of finalization (Vietnam time).
 */
export interface SessionSourceDeps {
  db: DB
  criteria: CriteriaService
  settings: SettingsStore
  units: AdminUnits
}

const ISSUED = ['minutes', 'report', 'submission', 'decision', 'approval', 'notice', 'certificate'] as const
const VN_OFFSET_MS = 7 * 60 * 60 * 1000
/** A UTC instant in Vietnam time (UTC+7, no daylight saving), whatever the machine's time zone: [YYYY-MM-DD, HH:MM]. */
export const vietnamTime = (iso: string): [string, string] => {
  const at = new Date(Date.parse(iso) + VN_OFFSET_MS).toISOString()
  return [at.slice(0, 10), at.slice(11, 16)]
}

type Seat = { role: string; full_name: string; job_title: string }

/** The province as documents name it ("Lâm Đồng", "tỉnh Lâm Đồng", the place line), from the settings; refused while none is set. */
export function provinceNames(d: Pick<SessionSourceDeps, 'settings' | 'units'>): { provinceName: string; provinceUnit: string; placeName: string } {
  const p = d.settings.get<CatalogueProvince | null>('province', null)
  const unit = p?.provinceCode ? d.units.province(p.provinceCode)?.name : undefined
  if (!unit) throw new AppError('VALIDATION', 'Chưa khai báo tỉnh trong phần Cài đặt; không lập được văn bản')
  const provinceName = unit.replace(/^(Tỉnh|Thành phố)\s+/u, '')
  return { provinceName, provinceUnit: inSentence(unit), placeName: p?.placeName || provinceName }
}

/** Letterheads and signers of the three bodies from a version of the document settings; blank signer names come from the seats. */
export function provinceLetterheads(d: SessionSourceDeps, seats: readonly Seat[], settings: DocumentSettings = createDocumentSettingsService({ ...d, now: () => new Date() }).current().settings): DocProvince {
  const names = provinceNames(d)
  const chair = seats.find((s) => s.role === 'chair') ?? seats[0]
  const vice = seats.find((s) => s.role === 'vice_chair') ?? chair
  if (!chair || !vice) throw new AppError('VALIDATION', 'Phiên họp chưa có thành viên Hội đồng; không lập được văn bản')
  const signer = (s: DocumentSettings['signers']['committee'], fallback: string) => ({ authority: s.authority, authorityOf: s.authorityOf, title: s.title, name: s.name || fallback })
  return {
    ...names,
    committee: { parent: '', name: settings.committeeName, symbol: 'UBND', signer: signer(settings.signers.committee, chair.full_name) },
    council: { parent: settings.committeeName, name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP', symbol: 'HĐOCOP', signer: signer(settings.signers.council, chair.full_name) },
    agency: { parent: settings.committeeName, name: settings.agencyName, symbol: settings.agencySymbol, signer: signer(settings.signers.agency, vice.full_name) },
    certificateSymbol: 'GCN-OCOP',
    validityMonths: VALIDITY_MONTHS
  }
}

/** "phiên họp số …": the session's place among its round's sessions by date, then creation. */
function sessionNumber(db: DB, row: SessionRow): number {
  return db.prepare('SELECT COUNT(*) FROM sessions WHERE round_id = ? AND (date < ? OR (date = ? AND id <= ?))').pluck().get(row.round_id, row.date, row.date, row.id) as number
}

export interface MinutesText {
  endTime: string | null
  conclusion: string
  absences: Record<string, string>
}

export function minutesText(db: DB, sessionId: number): MinutesText {
  const r = db.prepare('SELECT end_time, conclusion, absences FROM session_minutes WHERE session_id = ?').get(sessionId) as { end_time: string | null; conclusion: string; absences: string } | undefined
  return r ? { endTime: r.end_time, conclusion: r.conclusion, absences: JSON.parse(r.absences) as Record<string, string> } : { endTime: null, conclusion: '', absences: {} }
}

/**
 * When the meeting ended: the time the secretary entered; else the last thing recorded on the meeting's day (Vietnam
 * time) — the finalization or the last sheet; else nothing, so the minutes name no invented time.
 */
function closing(db: DB, row: SessionRow, typed: string | null): { endTime: string; issueDate: string } {
  const [finalDay] = vietnamTime(row.finalized_at ?? row.updated_at)
  const issueDate = finalDay > row.date ? finalDay : row.date
  if (typed) return { endTime: typed, issueDate }
  const times = (db.prepare('SELECT at FROM audit_events WHERE session_id = ? ORDER BY seq').pluck().all(row.id) as string[]).map(vietnamTime).filter(([day, time]) => day === row.date && time > row.start_time)
  return { endTime: times.at(-1)?.[1] ?? '', issueDate }
}

type IssueRow = { kind: string; product_scope: number; number: number; doc_date: string; settings_version_id: number }
export function issuesOf(db: DB, sessionId: number): IssueRow[] {
  return db
    .prepare('SELECT i.kind, i.product_scope, n.number, i.doc_date, i.settings_version_id FROM document_issues i JOIN document_numbers n ON n.id = i.number_id WHERE i.session_id = ? ORDER BY i.id')
    .all(sessionId) as IssueRow[]
}

/**
 * The DTO of a finalized session's documents with every number and date read from the register (document_issues and
 * certificates): the document asked for prints its own number if issued, and every reference to another document
 * prints that document's registered number. `productId` scopes a one-product notice to its own issue.
 */
export function finalizedSource(d: SessionSourceDeps, sessionId: number, opts: { kind?: DocumentKind; productId?: string } = {}): DocumentInputRaw {
  const store = createStore(d.db)
  const row = store.session(sessionId)
  if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ lập văn bản này từ phiên họp đã chốt kết quả')
  const issues = issuesOf(d.db, sessionId)
  const scope = (kind: string) => (kind === 'notice' && opts.productId ? Number(opts.productId) : 0)
  const own = opts.kind ? issues.find((i) => i.kind === opts.kind && i.product_scope === scope(opts.kind)) : undefined
  const settingsService = createDocumentSettingsService({ ...d, now: () => new Date() })
  const current = settingsService.current()
  const settings = own ? settingsService.version(own.settings_version_id) : current.settings
  const province = provinceLetterheads(d, store.seatsOf(sessionId), settings)
  const text = minutesText(d.db, sessionId)
  const end = closing(d.db, row, text.endTime)
  const raw = assembleSessionDocuments(d.db, d.criteria, sessionId, {
    province,
    number: sessionNumber(d.db, row),
    ...end,
    conclusions: text.conclusion.split('\n').map((l) => l.trim()).filter(Boolean),
    absences: text.absences,
    communeName: (code) => d.units.commune(code)?.name ?? code
  })
  const issueOf = (kind: (typeof ISSUED)[number]) => {
    const i = issues.find((x) => x.kind === kind && x.product_scope === scope(kind))
    return i ? { number: i.number, date: i.doc_date } : { number: null, date: end.issueDate }
  }
  const certs = d.db
    .prepare("SELECT product_id, number_text, issued_on, expiry_date FROM certificates WHERE session_id = ? AND status != 'revoked' ORDER BY id")
    .all(sessionId) as Array<{ product_id: number; number_text: string; issued_on: string; expiry_date: string }>
  return {
    ...raw,
    products: (raw.products ?? []).map((p) => {
      const c = certs.findLast((x) => String(x.product_id) === p.id)
      return c ? { ...p, certificate: { number: c.number_text, issuedOn: c.issued_on, expiryDate: c.expiry_date } } : p
    }),
    basis: settings.basis,
    proposer: settings.proposer,
    recipients: settings.recipients,
    settingsVersion: own?.settings_version_id ?? current.versionId,
    ...(Object.fromEntries(ISSUED.map((k) => [k, k === 'certificate' ? { number: null, date: end.issueDate } : issueOf(k)])) as Record<(typeof ISSUED)[number], { number: number | null; date: string }>)
  }
}

/**
 * Paper fallback before finalization: the blank sheets need only members, products and sets, so an open session
 * gets a DTO without results (nothing in it is printed on a blank sheet besides names, codes and addresses).
 */
export function blankSheetSource(d: SessionSourceDeps, sessionId: number): DocumentInputRaw {
  const store = createStore(d.db)
  const row = store.session(sessionId)
  if (row.status === 'finalized') return finalizedSource(d, sessionId)
  if (row.status === 'draft') throw new AppError('CONFLICT', 'Phiên họp còn là bản nháp; hãy mở phiên họp trước khi in phiếu để trống')
  const seats = store.seatsOf(sessionId)
  const agenda = store.agenda(sessionId)
  if (agenda.length === 0) throw new AppError('VALIDATION', 'Phiên họp chưa có sản phẩm trong chương trình')
  const round = d.db.prepare('SELECT name FROM rounds WHERE id = ?').get(row.round_id) as { name: string }
  type ProductRow = { producer: string; street: string; phone: string }
  const productRow = d.db.prepare('SELECT pr.name AS producer, pr.street, pr.phone FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?')
  const sets = [...new Set(agenda.map((a) => a.set_id))].map((id) => d.criteria.get(id, row.criteria_version).set)
  const chair = seats.find((s) => s.role === 'chair') ?? seats[0]!
  const secretary = seats.find((s) => s.role === 'secretary') ?? chair
  const issue = { number: null, date: row.date }
  return {
    format: 'ocop-council/documents@1',
    province: provinceLetterheads(d, seats),
    // A blank sheet prints no end time: the meeting has not ended.
    session: {
      batch: round.name,
      number: sessionNumber(d.db, row),
      date: row.date,
      startTime: row.start_time,
      endTime: '',
      place: row.place,
      councilDecision: 'Quyết định thành lập Hội đồng',
      members: seats.map((s) => ({ id: String(s.id), name: s.full_name, role: SEAT_ROLE_LABELS[s.role], position: composePosition(s.job_title, s.organisation) })),
      chairId: String(chair.id),
      secretaryId: String(secretary.id),
      quorum: { met: false, text: 'Chưa chốt kết quả' }
    },
    products: agenda.map((a) => {
      const p = productRow.get(a.product_id) as ProductRow
      return {
        id: String(a.product_id),
        name: a.name,
        code: a.code,
        producer: p.producer,
        address: p.street,
        commune: d.units.commune(a.commune_code)?.name ?? a.commune_code,
        phone: p.phone,
        criteriaSetId: a.set_id,
        countingRound: null,
        rounds: 0,
        mean: null,
        spread: null,
        stars: null,
        outcome: null
      }
    }),
    criteriaSets: sets,
    ...(Object.fromEntries(ISSUED.map((k) => [k, issue])) as Record<(typeof ISSUED)[number], typeof issue>)
  }
}
