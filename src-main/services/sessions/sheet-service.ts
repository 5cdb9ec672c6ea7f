import type { DB } from '../../db/connection'
import { comparePasses } from '../../domain/double-entry'
import { disputedCriteria } from '../../domain/disputed-criteria'
import { NOT_APPLICABLE } from '../../domain/rate-input'
import { scoreSheet } from '../../domain/sheet'
import { attended, mayWriteOwnSheet, scores, sheetState, type AttendanceStatus } from '../../domain/session-rating'
import { sheetsWritable } from '../../domain/session-state'
import { leafCriteria, type CriteriaSet, type LeafCriterion } from '../../shared/criteria'
import type { Answer, PaperStatus, Sheet } from '../../shared/api/sessions'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'
import { inSentence } from '../document-settings-service'
import type { CriteriaService } from '../criteria-service'
import type { Actor, AgendaRow, SessionRow, Store } from './store'

interface SheetRow {
  id: number
  scoring_round: number
  status: 'draft' | 'submitted'
  entry_mode: 'direct' | 'paper'
  comment: string
  knockouts: string
  total: number | null
  submitted_at: string | null
}
type Ref = { sessionId: number; productId: number; memberId: number }
type Knockouts = Array<{ criterionCode: string | null; note: string }>
interface PaperContent {
  answers: Record<string, string>
  knockouts: Knockouts
  comment: string
}

/** Members' sheets: answers saved one by one, the comment, knockout flags, "Ký nộp phiếu", and paper double entry. */
export function createSheetService(db: DB, store: Store, criteria: CriteriaService, now: () => Date, units?: Pick<AdminUnits, 'commune' | 'province'>) {
  const at = () => now().toISOString()
  const q = {
    attendance: db.prepare('SELECT status FROM attendance WHERE member_id = ?'),
    conflict: db.prepare('SELECT kind FROM conflicts WHERE member_id = ? AND product_id = ?'),
    agendaItem: db.prepare('SELECT a.current_round, p.id, p.code, p.name, p.set_id, pr.name AS producer_name, pr.phone AS producer_phone, pr.street AS producer_street, pr.commune_code AS producer_commune, pr.province_code AS producer_province FROM session_agenda a JOIN products p ON p.id = a.product_id JOIN producers pr ON pr.id = p.producer_id WHERE a.session_id = ? AND a.product_id = ?'),
    sheet: db.prepare('SELECT * FROM sheets WHERE product_id = ? AND member_id = ? AND scoring_round = ?'),
    sheetsOf: db.prepare('SELECT * FROM sheets WHERE product_id = ? AND member_id = ? ORDER BY scoring_round'),
    submittedOfRound: db.prepare("SELECT id FROM sheets WHERE session_id = ? AND product_id = ? AND scoring_round = ? AND status = 'submitted' ORDER BY id"),
    insertSheet: db.prepare(`INSERT INTO sheets (session_id, product_id, member_id, scoring_round, entry_mode, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`),
    touchSheet: db.prepare('UPDATE sheets SET updated_at = ? WHERE id = ?'),
    comment: db.prepare('UPDATE sheets SET comment = ?, updated_at = ? WHERE id = ?'),
    knockouts: db.prepare('UPDATE sheets SET knockouts = ?, updated_at = ? WHERE id = ?'),
    submit: db.prepare("UPDATE sheets SET status = 'submitted', total = ?, submitted_at = ?, updated_at = ? WHERE id = ?"),
    answers: db.prepare('SELECT criterion_code, option_id, version, saved_at FROM answers WHERE sheet_id = ?'),
    answer: db.prepare('SELECT version FROM answers WHERE sheet_id = ? AND criterion_code = ?'),
    upsertAnswer: db.prepare(`INSERT INTO answers (sheet_id, criterion_code, option_id, version, saved_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (sheet_id, criterion_code) DO UPDATE SET option_id = excluded.option_id, version = excluded.version, saved_at = excluded.saved_at`),
    passes: db.prepare('SELECT pass, content FROM paper_passes WHERE product_id = ? AND member_id = ? AND scoring_round = ? ORDER BY pass'),
    upsertPass: db.prepare(`INSERT INTO paper_passes (session_id, product_id, member_id, scoring_round, pass, content, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (product_id, member_id, scoring_round, pass) DO UPDATE SET content = excluded.content, entered_at = excluded.entered_at`)
  }

  type Item = { current_round: number; id: number; code: string; name: string; set_id: string; producer_name: string; producer_phone: string; producer_street: string; producer_commune: string; producer_province: string }
  function item(sessionId: number, productId: number): Item {
    const a = q.agendaItem.get(sessionId, productId) as Item | undefined
    if (!a) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp')
    return a
  }
  const setOf = (row: SessionRow, setId: string): CriteriaSet => criteria.get(setId, row.criteria_version).set

  /**
   * Why this member's current sheet of this product may not be written now, or null. `direct` is the member on
   * their own sheet: only while present. `paper` is the secretary entering a sheet signed on paper, which a member
   * who left afterwards did sign while in the room.
   */
  function writeBlock(row: SessionRow, ref: Ref, role: Parameters<typeof scores>[0], mode: 'direct' | 'paper'): string | null {
    if (!sheetsWritable(row.status)) return row.status === 'finalized' ? 'Phiên họp đã chốt kết quả' : 'Phiên họp chưa bắt đầu chấm điểm'
    if (!scores(role, store.quyChe(row))) return 'Thư ký Hội đồng không chấm điểm theo Quy chế'
    const status = (q.attendance.get(ref.memberId) as { status: AttendanceStatus } | undefined)?.status
    if (mode === 'direct' && status === 'left') return 'Thành viên đã rời phiên họp: không còn được chấm, sửa hay ký nộp phiếu'
    if (!(mode === 'direct' ? mayWriteOwnSheet(status) : attended(status))) return 'Thành viên chưa được điểm danh có mặt'
    const c = q.conflict.get(ref.memberId, ref.productId) as { kind: string } | undefined
    if (!c) return 'Hãy khai báo xung đột lợi ích với sản phẩm này trước khi chấm'
    if (c.kind !== 'none') return 'Thành viên đã khai báo xung đột lợi ích: không chấm sản phẩm này'
    return null
  }

  function open(ref: Ref, actor: Actor) {
    const row = store.session(ref.sessionId)
    const seat = store.seat(ref.sessionId, ref.memberId, actor)
    const it = item(ref.sessionId, ref.productId)
    return { row, seat, it }
  }

  function writable(ref: Ref, actor: Actor, mode: 'direct' | 'paper'): { row: SessionRow; it: Item; sheet: SheetRow; when: string } {
    const { row, seat, it } = open(ref, actor)
    const block = writeBlock(row, ref, seat.role, mode)
    if (block) throw new AppError(block.startsWith('Phiên') ? 'CONFLICT' : 'FORBIDDEN', block)
    const when = at()
    let sheet = q.sheet.get(ref.productId, ref.memberId, it.current_round) as SheetRow | undefined
    if (!sheet) {
      q.insertSheet.run(ref.sessionId, ref.productId, ref.memberId, it.current_round, mode, when, when)
      sheet = q.sheet.get(ref.productId, ref.memberId, it.current_round) as SheetRow
    }
    if (sheet.status === 'submitted') throw new AppError('CONFLICT', 'Phiếu đã ký nộp, không thể sửa')
    if (sheet.entry_mode !== mode) throw new AppError('CONFLICT', mode === 'paper' ? 'Thành viên đang chấm trực tiếp trên máy' : 'Phiếu của thành viên đang được nhập từ bản giấy')
    return { row, it, sheet, when }
  }

  function checkOption(set: CriteriaSet, code: string, optionId: string | null): void {
    const leaf = leafCriteria(set).find((l) => l.criterion.code === code)?.criterion
    if (!leaf) throw new AppError('VALIDATION', `Không có tiêu chí "${code}" trong bộ tiêu chí số ${set.no}`, [{ path: 'criterionCode', message: 'Tiêu chí không hợp lệ' }])
    if (optionId === null) return
    if (optionId === NOT_APPLICABLE) {
      if (!leaf.appliesOnlyWhen) throw new AppError('VALIDATION', `Tiêu chí ${code} không được đánh dấu "không áp dụng"`, [{ path: 'optionId', message: 'Không áp dụng không hợp lệ' }])
      return
    }
    if (!leaf.options.some((o) => o.id === optionId)) throw new AppError('VALIDATION', `Tiêu chí ${code} không có phương án "${optionId}"`, [{ path: 'optionId', message: 'Phương án không hợp lệ' }])
  }

  /** Only which criteria are disputed leaves this function: the other members' answers stay sealed. */
  function disputedOf(sessionId: number, productId: number, round: number, set: CriteriaSet): string[] {
    const submitted = q.submittedOfRound.all(sessionId, productId, round) as Array<{ id: number }>
    const sheets = submitted.map((s) => Object.fromEntries(answersOf(s.id).map((a) => [a.criterionCode, a.optionId])))
    return disputedCriteria(leafCriteria(set).map((l) => ({ code: l.criterion.code, options: l.criterion.options })), sheets)
  }

  const answersOf = (sheetId: number): Answer[] =>
    (q.answers.all(sheetId) as Array<{ criterion_code: string; option_id: string | null; version: number; saved_at: string }>).map((a) => ({
      criterionCode: a.criterion_code,
      optionId: a.option_id,
      version: a.version,
      savedAt: a.saved_at
    }))

  function scored(set: CriteriaSet, memberId: number, answers: Record<string, string>, knockouts: Knockouts) {
    return scoreSheet(set, {
      memberId: String(memberId),
      answers,
      knockouts: knockouts.map((k) => ({ ...(k.criterionCode === null ? {} : { criterionCode: k.criterionCode }), ...(k.note ? { note: k.note } : {}) }))
    })
  }

  function answerMap(sheetId: number): Record<string, string> {
    const out: Record<string, string> = {}
    for (const a of answersOf(sheetId)) if (a.optionId !== null) out[a.criterionCode] = a.optionId
    return out
  }

  function paperStatus(ref: Ref, round: number): PaperStatus {
    const passes = q.passes.all(ref.productId, ref.memberId, round) as Array<{ pass: number; content: string }>
    const p1 = passes.find((p) => p.pass === 1)
    const p2 = passes.find((p) => p.pass === 2)
    const sheet = q.sheet.get(ref.productId, ref.memberId, round) as SheetRow | undefined
    const mismatches = p1 && p2 ? comparePasses(JSON.parse(p1.content) as PaperContent, JSON.parse(p2.content) as PaperContent) : []
    return { pass1: !!p1, pass2: !!p2, accepted: sheet?.entry_mode === 'paper' && sheet.status === 'submitted', mismatches }
  }

  function submitSheet(row: SessionRow, it: Item, sheet: SheetRow, ref: Ref, actor: Actor, when: string): { total: number; submittedAt: string } {
    const result = scored(setOf(row, it.set_id), ref.memberId, answerMap(sheet.id), JSON.parse(sheet.knockouts) as Knockouts)
    if (!result.ok)
      throw new AppError('VALIDATION', `Phiếu chưa hoàn chỉnh (${result.errors.length} lỗi): ${result.errors.slice(0, 5).join('; ')}${result.errors.length > 5 ? '; …' : ''}`, result.errors.map((m) => ({ path: 'answers', message: m })))
    q.submit.run(result.sheet.total, when, when, sheet.id)
    store.audit('sheet.submit', ref.sessionId, actor, { sheetId: sheet.id, productId: ref.productId, memberId: ref.memberId, scoringRound: sheet.scoring_round, entryMode: sheet.entry_mode, total: result.sheet.total }, when)
    return { total: result.sheet.total, submittedAt: when }
  }

  return {
    mine(sessionId: number, memberId: number, actor: Actor) {
      const row = store.session(sessionId)
      const seat = store.seat(sessionId, memberId, actor)
      const f = store.facts(row)
      const agenda = store.agenda(sessionId)
      const facts = store.productFacts(sessionId, agenda)
      return agenda.map((a: AgendaRow) => {
        const sheet = q.sheet.get(a.product_id, memberId, a.current_round) as SheetRow | undefined
        return { productId: a.product_id, code: a.code, name: a.name, setId: a.set_id, scoringRound: a.current_round, state: sheetState(f, facts.get(a.product_id)!, seat), total: sheet?.total ?? null }
      })
    },
    get(ref: Ref, actor: Actor): Sheet {
      const { row, seat, it } = open(ref, actor)
      const set = setOf(row, it.set_id)
      const facts = store.productFacts(ref.sessionId, store.agenda(ref.sessionId).filter((a) => a.product_id === ref.productId)).get(ref.productId)!
      const state = sheetState(store.facts(row), facts, seat)
      const sheets = q.sheetsOf.all(ref.productId, ref.memberId) as SheetRow[]
      const current = sheets.find((s) => s.scoring_round === it.current_round)
      return {
        sessionId: ref.sessionId,
        product: {
          id: it.id,
          code: it.code,
          name: it.name,
          setId: it.set_id,
          producerName: it.producer_name,
          producerPhone: it.producer_phone,
          producerAddress: [it.producer_street, units?.commune(it.producer_commune)?.name, units?.province(it.producer_province)?.name].filter(Boolean).map((n, i) => (i === 0 ? n! : inSentence(n!))).join(', ')
        },
        member: { id: seat.id, fullName: seat.fullName, role: seat.role },
        scoringRound: it.current_round,
        state,
        entryMode: current?.entry_mode ?? 'direct',
        editable: writeBlock(row, ref, seat.role, 'direct') === null && current?.status !== 'submitted' && current?.entry_mode !== 'paper',
        criteriaVersion: row.criteria_version,
        criteriaSet: set,
        answers: current ? answersOf(current.id) : [],
        knockouts: current ? (JSON.parse(current.knockouts) as Knockouts) : [],
        comment: current?.comment ?? '',
        submittedAt: current?.submitted_at ?? null,
        earlierRounds: sheets.filter((s) => s.scoring_round < it.current_round).map((s) => ({ scoringRound: s.scoring_round, total: s.total, answers: answersOf(s.id) })),
        disputed: it.current_round > 1 ? disputedOf(ref.sessionId, ref.productId, it.current_round - 1, set) : []
      }
    },
    saveAnswer(i: Ref & { criterionCode: string; optionId: string | null; expectedVersion: number }, actor: Actor): Answer {
      return db.transaction(() => {
        const { row, it, sheet, when } = writable(i, actor, 'direct')
        checkOption(setOf(row, it.set_id), i.criterionCode, i.optionId)
        const version = (q.answer.get(sheet.id, i.criterionCode) as { version: number } | undefined)?.version ?? 0
        if (version !== i.expectedVersion)
          throw new AppError('CONFLICT', `Câu trả lời tiêu chí ${i.criterionCode} đã được lưu ở nơi khác (phiên bản ${version}); hãy tải lại phiếu`)
        q.upsertAnswer.run(sheet.id, i.criterionCode, i.optionId, version + 1, when)
        q.touchSheet.run(when, sheet.id)
        store.audit('answer.save', i.sessionId, actor, { sheetId: sheet.id, productId: i.productId, memberId: i.memberId, criterionCode: i.criterionCode, optionId: i.optionId, version: version + 1 }, when)
        return { criterionCode: i.criterionCode, optionId: i.optionId, version: version + 1, savedAt: when }
      })()
    },
    saveComment(i: Ref & { comment: string }, actor: Actor) {
      return db.transaction(() => {
        const { sheet, when } = writable(i, actor, 'direct')
        q.comment.run(i.comment, when, sheet.id)
        store.audit('sheet.comment', i.sessionId, actor, { sheetId: sheet.id, comment: i.comment }, when)
        return { comment: i.comment, savedAt: when }
      })()
    },
    setKnockout(i: Ref & { criterionCode: string | null; flagged: boolean; note: string }, actor: Actor) {
      return db.transaction(() => {
        const { row, it, sheet, when } = writable(i, actor, 'direct')
        const set = setOf(row, it.set_id)
        if (i.criterionCode === null ? set.disqualification.length === 0 : !(leafCriteria(set).find((l) => l.criterion.code === i.criterionCode)?.criterion as LeafCriterion | undefined)?.knockouts.length)
          throw new AppError('VALIDATION', 'Tiêu chí này không có quy định loại hoặc dừng đánh giá')
        const list = (JSON.parse(sheet.knockouts) as Knockouts).filter((k) => k.criterionCode !== i.criterionCode)
        if (i.flagged) list.push({ criterionCode: i.criterionCode, note: i.note })
        list.sort((a, b) => (a.criterionCode ?? '').localeCompare(b.criterionCode ?? ''))
        q.knockouts.run(JSON.stringify(list), when, sheet.id)
        store.audit('sheet.knockout', i.sessionId, actor, { sheetId: sheet.id, criterionCode: i.criterionCode, flagged: i.flagged, note: i.note }, when)
        return list
      })()
    },
    submit(ref: Ref, actor: Actor) {
      return db.transaction(() => {
        const { row, it, sheet, when } = writable(ref, actor, 'direct')
        return submitSheet(row, it, sheet, ref, actor, when)
      })()
    },
    paperStatus(ref: Ref, actor: Actor): PaperStatus {
      const { it } = open(ref, actor)
      return paperStatus(ref, it.current_round)
    },
    savePass(i: Ref & { pass: 1 | 2; sheet: PaperContent }, actor: Actor): PaperStatus {
      return db.transaction(() => {
        const { row, seat, it } = open(i, actor)
        const block = writeBlock(row, i, seat.role, 'paper')
        if (block) throw new AppError(block.startsWith('Phiên') ? 'CONFLICT' : 'FORBIDDEN', block)
        const existing = q.sheet.get(i.productId, i.memberId, it.current_round) as SheetRow | undefined
        if (existing?.status === 'submitted') throw new AppError('CONFLICT', 'Phiếu của thành viên đã được ghi nhận')
        if (existing && existing.entry_mode === 'direct') throw new AppError('CONFLICT', 'Thành viên đang chấm trực tiếp trên máy')
        const set = setOf(row, it.set_id)
        const check = scored(set, i.memberId, i.sheet.answers, i.sheet.knockouts)
        if (!check.ok) throw new AppError('VALIDATION', `Lần nhập ${i.pass} chưa hợp lệ: ${check.errors.slice(0, 5).join('; ')}`, check.errors.map((m) => ({ path: 'sheet.answers', message: m })))
        const when = at()
        q.upsertPass.run(i.sessionId, i.productId, i.memberId, it.current_round, i.pass, JSON.stringify(i.sheet), when)
        store.audit('paper.pass', i.sessionId, actor, { productId: i.productId, memberId: i.memberId, scoringRound: it.current_round, pass: i.pass }, when)
        const status = paperStatus(i, it.current_round)
        if (!status.pass1 || !status.pass2 || status.mismatches.length > 0) return status
        const { sheet } = writable(i, actor, 'paper')
        for (const [code, optionId] of Object.entries(i.sheet.answers)) q.upsertAnswer.run(sheet.id, code, optionId, 1, when)
        q.knockouts.run(JSON.stringify(i.sheet.knockouts), when, sheet.id)
        q.comment.run(i.sheet.comment, when, sheet.id)
        submitSheet(row, it, { ...sheet, knockouts: JSON.stringify(i.sheet.knockouts) }, i, actor, when)
        return paperStatus(i, it.current_round)
      })()
    }
  }
}
export type SheetService = ReturnType<typeof createSheetService>
