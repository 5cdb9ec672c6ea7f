import { createHash, randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type { DB } from '../db/connection'
import type { BuildOptions } from '../documents/build'
import { candidates5, recognised } from '../documents/context'
import { DOCUMENT_KINDS, zDocumentInput, type DocumentInput, type DocumentKind } from '../documents/model'
import { AppError } from '../shared/result'
import type { DocumentRow } from './document-register'
import { canonicalJson, numberSymbol, type DocumentService } from './document-service'
import { blankSheetSource, finalizedSource, type SessionSourceDeps } from './session-document-source'

/**
 * Documents of one council session: the DTO comes from the session's records, numbers from the register (one number
 * per kind and data version of the session: asking again gives the stored document), packs as polled jobs.
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

export interface SessionDocumentService {
  generate(req: { sessionId: number; kind: DocumentKind; format: 'pdf' | 'docx'; options: BuildOptions; number?: number }): Promise<DocumentRow>
  nextNumber(sessionId: number, kind: DocumentKind): { symbol: string; next: number; assigned: string | null } | null
  list(sessionId: number): DocumentRow[]
  startPack(sessionId: number): PackJob
  job(id: string): PackJob
  /** Absolute path of a stored document after its SHA-256 is checked; only ids cross the API, never paths. */
  pathOf(id: number): string
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')
const JOBS_KEPT = 50

export function createSessionDocumentService(d: SessionSourceDeps & { documents: DocumentService; dataDir: string }): SessionDocumentService {
  const db: DB = d.db
  const numberOfKind = db.prepare('SELECT number_id FROM documents WHERE session_id = ? AND kind = ? AND data_version = ? AND number_id IS NOT NULL ORDER BY id LIMIT 1').pluck()
  const bySession = db.prepare('SELECT id FROM documents WHERE session_id = ? ORDER BY created_at DESC, id DESC').pluck()
  const register = d.documents.register
  const jobs = new Map<string, PackJob>()

  function source(sessionId: number, kind: DocumentKind): { input: DocumentInput; version: string } {
    const raw = kind === 'sheet-blank' ? blankSheetSource(d, sessionId) : finalizedSource(d, sessionId)
    const parsed = zDocumentInput.safeParse(raw)
    if (!parsed.success) throw new AppError('VALIDATION', `Dữ liệu phiên họp chưa đủ để lập văn bản: ${parsed.error.issues[0]?.message ?? ''}`)
    return { input: parsed.data, version: sha256(canonicalJson(parsed.data)).slice(0, 16) }
  }

  /** The number this session's document of `kind` carries: the one given before, the typed one, or the next free one. */
  function numberFor(sessionId: number, kind: DocumentKind, src: { input: DocumentInput; version: string }, typed?: number): { id: number; value: number } | null {
    const sym = numberSymbol(kind, src.input.province)
    if (!sym) return null
    const given = numberOfKind.get(sessionId, kind, src.version) as number | undefined
    if (given !== undefined) {
      const value = register.numberOf(given)
      if (typed !== undefined && typed !== value) throw new AppError('CONFLICT', `Văn bản này của phiên họp đã được cấp số ${String(value).padStart(2, '0')}/${sym.symbol}; không đổi sang số khác`)
      return { id: given, value }
    }
    const year = Number(src.input[kind as 'minutes'].date.slice(0, 4))
    const count = kind === 'certificate' ? Math.max(1, recognised(src.input).length) : 1
    const r = typed === undefined ? register.allocate(year, sym.symbol, kind, count) : register.reserve(year, sym.symbol, kind, typed, count)
    return { id: r.id, value: r.first }
  }

  async function generate(req: { sessionId: number; kind: DocumentKind; format: 'pdf' | 'docx'; options: BuildOptions; number?: number }): Promise<DocumentRow> {
    const src = source(req.sessionId, req.kind)
    if (req.number !== undefined && !numberSymbol(req.kind, src.input.province)) throw new AppError('VALIDATION', `${DOCUMENT_KINDS[req.kind].label}: loại văn bản này không mang số`)
    const n = numberFor(req.sessionId, req.kind, src, req.number)
    const input = n ? { ...src.input, [req.kind]: { ...src.input[req.kind as 'minutes'], number: n.value } } : src.input
    return d.documents.generate({ kind: req.kind, format: req.format, options: req.options, source: { input }, sessionId: req.sessionId, dataVersion: src.version, ...(n ? { numberId: n.id } : {}) })
  }

  async function runPack(job: PackJob): Promise<void> {
    const kinds: DocumentKind[] = ['minutes', 'decision']
    const src = source(job.sessionId, 'minutes')
    if (candidates5(src.input).length > 0) kinds.push('approval')
    const numbers: Partial<Record<DocumentKind, number>> = {}
    // The pack's documents take their numbers as documents of their own, so the register shows them and a later
    // request for the minutes alone gives the same number.
    for (const [i, kind] of kinds.entries()) {
      job.label = DOCUMENT_KINDS[kind].label
      const row = await generate({ sessionId: job.sessionId, kind, format: 'pdf', options: {} })
      numbers[kind] = register.numberOf(row.number_id!)
      job.progress = ((i + 1) / kinds.length) * 0.1
    }
    const input = { ...src.input }
    for (const k of kinds) Object.assign(input, { [k]: { ...src.input[k as 'minutes'], number: numbers[k] } })
    const row = await d.documents.generatePack({
      source: { input },
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
    nextNumber(sessionId, kind) {
      const src = source(sessionId, kind)
      const sym = numberSymbol(kind, src.input.province)
      if (!sym) return null
      const given = numberOfKind.get(sessionId, kind, src.version) as number | undefined
      const year = Number(src.input[kind as 'minutes'].date.slice(0, 4))
      const issued = register.issued(year, sym.symbol)
      const assigned = given === undefined ? null : `${String(register.numberOf(given)).padStart(2, '0')}/${sym.symbol}`
      return { symbol: sym.symbol, next: (issued.at(-1) ?? 0) + 1, assigned }
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
