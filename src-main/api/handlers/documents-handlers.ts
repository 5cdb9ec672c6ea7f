import type { DocumentRow } from '../../services/document-register'
import type { DocumentService } from '../../services/document-service'
import type { DocumentRecord } from '../../shared/api/documents'
import type { Registry } from '../registry'

const MIME = { pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } as const

/** A download name the office recognises: type, number and date, no characters file systems refuse. */
export function fileNameOf(row: DocumentRow): string {
  const base = [row.title, row.number_text, row.doc_date].filter(Boolean).join(' ').replace(/[\\/:*?"<>|]+/g, '-')
  return `${base}.${row.format}`.normalize('NFC')
}

export function toRecord(row: DocumentRow): DocumentRecord {
  return {
    id: row.id,
    kind: row.kind,
    format: row.format,
    title: row.title,
    number: row.number_text,
    date: row.doc_date,
    dataVersion: row.data_version,
    inputSha256: row.input_sha256,
    sha256: row.sha256,
    size: row.size,
    pages: row.pages,
    fileName: fileNameOf(row),
    createdAt: row.created_at
  }
}

export function registerDocumentsHandlers(r: Registry, deps: { documents: DocumentService }): void {
  r.handle('documents.generate', async (i) => {
    const options = { ...(i.productId ? { productId: i.productId } : {}), ...(i.memberId ? { memberId: i.memberId } : {}) }
    return toRecord(await deps.documents.generate({ kind: i.kind, format: i.format, options, source: i.source }))
  })
  r.handle('documents.generatePack', async (i) => toRecord(await deps.documents.generatePack({ source: i.source })))
  r.handle('documents.list', (i) => deps.documents.list({ ...(i.kind ? { kind: i.kind } : {}), limit: i.limit }).map(toRecord))
  r.handle('documents.download', (i) => {
    const { row, bytes } = deps.documents.read(i.id)
    return { fileName: fileNameOf(row), mimeType: MIME[row.format], sha256: row.sha256, base64: bytes.toString('base64') }
  })
}
