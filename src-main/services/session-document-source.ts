import type { DB } from '../db/connection'
import type { DocumentInputRaw, ProvinceSettings as DocProvince } from '../documents/model'
import { SEAT_ROLE_LABELS } from '../domain/session-rating'
import type { ProvinceSettings as CatalogueProvince } from '../shared/api/catalogue'
import { AppError } from '../shared/result'
import type { AdminUnits } from './admin-units-service'
import type { CriteriaService } from './criteria-service'
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
const inSentence = (name: string): string => name.replace(/^(Xã|Phường|Tỉnh|Thành phố|Đặc khu)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'))

type Seat = { role: string; full_name: string; job_title: string }

export function provinceLetterheads(d: SessionSourceDeps, seats: readonly Seat[]): DocProvince {
  const p = d.settings.get<CatalogueProvince | null>('province', null)
  const unit = p?.provinceCode ? d.units.province(p.provinceCode)?.name : undefined
  if (!unit) throw new AppError('VALIDATION', 'Chưa khai báo tỉnh trong phần Cài đặt; không lập được văn bản')
  const provinceName = unit.replace(/^(Tỉnh|Thành phố)\s+/u, '')
  const committee = p?.bodyName || `Ủy ban nhân dân ${inSentence(unit)}`
  const chair = seats.find((s) => s.role === 'chair') ?? seats[0]
  const vice = seats.find((s) => s.role === 'vice_chair') ?? chair
  if (!chair || !vice) throw new AppError('VALIDATION', 'Phiên họp chưa có thành viên Hội đồng; không lập được văn bản')
  // A provincial council is chaired by a Phó Chủ tịch UBND tỉnh, who signs the decisions "KT. CHỦ TỊCH".
  return {
    provinceName,
    placeName: p?.placeName || provinceName,
    committee: { parent: '', name: committee, symbol: 'UBND', signer: { authority: 'KT', authorityOf: 'Chủ tịch', title: 'Phó Chủ tịch', name: chair.full_name } },
    council: { parent: committee, name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP', symbol: 'HĐOCOP', signer: { authority: 'TM', authorityOf: 'Hội đồng', title: 'Chủ tịch', name: chair.full_name } },
    agency: { parent: committee, name: p?.advisoryBody || 'Sở Nông nghiệp và Môi trường', symbol: 'SNNMT', signer: { authority: null, authorityOf: '', title: vice.job_title || 'Giám đốc', name: vice.full_name } },
    certificateSymbol: 'GCN-OCOP',
    validityMonths: 36
  }
}

/** "phiên họp số …": the session's place among its round's sessions by date, then creation. */
function sessionNumber(db: DB, row: SessionRow): number {
  return db.prepare('SELECT COUNT(*) FROM sessions WHERE round_id = ? AND (date < ? OR (date = ? AND id <= ?))').pluck().get(row.round_id, row.date, row.date, row.id) as number
}

/** The finalization moment in Vietnam time; the end time is that moment on the day of the meeting, else noon. */
function closing(row: SessionRow): { endTime: string; issueDate: string } {
  const at = new Date(Date.parse(row.finalized_at ?? row.updated_at) + VN_OFFSET_MS).toISOString()
  const day = at.slice(0, 10)
  const time = at.slice(11, 16)
  const sameDay = day === row.date && time > row.start_time
  return { endTime: sameDay ? time : row.start_time < '11:30' ? '11:30' : '17:00', issueDate: day > row.date ? day : row.date }
}

export function finalizedSource(d: SessionSourceDeps, sessionId: number): DocumentInputRaw {
  const store = createStore(d.db)
  const row = store.session(sessionId)
  if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ lập văn bản này từ phiên họp đã chốt kết quả')
  const province = provinceLetterheads(d, store.seatsOf(sessionId))
  return assembleSessionDocuments(d.db, d.criteria, sessionId, {
    province,
    number: sessionNumber(d.db, row),
    ...closing(row),
    communeName: (code) => d.units.commune(code)?.name ?? code
  })
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
    session: {
      batch: round.name,
      number: sessionNumber(d.db, row),
      date: row.date,
      startTime: row.start_time,
      endTime: row.start_time,
      place: row.place,
      councilDecision: 'Quyết định thành lập Hội đồng',
      members: seats.map((s) => ({ id: String(s.id), name: s.full_name, role: SEAT_ROLE_LABELS[s.role], position: [s.job_title, s.organisation].filter(Boolean).join(' ') })),
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
