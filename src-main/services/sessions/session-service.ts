import type { DB } from '../../db/connection'
import { deadlineError, yearWarnings } from '../../domain/session-rounds'
import { attended, liveQuorum, mayWriteOwnSheet } from '../../domain/session-rating'
import { agendaEditable, allowedNext, transitionError } from '../../domain/session-state'
import { zQuyChe } from '../../shared/quy-che'
import type { Attendance, Round, Session, SessionStatus, SessionSummary } from '../../shared/api/sessions'
import { AppError } from '../../shared/result'
import type { Actor, SessionRow, Store } from './store'

interface SnapshotMember {
  role: 'chair' | 'vice_chair' | 'member' | 'secretary'
  fullName: string
  organisation?: string
  jobTitle?: string
}

/** Rounds (đợt), sessions (phiên họp), their agenda, status, roll-call and conflict declarations. */
export function createSessionService(db: DB, store: Store, criteriaVersion: string, now: () => Date) {
  const at = () => now().toISOString()
  const q = {
    rounds: db.prepare(`SELECT r.*, (SELECT count(*) FROM sessions s WHERE s.round_id = r.id) AS session_count FROM rounds r
      WHERE (@year IS NULL OR r.year = @year) ORDER BY r.year DESC, r.deadline, r.id`),
    round: db.prepare('SELECT r.*, (SELECT count(*) FROM sessions s WHERE s.round_id = r.id) AS session_count FROM rounds r WHERE r.id = ?'),
    years: db.prepare('SELECT DISTINCT year FROM rounds WHERE (@year IS NULL OR year = @year)'),
    insertRound: db.prepare('INSERT INTO rounds (year, name, deadline, created_at) VALUES (?, ?, ?, ?)'),
    updateRound: db.prepare('UPDATE rounds SET name = ?, deadline = ? WHERE id = ?'),
    removeRound: db.prepare('DELETE FROM rounds WHERE id = ?'),
    finalizedInRound: db.prepare("SELECT count(*) AS n FROM sessions WHERE round_id = ? AND status = 'finalized'"),
    sessions: db.prepare(`SELECT s.*, r.name AS round_name, v.snapshot,
        (SELECT count(*) FROM session_agenda a WHERE a.session_id = s.id) AS product_count
      FROM sessions s JOIN rounds r ON r.id = s.round_id JOIN council_versions v ON v.id = s.council_version_id
      WHERE (@roundId IS NULL OR s.round_id = @roundId) ORDER BY s.date DESC, s.id DESC`),
    version: db.prepare('SELECT id, version_no, snapshot FROM council_versions WHERE id = ?'),
    insertSession: db.prepare(`INSERT INTO sessions (round_id, date, start_time, place, council_version_id, quy_che, criteria_version, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    updateSession: db.prepare('UPDATE sessions SET date = ?, start_time = ?, place = ?, council_version_id = ?, quy_che = ?, updated_at = ? WHERE id = ?'),
    setStatus: db.prepare('UPDATE sessions SET status = ?, updated_at = ? WHERE id = ?'),
    removeSession: db.prepare('DELETE FROM sessions WHERE id = ?'),
    clearSeats: db.prepare('DELETE FROM session_members WHERE session_id = ?'),
    insertSeat: db.prepare('INSERT INTO session_members (session_id, ord, role, full_name, organisation, job_title) VALUES (?, ?, ?, ?, ?, ?)'),
    sheetCount: db.prepare('SELECT count(*) AS n FROM sheets WHERE session_id = ?'),
    productSheets: db.prepare('SELECT count(*) AS n FROM sheets WHERE session_id = ? AND product_id = ?'),
    eligible: db.prepare(`SELECT p.id, p.code, p.name, p.set_id, p.dossier_completed_at, pr.name AS producer_name
      FROM products p JOIN producers pr ON pr.id = p.producer_id
      WHERE p.dossier_completed_at IS NOT NULL AND (p.status = 'dossier-complete' OR p.id IN (SELECT product_id FROM session_agenda WHERE session_id = ?))
      ORDER BY p.sort_key, p.id`),
    product: db.prepare('SELECT id, status, dossier_completed_at FROM products WHERE id = ?'),
    openAgenda: db.prepare(`SELECT a.session_id FROM session_agenda a JOIN sessions s ON s.id = a.session_id
      WHERE a.product_id = ? AND s.status <> 'finalized' AND a.session_id <> ?`),
    removeAgenda: db.prepare('DELETE FROM session_agenda WHERE session_id = ? AND product_id = ?'),
    upsertAgenda: db.prepare(`INSERT INTO session_agenda (session_id, product_id, ord) VALUES (?, ?, ?)
      ON CONFLICT (session_id, product_id) DO UPDATE SET ord = excluded.ord`),
    productStatus: db.prepare('UPDATE products SET status = ?, updated_at = ? WHERE id = ?'),
    statusHistory: db.prepare('INSERT INTO product_status_history (product_id, from_status, to_status, stars, reason, at) VALUES (?, ?, ?, NULL, ?, ?)'),
    upsertAttendance: db.prepare(`INSERT INTO attendance (member_id, session_id, status, left_at, absence_reason, proxy_note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (member_id) DO UPDATE SET status = excluded.status, left_at = excluded.left_at, absence_reason = excluded.absence_reason,
        proxy_note = excluded.proxy_note, updated_at = excluded.updated_at`),
    attendanceRows: db.prepare('SELECT member_id, status, left_at, absence_reason, proxy_note, updated_at FROM attendance WHERE session_id = ?'),
    conflicts: db.prepare('SELECT member_id, product_id, kind, text, declared_at FROM conflicts WHERE session_id = ? ORDER BY product_id, member_id'),
    upsertConflict: db.prepare(`INSERT INTO conflicts (session_id, product_id, member_id, kind, text, declared_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (member_id, product_id) DO UPDATE SET kind = excluded.kind, text = excluded.text, declared_at = excluded.declared_at`),
    memberSheets: db.prepare('SELECT count(*) AS n FROM sheets WHERE product_id = ? AND member_id = ?')
  }

  type RoundRow = { id: number; year: number; name: string; deadline: string; created_at: string; session_count: number }
  const toRound = (r: RoundRow): Round => ({ id: r.id, year: r.year, name: r.name, deadline: r.deadline, sessionCount: r.session_count, createdAt: r.created_at })
  function round(id: number): Round {
    const r = q.round.get(id) as RoundRow | undefined
    if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy đợt đánh giá')
    return toRound(r)
  }
  function checkDeadline(year: number, deadline: string): void {
    const error = deadlineError(year, deadline)
    if (error) throw new AppError('VALIDATION', error, [{ path: 'deadline', message: error }])
  }

  function councilVersion(id: number): { versionNo: number; name: string; members: SnapshotMember[]; quyChe: unknown } {
    const v = q.version.get(id) as { id: number; version_no: number; snapshot: string } | undefined
    if (!v) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản hội đồng')
    const snap = JSON.parse(v.snapshot) as { council: { name: string; members: SnapshotMember[]; quyChe: unknown } }
    return { versionNo: v.version_no, name: snap.council.name, members: snap.council.members, quyChe: snap.council.quyChe }
  }

  function seatMembers(sessionId: number, members: readonly SnapshotMember[]): void {
    q.clearSeats.run(sessionId)
    members.forEach((m, i) => q.insertSeat.run(sessionId, i, m.role, m.fullName, m.organisation ?? '', m.jobTitle ?? ''))
  }

  function summary(row: SessionRow & { round_name: string; snapshot: string; product_count: number }): SessionSummary {
    return {
      id: row.id,
      roundId: row.round_id,
      roundName: row.round_name,
      date: row.date,
      startTime: row.start_time,
      place: row.place,
      councilVersionId: row.council_version_id,
      councilName: (JSON.parse(row.snapshot) as { council: { name: string } }).council.name,
      status: row.status,
      productCount: row.product_count,
      finalizedAt: row.finalized_at
    }
  }

  function get(id: number, actor: Actor = { kind: 'local' }): Session {
    const row = store.session(id)
    if (actor.kind === 'member' && !store.seatsOf(id).some((s) => s.id === actor.memberId)) throw new AppError('FORBIDDEN', 'Mã tham gia không dùng cho phiên họp này')
    const cv = councilVersion(row.council_version_id)
    const quyChe = zQuyChe.parse(JSON.parse(row.quy_che))
    const agenda = store.agenda(id)
    const finalizedProducts = row.status === 'finalized'
    return {
      id: row.id,
      roundId: row.round_id,
      roundName: round(row.round_id).name,
      date: row.date,
      startTime: row.start_time,
      place: row.place,
      councilVersionId: row.council_version_id,
      councilVersionNo: cv.versionNo,
      councilName: cv.name,
      status: row.status,
      productCount: agenda.length,
      finalizedAt: row.finalized_at,
      createdAt: row.created_at,
      allowedNext: allowedNext(row.status),
      members: store.seatsOf(id).map((s) => ({
        id: s.id,
        ord: s.ord,
        role: s.role,
        fullName: s.full_name,
        organisation: s.organisation,
        jobTitle: s.job_title,
        scores: s.role !== 'secretary' || quyChe.secretaryScores
      })),
      agenda: agenda.map((a) => ({
        productId: a.product_id,
        ord: a.ord,
        code: a.code,
        name: a.name,
        setId: a.set_id,
        producerName: a.producer_name,
        communeCode: a.commune_code,
        scoringRound: a.current_round,
        finalized: finalizedProducts
      }))
    }
  }

  function attendance(sessionId: number): Attendance {
    const row = store.session(sessionId)
    type Row = { member_id: number; status: 'present' | 'absent' | 'left'; left_at: string | null; absence_reason: string; proxy_note: string; updated_at: string }
    const rows = new Map((q.attendanceRows.all(sessionId) as Row[]).map((r) => [r.member_id, r]))
    return {
      sessionId,
      members: store.seatsOf(sessionId).map((s) => {
        const a = rows.get(s.id)
        return {
          memberId: s.id,
          fullName: s.full_name,
          role: s.role,
          status: a?.status ?? null,
          leftAt: a?.left_at ?? null,
          absenceReason: a?.absence_reason ?? '',
          proxyNote: a?.proxy_note ?? '',
          updatedAt: a?.updated_at ?? null
        }
      }),
      quorum: liveQuorum(store.facts(row))
    }
  }

  function setProductStatus(productId: number, from: string, to: string, reason: string, when: string): void {
    q.productStatus.run(to, when, productId)
    q.statusHistory.run(productId, from, to, reason, when)
  }

  return {
    listRounds(year?: number) {
      const y = year ?? null
      const rounds = (q.rounds.all({ year: y }) as RoundRow[]).map(toRound)
      const years = (q.years.all({ year: y }) as Array<{ year: number }>).map((r) => r.year)
      return { rounds, warnings: yearWarnings(rounds, y === null ? years : [y]) }
    },
    createRound(i: { year: number; name: string; deadline: string }, actor: Actor): Round {
      checkDeadline(i.year, i.deadline)
      return db.transaction(() => {
        const when = at()
        const id = Number(q.insertRound.run(i.year, i.name, i.deadline, when).lastInsertRowid)
        store.audit('round.create', null, actor, { roundId: id, ...i }, when)
        return round(id)
      })()
    },
    updateRound(i: { id: number; name: string; deadline: string }, actor: Actor): Round {
      return db.transaction(() => {
        checkDeadline(round(i.id).year, i.deadline)
        // The round's name is printed on the minutes and decisions of its finalized sessions: frozen with them.
        if ((q.finalizedInRound.get(i.id) as { n: number }).n > 0)
          throw new AppError('FINALIZED', 'Đợt đánh giá đã có phiên họp chốt kết quả: không thể sửa tên hoặc hạn của đợt')
        q.updateRound.run(i.name, i.deadline, i.id)
        store.audit('round.update', null, actor, { roundId: i.id, name: i.name, deadline: i.deadline }, at())
        return round(i.id)
      })()
    },
    removeRound(id: number, actor: Actor) {
      return db.transaction(() => {
        if (round(id).sessionCount > 0) throw new AppError('CONFLICT', 'Đợt đã có phiên họp: không thể xóa')
        q.removeRound.run(id)
        store.audit('round.remove', null, actor, { roundId: id }, at())
        return { id }
      })()
    },
    list(roundId?: number): SessionSummary[] {
      return (q.sessions.all({ roundId: roundId ?? null }) as Array<SessionRow & { round_name: string; snapshot: string; product_count: number }>).map(summary)
    },
    get,
    create(i: { roundId: number; date: string; startTime: string; place: string; councilVersionId: number }, actor: Actor): Session {
      return db.transaction(() => {
        round(i.roundId)
        const cv = councilVersion(i.councilVersionId)
        const when = at()
        const quyChe = JSON.stringify(zQuyChe.parse(cv.quyChe))
        const id = Number(q.insertSession.run(i.roundId, i.date, i.startTime, i.place, i.councilVersionId, quyChe, criteriaVersion, when, when).lastInsertRowid)
        seatMembers(id, cv.members)
        store.audit('session.create', id, actor, { ...i }, when)
        return get(id)
      })()
    },
    update(i: { id: number; date: string; startTime: string; place: string; councilVersionId: number }, actor: Actor): Session {
      return db.transaction(() => {
        const row = store.session(i.id)
        if (row.status !== 'draft') throw new AppError('CONFLICT', 'Chỉ sửa được thông tin phiên họp khi còn là bản nháp')
        const cv = councilVersion(i.councilVersionId)
        const when = at()
        q.updateSession.run(i.date, i.startTime, i.place, i.councilVersionId, JSON.stringify(zQuyChe.parse(cv.quyChe)), when, i.id)
        if (row.council_version_id !== i.councilVersionId) seatMembers(i.id, cv.members)
        store.audit('session.update', i.id, actor, { ...i }, when)
        return get(i.id)
      })()
    },
    remove(id: number, actor: Actor) {
      return db.transaction(() => {
        if (store.session(id).status !== 'draft') throw new AppError('CONFLICT', 'Chỉ xóa được phiên họp còn là bản nháp')
        const when = at()
        for (const a of store.agenda(id)) setProductStatus(a.product_id, 'on-agenda', 'dossier-complete', 'Xóa phiên họp', when)
        q.removeSession.run(id)
        store.audit('session.remove', id, actor, { sessionId: id }, when)
        return { id }
      })()
    },
    eligibleProducts(sessionId: number) {
      store.session(sessionId)
      return (q.eligible.all(sessionId) as Array<{ id: number; code: string; name: string; set_id: string; dossier_completed_at: string | null; producer_name: string }>).map((p) => ({
        productId: p.id,
        code: p.code,
        name: p.name,
        setId: p.set_id,
        producerName: p.producer_name,
        dossierCompletedAt: p.dossier_completed_at
      }))
    },
    setAgenda(id: number, productIds: readonly number[], actor: Actor): Session {
      return db.transaction(() => {
        const row = store.session(id)
        if (!agendaEditable(row.status)) throw new AppError('CONFLICT', 'Chương trình phiên họp chỉ sửa được trước khi bắt đầu chấm điểm')
        if (new Set(productIds).size !== productIds.length) throw new AppError('VALIDATION', 'Một sản phẩm xuất hiện hai lần trong chương trình')
        const when = at()
        const current = new Set(store.agenda(id).map((a) => a.product_id))
        for (const productId of current)
          if (!productIds.includes(productId)) {
            if ((q.productSheets.get(id, productId) as { n: number }).n > 0) throw new AppError('CONFLICT', 'Sản phẩm đã có phiếu chấm: không thể rút khỏi chương trình')
            q.removeAgenda.run(id, productId)
            setProductStatus(productId, 'on-agenda', 'dossier-complete', 'Rút khỏi chương trình phiên họp', when)
          }
        productIds.forEach((productId, ord) => {
          if (!current.has(productId)) {
            const p = q.product.get(productId) as { id: number; status: string; dossier_completed_at: string | null } | undefined
            if (!p) throw new AppError('NOT_FOUND', `Không tìm thấy sản phẩm (mã ${productId})`)
            const other = q.openAgenda.get(productId, id) as { session_id: number } | undefined
            if (other) throw new AppError('CONFLICT', `Sản phẩm đang có trong chương trình của phiên họp khác (phiên số ${other.session_id})`)
            if (p.status !== 'dossier-complete' || p.dossier_completed_at === null) throw new AppError('CONFLICT', 'Chỉ đưa vào chương trình sản phẩm có hồ sơ đầy đủ')
            setProductStatus(productId, 'dossier-complete', 'on-agenda', 'Đưa vào chương trình phiên họp', when)
          }
          q.upsertAgenda.run(id, productId, ord)
        })
        store.audit('session.agenda', id, actor, { productIds: [...productIds] }, when)
        return get(id)
      })()
    },
    setStatus(id: number, to: SessionStatus, actor: Actor): Session {
      return db.transaction(() => {
        const row = store.session(id)
        const error = transitionError(row.status, to, { agendaSize: store.agenda(id).length, sheets: (q.sheetCount.get(id) as { n: number }).n })
        if (error) throw new AppError('CONFLICT', error)
        const when = at()
        q.setStatus.run(to, when, id)
        store.audit('session.status', id, actor, { from: row.status, to }, when)
        return get(id)
      })()
    },
    attendance,
    setAttendance(
      i: { sessionId: number; memberId: number; status: 'present' | 'absent' | 'left'; leftAt: string | null; absenceReason?: string; proxyNote?: string },
      actor: Actor
    ): Attendance {
      return db.transaction(() => {
        const row = store.session(i.sessionId)
        if (row.status === 'draft') throw new AppError('CONFLICT', 'Hãy mở phiên họp trước khi điểm danh')
        store.seat(i.sessionId, i.memberId, actor)
        const when = at()
        // Reasons belong to an absence: calling the member present (or leaving) clears them.
        const reason = i.status === 'absent' ? (i.absenceReason ?? '') : ''
        const proxy = i.status === 'absent' ? (i.proxyNote ?? '') : ''
        q.upsertAttendance.run(i.memberId, i.sessionId, i.status, i.leftAt, reason, proxy, when)
        store.audit('attendance.set', i.sessionId, actor, { memberId: i.memberId, status: i.status, leftAt: i.leftAt, absenceReason: reason, proxyNote: proxy }, when)
        return attendance(i.sessionId)
      })()
    },
    conflicts(sessionId: number) {
      store.session(sessionId)
      return (q.conflicts.all(sessionId) as Array<{ member_id: number; product_id: number; kind: 'none'; text: string; declared_at: string }>).map((c) => ({
        memberId: c.member_id,
        productId: c.product_id,
        kind: c.kind,
        text: c.text,
        declaredAt: c.declared_at
      }))
    },
    declare(i: { sessionId: number; productId: number; memberId: number; kind: 'none' | 'same-commune' | 'family' | 'works-for-or-stake' | 'other'; text: string }, actor: Actor) {
      return db.transaction(() => {
        const row = store.session(i.sessionId)
        store.seat(i.sessionId, i.memberId, actor)
        if (row.status === 'draft') throw new AppError('CONFLICT', 'Phiên họp chưa mở')
        if (!store.agenda(i.sessionId).some((a) => a.product_id === i.productId)) throw new AppError('NOT_FOUND', 'Sản phẩm không có trong chương trình phiên họp')
        const f = store.facts(row)
        if (!attended(f.attendance.get(i.memberId))) throw new AppError('CONFLICT', 'Thành viên chưa được điểm danh có mặt')
        // A member's own declaration is a write like any other on their sheets: not after leaving the meeting.
        if (actor.kind === 'member' && !mayWriteOwnSheet(f.attendance.get(i.memberId)))
          throw new AppError('FORBIDDEN', 'Thành viên đã rời phiên họp: không còn được khai báo, chấm hay ký nộp phiếu')
        if ((q.memberSheets.get(i.productId, i.memberId) as { n: number }).n > 0)
          throw new AppError('CONFLICT', 'Thành viên đã bắt đầu chấm sản phẩm này: không thể thay đổi khai báo xung đột lợi ích')
        const when = at()
        const text = i.kind === 'none' ? '' : i.text
        q.upsertConflict.run(i.sessionId, i.productId, i.memberId, i.kind, text, when)
        store.audit('conflict.declare', i.sessionId, actor, { productId: i.productId, memberId: i.memberId, kind: i.kind, text }, when)
        return { memberId: i.memberId, productId: i.productId, kind: i.kind, text, declaredAt: when }
      })()
    },
    me(actor: Actor) {
      if (actor.kind !== 'member') return { member: null }
      const s = db.prepare('SELECT id, session_id, full_name FROM session_members WHERE id = ?').get(actor.memberId) as { id: number; session_id: number; full_name: string } | undefined
      return { member: s ? { sessionId: s.session_id, memberId: s.id, fullName: s.full_name } : null }
    }
  }
}
export type SessionService = ReturnType<typeof createSessionService>
