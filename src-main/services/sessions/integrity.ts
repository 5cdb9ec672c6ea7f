import type { DB } from '../../db/connection'
import { verifyChain, type StoredEvent } from '../../domain/audit-chain'
import { compareSeal, formatHead, parseHead, sealOf, type ResultRowFacts, type SessionSeal, type SheetRowFacts } from '../../domain/audit-seal'
import type { AuditVerify } from '../../shared/api/sessions'
import { sha256 } from './store'

const hasTable = (db: DB, name: string): boolean => db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined
const hasColumn = (db: DB, table: string, col: string): boolean => db.prepare(`SELECT 1 FROM pragma_table_info(?) WHERE name = ?`).get(table, col) !== undefined

/** The rows a session's seal covers, read the same way at finalization and at every verification. */
export function sealRows(db: DB, sessionId: number): { results: ResultRowFacts[]; sheets: SheetRowFacts[] } {
  const names = hasColumn(db, 'results', 'product_name') ? 'product_code AS productCode, product_name AS productName, producer_name AS producerName' : 'NULL AS productCode, NULL AS productName, NULL AS producerName'
  const results = db
    .prepare(`SELECT product_id AS productId, ${names}, criteria_set_id AS criteriaSetId, criteria_version AS criteriaVersion, rating, sha256, status, stars, mean, outcome,
      finalized_at AS finalizedAt FROM results WHERE session_id = ? ORDER BY product_id`)
    .all(sessionId) as ResultRowFacts[]
  const sheets = db
    .prepare(`SELECT id AS sheetId, product_id AS productId, member_id AS memberId, scoring_round AS scoringRound, status, entry_mode AS entryMode, comment, knockouts, total,
      submitted_at AS submittedAt FROM sheets WHERE session_id = ? ORDER BY id`)
    .all(sessionId) as Array<Omit<SheetRowFacts, 'answers'>>
  const answers = new Map<number, Record<string, string | null>>()
  for (const a of db
    .prepare(`SELECT a.sheet_id, a.criterion_code, a.option_id FROM answers a JOIN sheets s ON s.id = a.sheet_id WHERE s.session_id = ? ORDER BY a.sheet_id, a.criterion_code`)
    .all(sessionId) as Array<{ sheet_id: number; criterion_code: string; option_id: string | null }>) {
    const m = answers.get(a.sheet_id) ?? {}
    m[a.criterion_code] = a.option_id
    answers.set(a.sheet_id, m)
  }
  return { results, sheets: sheets.map((s) => ({ ...s, answers: answers.get(s.sheetId) ?? {} })) }
}

export function sessionSeal(db: DB, sessionId: number): SessionSeal {
  const rows = sealRows(db, sessionId)
  return sealOf(sha256, rows.results, rows.sheets)
}

function labels(db: DB) {
  const product = db.prepare('SELECT code, name FROM products WHERE id = ?')
  const sheet = db.prepare(`SELECT sh.product_id, sh.scoring_round, m.full_name FROM sheets sh LEFT JOIN session_members m ON m.id = sh.member_id WHERE sh.id = ?`)
  const productLabel = (id: number): string => {
    const p = product.get(id) as { code: string; name: string } | undefined
    return p ? `"${p.name}" (mã ${p.code})` : `mã số ${id}`
  }
  return {
    product: productLabel,
    sheet: (id: number): string => {
      const s = sheet.get(id) as { product_id: number; scoring_round: number; full_name: string | null } | undefined
      return s ? `số ${id} của ${s.full_name ?? 'thành viên đã xóa'} cho sản phẩm ${productLabel(s.product_id)}, vòng ${s.scoring_round}` : `số ${id}`
    }
  }
}

interface FinalizeData {
  results?: Record<string, string>
  seal?: SessionSeal
}

/**
 * Issue 11, item 3: the chain checked against itself (every link and content hash), against the data (each
 * finalized session's results and sheets against the seal its finalize event recorded; a finalized session with no
 * finalize event), and, when given, against a head anchored outside the database (printed on the minutes and
 * decision, written in backup manifests). Findings are Vietnamese and name the product or sheet.
 */
export function checkIntegrity(db: DB, opts: { expectHead?: string | undefined } = {}): AuditVerify {
  if (!hasTable(db, 'audit_events')) return { intact: true, events: 0, firstBroken: null, head: null, problems: [] }
  const events = db.prepare('SELECT seq, at, kind, session_id AS sessionId, actor, content, prev_hash AS prevHash, hash FROM audit_events ORDER BY seq').all() as StoredEvent[]
  const chain = verifyChain(events, sha256)
  const last = events[events.length - 1]
  const head = last ? formatHead(last.seq, last.hash) : null
  const problems: AuditVerify['problems'] = []
  if (chain.firstBroken) problems.push({ kind: 'chain', message: `Chuỗi nhật ký bị phá vỡ tại sự kiện số ${chain.firstBroken.seq}: ${chain.firstBroken.reason}` })

  const name = labels(db)
  const finalizeEvents = new Map<number, FinalizeData>()
  for (const e of events)
    if (e.kind === 'session.finalize' && e.sessionId !== null) {
      try {
        finalizeEvents.set(e.sessionId, ((JSON.parse(e.content) as { data?: FinalizeData }).data ?? {}) as FinalizeData)
      } catch {
        // An unreadable event is already reported by the chain check above.
      }
    }
  const finalized = hasTable(db, 'sessions') ? (db.prepare(`SELECT id FROM sessions WHERE status = 'finalized' ORDER BY id`).pluck().all() as number[]) : []
  for (const sessionId of finalized) {
    const data = finalizeEvents.get(sessionId)
    if (!data) {
      problems.push({ kind: 'seal', message: `Phiên họp số ${sessionId} đã chốt nhưng nhật ký không có sự kiện chốt kết quả (nhật ký bị cắt bớt hoặc phiên bị sửa trạng thái trực tiếp)` })
      continue
    }
    if (data.seal) {
      for (const m of compareSeal(data.seal, sessionSeal(db, sessionId), name)) problems.push({ kind: 'seal', message: `Phiên họp số ${sessionId}: ${m}` })
    } else if (data.results) {
      // Finalized before seals existed: only the rating JSON was hashed then.
      const rows = sealRows(db, sessionId).results
      for (const r of rows)
        if (data.results[String(r.productId)] !== sha256(r.rating) || r.sha256 !== sha256(r.rating))
          problems.push({ kind: 'seal', message: `Phiên họp số ${sessionId}: kết quả của sản phẩm ${name.product(r.productId)} không khớp mã băm lúc chốt` })
    }
  }

  if (opts.expectHead !== undefined) {
    const want = parseHead(opts.expectHead)
    if (!want) problems.push({ kind: 'head', message: `"${opts.expectHead}" không phải mã đầu chuỗi nhật ký (dạng SỐ-16 KÝ TỰ HEX, ví dụ 128-9F3A2C1B7D4E0A55)` })
    else {
      const at = events.find((e) => e.seq === want.seq)
      if (!at)
        problems.push({
          kind: 'head',
          message: `Mã đầu chuỗi ${opts.expectHead} ghi trên giấy/bản sao lưu là sự kiện số ${want.seq}, nhưng nhật ký hiện chỉ có ${events.length} sự kiện: các sự kiện cuối đã bị xóa`
        })
      else if (!at.hash.startsWith(want.prefix))
        problems.push({ kind: 'head', message: `Sự kiện số ${want.seq} không khớp mã đầu chuỗi ${opts.expectHead} đã neo bên ngoài: nhật ký đã bị sửa và băm lại` })
    }
  }
  return { intact: problems.length === 0, events: events.length, firstBroken: chain.firstBroken, head, problems }
}

/** The head of a session's finalize event: what its minutes and decision print next to the verification code. */
export function finalizeHead(db: DB, sessionId: number): string | null {
  if (!hasTable(db, 'audit_events')) return null
  const e = db.prepare(`SELECT seq, hash FROM audit_events WHERE kind = 'session.finalize' AND session_id = ? ORDER BY seq DESC LIMIT 1`).get(sessionId) as { seq: number; hash: string } | undefined
  return e ? formatHead(e.seq, e.hash) : null
}

/** The head of the whole chain now: what a backup manifest records. */
export function currentHead(db: DB): string | null {
  if (!hasTable(db, 'audit_events')) return null
  const e = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined
  return e ? formatHead(e.seq, e.hash) : null
}
