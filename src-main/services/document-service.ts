import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DB } from '../db/connection'
import { documentDate, type BuildOptions } from '../documents/build'
import { recognised } from '../documents/context'
import { lamDongFixture, type FixtureId } from '../documents/fixtures/lam-dong'
import { docSymbol } from '../documents/layout/decree30'
import { DOCUMENT_KINDS, type DocumentInput, type DocumentKind, type ProvinceSettings } from '../documents/model'
import { renderPack } from '../documents/pack'
import { createRenderService, type RenderService } from '../documents/render-service'
import type { CriteriaSet } from '../shared/criteria'
import { OFFICE_DOCUMENTS, type OfficeDocumentKind } from '../shared/office-documents'
import { AppError } from '../shared/result'
import type { TextDocument } from '../documents/layout/ast'
import { createDocumentRegister, type DocumentRegister, type DocumentRow, type RegisterKind } from './document-register'

/**
 * Generates, numbers, stores and serves official documents. The same input (kind, options, DTO) is generated once:
 * asking again returns the stored document, and rendering is deterministic, so a lost file is reproduced bit for bit.
 */
export type DocumentSource = { fixture: FixtureId } | { input: DocumentInput }

export interface DocumentService {
  /** `numberId`: a number the caller already took from the register for this document (the input carries its value). */
  generate(req: { kind: DocumentKind; format: 'pdf' | 'docx'; options: BuildOptions; source: DocumentSource; sessionId?: number | null; dataVersion?: string; numberId?: number }): Promise<DocumentRow>
  /**
   * A text document built by the caller (the office's documents outside a session): stored once per input, with the
   * number the caller read from the register (null for a draft).
   */
  generateText(req: { kind: OfficeDocumentKind; format: 'pdf' | 'docx'; text: TextDocument; date: string; inputSha256: string; numberId: number | null; numberText: string | null; dataVersion: string }): Promise<DocumentRow>
  generatePack(req: { source: DocumentSource; sessionId?: number | null; onProgress?: (p: { done: number; total: number; label: string }) => void }): Promise<DocumentRow>
  list(opts: { kind?: RegisterKind; limit: number }): DocumentRow[]
  read(id: number): { row: DocumentRow; bytes: Buffer }
  register: DocumentRegister
  close(): Promise<void>
}

type NumberedKind = 'minutes' | 'report' | 'submission' | 'decision' | 'approval' | 'notice' | 'certificate'
const NUMBERED: Record<NumberedKind, (p: ProvinceSettings) => [abbr: string, issuer: string]> = {
  minutes: (p) => ['BB', p.council.symbol],
  report: (p) => ['BC', p.council.symbol],
  submission: (p) => ['TTr', p.agency.symbol],
  decision: (p) => ['QĐ', p.committee.symbol],
  approval: (p) => ['QĐ', p.committee.symbol],
  notice: (p) => ['TB', p.agency.symbol],
  certificate: (p) => {
    const [abbr, ...rest] = p.certificateSymbol.split('-')
    return [abbr!, rest.join('-') || 'OCOP']
  }
}
const isNumbered = (k: DocumentKind): k is NumberedKind => k in NUMBERED

/** The register's symbol ("QĐ-UBND") of a numbered kind, null for the unnumbered ones. */
export function numberSymbol(kind: DocumentKind, p: ProvinceSettings): { symbol: string; abbr: string; issuer: string } | null {
  if (!isNumbered(kind)) return null
  const [abbr, issuer] = NUMBERED[kind](p)
  return { symbol: `${abbr}-${issuer}`, abbr, issuer }
}

/** JSON with sorted keys: the hash of the input does not depend on key order. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`
  return JSON.stringify(v)
}
const sha256 = (b: string | Uint8Array) => createHash('sha256').update(b).digest('hex')

export function createDocumentService(deps: { db: DB; dataDir: string; fontsDir: string; getSet: (id: string) => CriteriaSet; now?: () => Date; renderer?: RenderService }): DocumentService {
  const now = deps.now ?? (() => new Date())
  const register = createDocumentRegister(deps.db, now)
  let renderer = deps.renderer ?? null
  const service = () => (renderer ??= createRenderService({ fontsDir: deps.fontsDir }))

  const resolve = (s: DocumentSource): DocumentInput => ('fixture' in s ? lamDongFixture(deps.getSet) : s.input)

  /** Writes through a temporary file, records the row, and removes the file again if the row cannot be written. */
  function store(bytes: Uint8Array, rel: string, row: Omit<DocumentRow, 'id' | 'sha256' | 'size' | 'file_path' | 'created_at'>): DocumentRow {
    const file = join(deps.dataDir, rel)
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(`${file}.tmp`, bytes)
    renameSync(`${file}.tmp`, file)
    try {
      return register.insert({ ...row, sha256: sha256(bytes), size: bytes.byteLength, file_path: rel, created_at: now().toISOString() })
    } catch (err) {
      rmSync(file, { force: true })
      throw err
    }
  }

  /**
   * The number a document prints. A session's document (an input source) carries the number the office issued, read
   * from the register by the caller, or none (a draft): nothing is allocated here, so re-generating or signing never
   * takes a new number. Certificates carry each product's registered number. Only a document outside any session
   * (the sample fixture, a stand-alone DTO) numbers itself: it reuses the number of the same input in the other
   * format, else allocates or reserves.
   */
  function number(kind: DocumentKind, input: DocumentInput, inputSha: string, format: 'pdf' | 'docx', standalone: boolean, options: BuildOptions, preset?: number): { input: DocumentInput; numberId: number | null; text: string | null } {
    if (!isNumbered(kind)) return { input, numberId: null, text: null }
    const issue = input[kind]
    const [abbr, issuer] = NUMBERED[kind](input.province)
    if (preset !== undefined) return { input, numberId: preset, text: docSymbol(register.numberOf(preset), abbr, issuer) }
    const symbol = `${abbr}-${issuer}`
    const year = Number(issue.date.slice(0, 4))
    if (!standalone && kind === 'certificate') {
      const list = recognised(input).filter((p) => !options.productId || p.id === options.productId)
      const numbers = list.map((p) => p.certificate?.number).filter((n): n is string => !!n)
      return { input, numberId: null, text: numbers.length > 0 ? numbers.join(', ') : null }
    }
    if (!standalone) {
      if (issue.number === null) return { input, numberId: null, text: null }
      const id = register.idOf(year, symbol, issue.number)
      if (id === undefined) throw new AppError('CONFLICT', `Số ${docSymbol(issue.number, abbr, issuer)} không có trong sổ văn bản; hãy ban hành văn bản để lấy số`)
      return { input, numberId: id, text: docSymbol(issue.number, abbr, issuer) }
    }
    const sibling = register.findByInput(inputSha, kind, format === 'pdf' ? 'docx' : 'pdf')
    let numberId: number
    let value: number
    if (sibling?.number_id) {
      numberId = sibling.number_id
      value = register.numberOf(numberId)
    } else {
      const count = kind === 'certificate' ? Math.max(1, recognised(input).length) : 1
      const r = issue.number === null ? register.allocate(year, symbol, kind, count) : register.reserve(year, symbol, kind, issue.number, count)
      numberId = r.id
      value = r.first
    }
    return { input: { ...input, [kind]: { ...issue, number: value } }, numberId, text: docSymbol(value, abbr, issuer) }
  }

  return {
    register,
    async generate(req) {
      const input = resolve(req.source)
      const inputSha = sha256(canonicalJson({ kind: req.kind, options: req.options, input }))
      const existing = register.findByInput(inputSha, req.kind, req.format)
      if (existing) return existing
      if (req.format === 'docx' && !DOCUMENT_KINDS[req.kind].editable) throw new AppError('VALIDATION', `${DOCUMENT_KINDS[req.kind].label}: chỉ xuất được PDF`)
      // Documents of a session print only what the register issued; a stand-alone DTO (no session) numbers itself as before.
      const numbered = number(req.kind, input, inputSha, req.format, 'fixture' in req.source || req.sessionId == null, req.options, req.numberId)
      const r = await service().run({ type: 'document', kind: req.kind, input: numbered.input, options: req.options, format: req.format })
      const date = documentDate(req.kind, numbered.input)
      return store(r.bytes, join('documents', date.slice(0, 4), `${req.kind}-${inputSha.slice(0, 16)}.${req.format}`), {
        kind: req.kind,
        format: req.format,
        title: DOCUMENT_KINDS[req.kind].label,
        session_id: req.sessionId ?? null,
        number_id: numbered.numberId,
        number_text: numbered.text,
        doc_date: date,
        data_version: req.dataVersion ?? input.format,
        input_sha256: inputSha,
        pages: r.pages
      })
    },
    async generateText(req) {
      const existing = register.findByInput(req.inputSha256, req.kind, req.format)
      if (existing) return existing
      const r = await service().run({ type: 'text', text: req.text, date: req.date, format: req.format })
      return store(r.bytes, join('documents', req.date.slice(0, 4), `${req.kind}-${req.inputSha256.slice(0, 16)}.${req.format}`), {
        kind: req.kind,
        format: req.format,
        title: OFFICE_DOCUMENTS[req.kind].label,
        session_id: null,
        number_id: req.numberId,
        number_text: req.numberText,
        doc_date: req.date,
        data_version: req.dataVersion,
        input_sha256: req.inputSha256,
        pages: r.pages
      })
    },
    async generatePack(req) {
      const input = resolve(req.source)
      const inputSha = sha256(canonicalJson({ kind: 'pack', input }))
      const existing = register.findByInput(inputSha, 'pack', 'pdf')
      if (existing) return existing
      const pack = await renderPack(service(), input, req.onProgress)
      return store(pack.bytes, join('documents', input.session.date.slice(0, 4), `pack-${inputSha.slice(0, 16)}.pdf`), {
        kind: 'pack',
        format: 'pdf',
        title: `Hồ sơ phiên họp ${input.session.batch}`,
        session_id: req.sessionId ?? null,
        number_id: null,
        number_text: null,
        doc_date: input.session.date,
        data_version: input.format,
        input_sha256: inputSha,
        pages: pack.pages
      })
    },
    list: (opts) => register.list(opts),
    read(id) {
      const row = register.get(id)
      const file = join(deps.dataDir, row.file_path)
      if (!existsSync(file)) throw new AppError('NOT_FOUND', 'Tệp văn bản không còn trong thư mục dữ liệu; hãy tạo lại văn bản')
      const bytes = readFileSync(file)
      if (sha256(bytes) !== row.sha256) throw new AppError('CONFLICT', 'Tệp văn bản đã bị thay đổi ngoài ứng dụng (mã SHA-256 không khớp)')
      return { row, bytes }
    },
    async close() {
      await renderer?.close()
      renderer = null
    }
  }
}
