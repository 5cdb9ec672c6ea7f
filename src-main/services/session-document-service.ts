import { createHash, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { DB } from '../db/connection'
import type { BuildOptions } from '../documents/build'
import { candidates5, recognised } from '../documents/context'
import { docSymbol } from '../documents/layout/decree30'
import { DOCUMENT_KINDS, zDocumentInput, type DocumentInput, type DocumentKind } from '../documents/model'
import { AppError } from '../shared/result'
import type { DocumentRow } from './document-register'
import { canonicalJson, numberSymbol, type DocumentService } from './document-service'
import { createDocumentSettingsService } from './document-settings-service'
import { blankSheetSource, finalizedSource, minutesText as storedMinutesText, vietnamTime, type SessionSourceDeps } from './session-document-source'
import { defaultConclusions } from '../documents/minutes'
import type { MinutesTextOut } from '../shared/api/session-documents'
import { createStore, type Actor } from './sessions/store'

/**
 * Documents of one council session: the DTO comes from the session's records and every number from the register.
 * A document gets its number once, when the office issues it (table document_issues); before that it is a
 * draft. Generating — again, in the other format, in the pack, or for signing — prints the issued number and never
 * takes a new one. Packs run as polled jobs.
 */
export interface PackJob {
  id: string
  sessionId: number
  progress: number
  label: string
  done: boolean
  error: string | null
  documentId: number | null
}

/** The kinds the office issues with a number of the register (certificates are issued by certificates.issue). */
export const ISSUABLE = ['minutes', 'report', 'submission', 'decision', 'approval', 'notice'] as const
export type IssuableKind = (typeof ISSUABLE)[number]
const isIssuable = (k: DocumentKind): k is IssuableKind => (ISSUABLE as readonly string[]).includes(k)

/** What each document cites and must therefore follow (QĐ 26/2026 Điều 7.3: báo cáo → tờ trình → quyết định → thông báo). */
const REFERENCES: Partial<Record<IssuableKind, IssuableKind>> = { submission: 'report', decision: 'submission', approval: 'submission', notice: 'decision' }

export interface IssueRecord {
  kind: IssuableKind
  productId: number | null
  number: string
  date: string
  settingsVersion: number
  issuedAt: string
}

export interface SessionDocumentService {
  generate(req: { sessionId: number; kind: DocumentKind; format: 'pdf' | 'docx'; options: BuildOptions }): Promise<DocumentRow>
  /** Gives the document its number, once: the next free one of the register, or one typed from the e-office system. */
  issue(req: { sessionId: number; kind: DocumentKind; productId?: number; date?: string; number?: number }, actor: Actor): IssueRecord
  issues(sessionId: number): IssueRecord[]
  minutesText(sessionId: number): MinutesTextOut
  saveMinutesText(req: { sessionId: number; endTime: string | null; conclusion: string; absences: Record<string, string> }, actor: Actor): MinutesTextOut
  nextNumber(sessionId: number, kind: DocumentKind, productId?: number): { symbol: string; next: number; assigned: string | null } | null
  list(sessionId: number): DocumentRow[]
  startPack(sessionId: number): PackJob
  job(id: string): PackJob
  /** Absolute path of a stored document after its SHA-256 is checked; only ids cross the API, never paths. */
  pathOf(id: number): string
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const JOBS_KEPT = 50

export function createSessionDocumentService(d: SessionSourceDeps & { documents: DocumentService; dataDir: string; now?: () => Date }): SessionDocumentService {
  const db: DB = d.db
  const now = d.now ?? (() => new Date())
  const bySession = db.prepare('SELECT id FROM documents WHERE session_id = ? ORDER BY created_at DESC, id DESC').pluck()
  const issueRows = db.prepare(`SELECT i.kind, i.product_scope, i.number_text, i.doc_date, i.settings_version_id, i.issued_at
    FROM document_issues i WHERE i.session_id = ? ORDER BY i.id`)
  const insertIssue = db.prepare(`INSERT INTO document_issues (session_id, kind, product_scope, number_id, number_text, doc_date, settings_version_id, issued_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const register = d.documents.register
  const settings = createDocumentSettingsService({ ...d, now })
  const jobs = new Map<string, PackJob>()

  function source(sessionId: number, kind: DocumentKind, productId?: string): { input: DocumentInput; version: string } {
    const raw = kind === 'sheet-blank' ? blankSheetSource(d, sessionId) : finalizedSource(d, sessionId, { kind, ...(productId ? { productId } : {}) })
    const parsed = zDocumentInput.safeParse(raw)
    if (!parsed.success) throw new AppError('VALIDATION', `Dữ liệu phiên họp chưa đủ để lập văn bản: ${parsed.error.issues[0]?.message ?? ''}`)
    return { input: parsed.data, version: sha256(canonicalJson(parsed.data)).slice(0, 16) }
  }

  type IssueRow = { kind: IssuableKind; product_scope: number; number_text: string; doc_date: string; settings_version_id: number; issued_at: string }
  const toRecord = (r: IssueRow): IssueRecord => ({ kind: r.kind, productId: r.product_scope === 0 ? null : r.product_scope, number: r.number_text, date: r.doc_date, settingsVersion: r.settings_version_id, issuedAt: r.issued_at })
  const issuesOf = (sessionId: number) => (issueRows.all(sessionId) as IssueRow[]).map(toRecord)
  const scopeOf = (kind: DocumentKind, productId?: number) => (kind === 'notice' && productId ? productId : 0)

  const absentMembers = (sessionId: number) =>
    db
      .prepare("SELECT m.id, m.full_name AS name, a.absence_reason AS rollCallReason, a.proxy_note AS proxyNote FROM session_members m JOIN attendance a ON a.member_id = m.id WHERE m.session_id = ? AND a.status = 'absent' ORDER BY m.ord")
      .all(sessionId) as Array<{ id: number; name: string; rollCallReason: string; proxyNote: string }>

  function minutesText(sessionId: number): MinutesTextOut {
    const src = source(sessionId, 'minutes')
    const t = storedMinutesText(db, sessionId)
    return {
      endTime: t.endTime,
      conclusion: t.conclusion,
      absences: t.absences,
      defaultConclusion: defaultConclusions(src.input).join('\n'),
      absent: absentMembers(sessionId),
      locked: issuesOf(sessionId).some((i) => i.kind === 'minutes')
    }
  }

  /** A session's document prints what the register says; generating never takes a number (issue does). */
  async function generate(req: { sessionId: number; kind: DocumentKind; format: 'pdf' | 'docx'; options: BuildOptions }): Promise<DocumentRow> {
    const src = source(req.sessionId, req.kind, req.options.productId)
    return d.documents.generate({ kind: req.kind, format: req.format, options: req.options, source: { input: src.input }, sessionId: req.sessionId, dataVersion: src.version })
  }

  const issueTx = db.transaction((req: { sessionId: number; kind: IssuableKind; productId?: number; date?: string; number?: number }, actor: Actor): IssueRecord => {
    const store = createStore(db)
    const row = store.session(req.sessionId)
    if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ ban hành văn bản của phiên họp đã chốt kết quả')
    const label = DOCUMENT_KINDS[req.kind].label
    const scope = scopeOf(req.kind, req.productId)
    const existing = issuesOf(req.sessionId)
    const same = existing.find((i) => i.kind === req.kind && (i.productId ?? 0) === scope)
    if (same) throw new AppError('CONFLICT', `${label} đã được ban hành, số ${same.number}; một văn bản chỉ có một số`)
    const src = source(req.sessionId, req.kind, scope ? String(scope) : undefined)
    if (scope && !src.input.products.some((p) => p.id === String(scope))) throw new AppError('VALIDATION', 'Sản phẩm không thuộc phiên họp này')
    if (req.kind === 'approval' && candidates5(src.input).length === 0) throw new AppError('VALIDATION', 'Không có sản phẩm nào đạt từ 90 điểm để ban hành quyết định phê duyệt')
    if (req.kind === 'decision' && recognised(src.input).length === 0) throw new AppError('VALIDATION', 'Không có sản phẩm nào đạt 3 sao, 4 sao để ban hành quyết định công nhận')
    const date = req.date ?? vietnamTime(now().toISOString())[0]
    if (date < row.date) throw new AppError('VALIDATION', 'Ngày ban hành không được trước ngày họp Hội đồng')
    const ref = REFERENCES[req.kind]
    if (ref) {
      const cited = existing.find((i) => i.kind === ref && i.productId === null)
      if (!cited) throw new AppError('CONFLICT', `Chưa ban hành ${DOCUMENT_KINDS[ref].label.toLocaleLowerCase('vi')}: ${label.toLocaleLowerCase('vi')} trích dẫn số của văn bản đó, hãy ban hành văn bản đó trước`)
      if (date < cited.date) throw new AppError('VALIDATION', `Ngày ban hành không được trước ngày của ${DOCUMENT_KINDS[ref].label.toLocaleLowerCase('vi')} (${cited.date})`)
    }
    const sym = numberSymbol(req.kind, src.input.province)!
    const year = Number(date.slice(0, 4))
    const n = req.number === undefined ? register.allocate(year, sym.symbol, req.kind, 1) : register.reserve(year, sym.symbol, req.kind, req.number, 1)
    const text = docSymbol(n.first, sym.abbr, sym.issuer)
    const pinned = settings.pin()
    const at = now().toISOString()
    insertIssue.run(req.sessionId, req.kind, scope, n.id, text, date, pinned.versionId, at)
    store.audit('document.issue', req.sessionId, actor, { kind: req.kind, productId: scope || null, number: text, date, settingsVersion: pinned.versionId }, at)
    return { kind: req.kind, productId: scope || null, number: text, date, settingsVersion: pinned.versionId, issuedAt: at }
  })

  /** The pack prints what the register says: issued documents with their numbers, the others as drafts (DỰ THẢO). */
  async function runPack(job: PackJob): Promise<void> {
    const src = source(job.sessionId, 'minutes')
    job.progress = 0.1
    const row = await d.documents.generatePack({
      source: { input: src.input },
      sessionId: job.sessionId,
      onProgress: (p) => {
        job.progress = Math.min(0.99, 0.1 + (0.9 * p.done) / p.total)
        job.label = p.label
      }
    })
    Object.assign(job, { progress: 1, done: true, documentId: row.id, label: row.title })
  }

  return {
    generate,
    issue(req, actor) {
      if (!isIssuable(req.kind)) throw new AppError('VALIDATION', `${DOCUMENT_KINDS[req.kind].label}: ${req.kind === 'certificate' ? 'giấy chứng nhận được cấp số khi cấp giấy (Báo cáo → Giấy chứng nhận)' : 'loại văn bản này không mang số'}`)
      return issueTx({ ...req, kind: req.kind }, actor)
    },
    issues: issuesOf,
    minutesText,
    saveMinutesText(req, actor) {
      db.transaction(() => {
        const store = createStore(db)
        const row = store.session(req.sessionId)
        if (row.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ soạn nội dung biên bản của phiên họp đã chốt kết quả')
        if (issuesOf(req.sessionId).some((i) => i.kind === 'minutes')) throw new AppError('FINALIZED', 'Biên bản đã ban hành; không sửa được nội dung')
        if (req.endTime !== null && req.endTime <= row.start_time) throw new AppError('VALIDATION', 'Giờ kết thúc phải sau giờ bắt đầu phiên họp')
        const absent = new Set(absentMembers(req.sessionId).map((m) => String(m.id)))
        for (const id of Object.keys(req.absences)) if (!absent.has(id)) throw new AppError('VALIDATION', 'Chỉ ghi lý do cho thành viên vắng mặt khi điểm danh')
        const absences = Object.fromEntries(Object.entries(req.absences).filter(([, v]) => v !== ''))
        const at = now().toISOString()
        db.prepare(`INSERT INTO session_minutes (session_id, end_time, conclusion, absences, updated_at) VALUES (?, ?, ?, ?, ?)
          ON CONFLICT (session_id) DO UPDATE SET end_time = excluded.end_time, conclusion = excluded.conclusion, absences = excluded.absences, updated_at = excluded.updated_at`).run(req.sessionId, req.endTime, req.conclusion, JSON.stringify(absences), at)
        store.audit('minutes.text', req.sessionId, actor, { endTime: req.endTime, conclusion: req.conclusion, absences }, at)
      })()
      return minutesText(req.sessionId)
    },
    nextNumber(sessionId, kind, productId) {
      if (!isIssuable(kind)) return null
      const src = source(sessionId, kind, productId ? String(productId) : undefined)
      const sym = numberSymbol(kind, src.input.province)!
      const given = issuesOf(sessionId).find((i) => i.kind === kind && (i.productId ?? 0) === scopeOf(kind, productId))
      const year = Number(vietnamTime(now().toISOString())[0].slice(0, 4))
      return { symbol: sym.symbol, next: register.next(year, sym.symbol), assigned: given?.number ?? null }
    },
    list: (sessionId) => (bySession.all(sessionId) as number[]).map((id) => register.get(id)),
    startPack(sessionId) {
      const running = [...jobs.values()].find((j) => j.sessionId === sessionId && !j.done)
      if (running) return { ...running }
      // Fails fast (not finalized, no province) before a job id is handed out.
      source(sessionId, 'minutes')
      const job: PackJob = { id: randomUUID(), sessionId, progress: 0, label: '', done: false, error: null, documentId: null }
      jobs.set(job.id, job)
      for (const old of [...jobs.values()].filter((j) => j.done).slice(0, Math.max(0, jobs.size - JOBS_KEPT))) jobs.delete(old.id)
      runPack(job).catch((err: unknown) => {
        const message = err instanceof AppError ? err.message : `Lỗi khi lập hồ sơ phiên họp: ${err instanceof Error ? err.message : String(err)}`
        Object.assign(job, { done: true, error: message })
      })
      return { ...job }
    },
    job(id) {
      const j = jobs.get(id)
      if (!j) throw new AppError('NOT_FOUND', 'Không tìm thấy tác vụ lập hồ sơ (ứng dụng có thể đã khởi động lại); hãy lập lại')
      return { ...j }
    },
    pathOf(id) {
      const { row } = d.documents.read(id)
      return join(d.dataDir, row.file_path)
    }
  }
}
