import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { Core } from '../core'
import { DOCUMENT_KINDS, type DocumentKind } from '../shared/documents'
import { AppError } from '../shared/result'
import { argValue, callApi, openCliCore } from './demo'
import type { CliIo } from './rate'

/**
 * `documents --data-dir DIR --session N --out DIR`: every document kind of a session, PDF and (for the editable ones)
 * DOCX, generated through the API as the Văn bản tab does — issued documents with their registered numbers, the
 * others as drafts — and written to the output folder; one line per file on stdout: kind, format, number, path.
 */
const EXIT_INVALID = 2
const NUMBERED = new Set<DocumentKind>(['minutes', 'report', 'submission', 'decision', 'approval', 'notice', 'certificate'])

export interface WrittenDocument {
  kind: DocumentKind
  format: 'pdf' | 'docx'
  number: string | null
  file: string
  productId?: number
}

export async function runDocuments(argv: readonly string[], io: CliIo): Promise<number> {
  let dataDir: string, out: string, sessionId: number
  try {
    const d = argValue(argv, '--data-dir')
    const o = argValue(argv, '--out')
    const s = argValue(argv, '--session')
    if (!d || !o || !s) throw new AppError('VALIDATION', 'Cách dùng: documents --data-dir DIR --session N --out DIR')
    sessionId = Number(s)
    if (!Number.isInteger(sessionId) || sessionId < 1) throw new AppError('VALIDATION', `Mã phiên họp không hợp lệ: ${s}`)
    dataDir = resolve(d)
    out = resolve(o)
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`)
    return EXIT_INVALID
  }
  const core = await openCliCore(dataDir)
  try {
    const written = await writeSessionDocuments(core, sessionId, out)
    for (const w of written) io.stdout(`${w.kind}\t${w.format}\t${w.number ?? (NUMBERED.has(w.kind) ? 'DỰ THẢO' : '—')}\t${w.file}\n`)
    io.stdout(`${written.length} tệp trong ${out}\n`)
    return 0
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  } finally {
    core.close()
  }
}

/** Writes the session's documents into `out`; `docx: false` leaves the DOCX twins out (the PDF checker needs only PDFs). */
export async function writeSessionDocuments(core: Core, sessionId: number, out: string, opts: { docx?: boolean } = {}): Promise<WrittenDocument[]> {
  const session = await callApi(core, 'sessions.get', { id: sessionId })
  const results = await callApi(core, 'results.list', { sessionId })
  const firstProduct = session.agenda[0]?.productId
  const firstScorer = session.members.find((m) => m.scores)?.id
  const recognised = results.filter((r) => r.outcome === 'recognised-by-province')
  mkdirSync(out, { recursive: true })
  const jobs: Array<{ kind: DocumentKind; productId?: number; memberId?: number; suffix?: string }> = [
    { kind: 'summary' },
    { kind: 'minutes' },
    { kind: 'report' },
    { kind: 'submission' },
    { kind: 'decision' },
    ...(results.some((r) => r.outcome === 'proposed-5-star') ? [{ kind: 'approval' as const }] : []),
    ...(recognised.length > 0 ? [{ kind: 'certificate' as const }, { kind: 'certificate' as const, productId: recognised[0]!.productId, suffix: `-sp${recognised[0]!.productId}` }] : []),
    { kind: 'notice' },
    ...(firstProduct !== undefined ? [{ kind: 'notice' as const, productId: firstProduct, suffix: `-sp${firstProduct}` }] : []),
    ...(firstProduct !== undefined && firstScorer !== undefined
      ? [
          { kind: 'sheet-blank' as const, productId: firstProduct, memberId: firstScorer },
          { kind: 'sheet' as const, productId: firstProduct, memberId: firstScorer }
        ]
      : [])
  ]
  const written: WrittenDocument[] = []
  for (const j of jobs)
    for (const format of DOCUMENT_KINDS[j.kind].editable && opts.docx !== false ? (['pdf', 'docx'] as const) : (['pdf'] as const)) {
      const rec = await callApi(core, 'documents.forSession', { sessionId, kind: j.kind, format, ...(j.productId ? { productId: j.productId } : {}), ...(j.memberId ? { memberId: j.memberId } : {}) })
      const file = await callApi(core, 'documents.download', { id: rec.id })
      const path = join(out, `${j.kind}${j.suffix ?? ''}.${format}`)
      writeFileSync(path, Buffer.from(file.base64, 'base64'))
      written.push({ kind: j.kind, format, number: rec.number, file: path, ...(j.productId ? { productId: j.productId } : {}) })
    }
  return written
}
