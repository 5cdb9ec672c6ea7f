import type { DB } from '../db/connection'
import type { DocumentKind } from '../documents/model'
import type { OfficeDocumentKind } from '../shared/office-documents'
import { AppError } from '../shared/result'

/**
 * Document numbers (NĐ 30: numbering restarts on 1 January; a number is never given twice) and the records of
 * generated files. Allocation reads the year's highest number and inserts in one transaction, so two callers can
 * never take the same number; the UNIQUE (year, symbol, number) constraint backs this up.
 */
export type RegisterKind = DocumentKind | 'pack' | OfficeDocumentKind

export interface DocumentRow {
  id: number
  session_id: number | null
  number_id: number | null
  kind: RegisterKind
  format: 'pdf' | 'docx'
  title: string
  number_text: string | null
  doc_date: string
  data_version: string
  input_sha256: string
  sha256: string
  size: number
  pages: number | null
  file_path: string
  created_at: string
}

export type NewDocument = Omit<DocumentRow, 'id'>

export interface DocumentRegister {
  /** Takes `count` consecutive numbers for (year, symbol); returns the first and its row id. */
  allocate(year: number, symbol: string, kind: RegisterKind, count?: number): { id: number; first: number }
  /** Records numbers given outside the app (e.g. by the e-office system); refuses any already taken. */
  reserve(year: number, symbol: string, kind: RegisterKind, first: number, count?: number): { id: number; first: number }
  numberOf(numberId: number): number
  /** The row id of a number already in the register, undefined if it was never given. */
  idOf(year: number, symbol: string, number: number): number | undefined
  issued(year: number, symbol: string): number[]
  /** The number `allocate` would give next for (year, symbol): shown before a document is issued. */
  next(year: number, symbol: string): number
  findByInput(inputSha256: string, kind: RegisterKind, format: 'pdf' | 'docx'): DocumentRow | undefined
  insert(doc: NewDocument): DocumentRow
  get(id: number): DocumentRow
  list(opts: { kind?: RegisterKind; limit: number }): DocumentRow[]
}

const COLUMNS = 'id, session_id, number_id, kind, format, title, number_text, doc_date, data_version, input_sha256, sha256, size, pages, file_path, created_at'

export function createDocumentRegister(db: DB, now: () => Date = () => new Date()): DocumentRegister {
  const maxNo = db.prepare('SELECT COALESCE(MAX(number), 0) FROM document_numbers WHERE year = ? AND symbol = ?').pluck()
  const insNo = db.prepare('INSERT INTO document_numbers (year, symbol, number, kind, allocated_at) VALUES (?, ?, ?, ?, ?)')
  const taken = db.prepare('SELECT 1 FROM document_numbers WHERE year = ? AND symbol = ? AND number = ?').pluck()
  const issued = db.prepare('SELECT number FROM document_numbers WHERE year = ? AND symbol = ? ORDER BY number').pluck()
  const byInput = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE input_sha256 = ? AND kind = ? AND format = ?`)
  const byId = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE id = ?`)
  const insDoc = db.prepare(`INSERT INTO documents (kind, format, title, session_id, number_id, number_text, doc_date, data_version, input_sha256, sha256, size, pages, file_path, created_at)
    VALUES (@kind, @format, @title, @session_id, @number_id, @number_text, @doc_date, @data_version, @input_sha256, @sha256, @size, @pages, @file_path, @created_at)`)
  const listAll = db.prepare(`SELECT ${COLUMNS} FROM documents ORDER BY created_at DESC, id DESC LIMIT ?`)
  const listKind = db.prepare(`SELECT ${COLUMNS} FROM documents WHERE kind = ? ORDER BY created_at DESC, id DESC LIMIT ?`)

  const allocate = db.transaction((year: number, symbol: string, kind: RegisterKind, count: number) => {
    const first = (maxNo.get(year, symbol) as number) + 1
    let id = 0
    for (let i = 0; i < count; i++) {
      const r = insNo.run(year, symbol, first + i, kind, now().toISOString())
      if (i === 0) id = Number(r.lastInsertRowid)
    }
    return { id, first }
  })
  const reserve = db.transaction((year: number, symbol: string, kind: RegisterKind, first: number, count: number) => {
    let id = 0
    for (let n = first; n < first + count; n++) {
      if (taken.get(year, symbol, n)) throw new AppError('CONFLICT', `Số ${String(n).padStart(2, '0')}/${symbol} năm ${year} đã được cấp cho văn bản khác`)
      const r = insNo.run(year, symbol, n, kind, now().toISOString())
      if (n === first) id = Number(r.lastInsertRowid)
    }
    return { id, first }
  })
  const numberOf = db.prepare('SELECT number FROM document_numbers WHERE id = ?').pluck()
  const idOf = db.prepare('SELECT id FROM document_numbers WHERE year = ? AND symbol = ? AND number = ?').pluck()

  return {
    allocate: (year, symbol, kind, count = 1) => {
      if (!Number.isInteger(count) || count < 1) throw new AppError('VALIDATION', 'Số lượng số văn bản cần cấp phải từ 1 trở lên')
      return allocate(year, symbol, kind, count)
    },
    reserve: (year, symbol, kind, first, count = 1) => reserve(year, symbol, kind, first, count),
    numberOf: (id) => numberOf.get(id) as number,
    idOf: (year, symbol, n) => idOf.get(year, symbol, n) as number | undefined,
    issued: (year, symbol) => issued.all(year, symbol) as number[],
    next: (year, symbol) => (maxNo.get(year, symbol) as number) + 1,
    findByInput: (sha, kind, format) => byInput.get(sha, kind, format) as DocumentRow | undefined,
    insert(doc) {
      const id = Number(insDoc.run(doc).lastInsertRowid)
      return byId.get(id) as DocumentRow
    },
    get(id) {
      const row = byId.get(id) as DocumentRow | undefined
      if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản')
      return row
    },
    list: ({ kind, limit }) => (kind ? listKind.all(kind, limit) : listAll.all(limit)) as DocumentRow[]
  }
}
