import type { Migration } from './types'

/**
 * The document register (issue 6): numbers per (year, ký hiệu) that restart on 1 January and never repeat — rows are
 * never updated or deleted, so a number once given stays taken even if its document was not produced — and the
 * generated files with their SHA-256 and the hash of the input they came from.
 */
export const DOCUMENT_KIND_CHECK = `'sheet-blank', 'sheet', 'summary', 'minutes', 'report', 'submission', 'decision', 'approval', 'certificate', 'notice', 'pack'`

export const m005Documents: Migration = {
  version: 5,
  name: 'document register and generated documents',
  up(db) {
    db.exec(`
      CREATE TABLE document_numbers (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        symbol TEXT NOT NULL CHECK (length(trim(symbol)) BETWEEN 1 AND 40),
        number INTEGER NOT NULL CHECK (number >= 1),
        kind TEXT NOT NULL CHECK (kind IN (${DOCUMENT_KIND_CHECK})),
        allocated_at TEXT NOT NULL,
        UNIQUE (year, symbol, number)
      ) STRICT;

      CREATE TRIGGER document_numbers_no_update BEFORE UPDATE ON document_numbers
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Số văn bản đã cấp không được sửa'); END;
      CREATE TRIGGER document_numbers_no_delete BEFORE DELETE ON document_numbers
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Số văn bản đã cấp không được xóa'); END;

      CREATE TABLE documents (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN (${DOCUMENT_KIND_CHECK})),
        format TEXT NOT NULL CHECK (format IN ('pdf', 'docx')),
        title TEXT NOT NULL CHECK (length(trim(title)) > 0),
        session_id INTEGER REFERENCES sessions (id) ON DELETE RESTRICT,
        number_id INTEGER REFERENCES document_numbers (id) ON DELETE RESTRICT,
        number_text TEXT,
        doc_date TEXT NOT NULL CHECK (date(doc_date) IS doc_date),
        data_version TEXT NOT NULL CHECK (length(data_version) > 0),
        input_sha256 TEXT NOT NULL CHECK (length(input_sha256) = 64),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        size INTEGER NOT NULL CHECK (size > 0),
        pages INTEGER CHECK (pages IS NULL OR pages > 0),
        file_path TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        UNIQUE (input_sha256, kind, format)
      ) STRICT;
      CREATE INDEX documents_created ON documents (created_at, id);
      CREATE INDEX documents_session ON documents (session_id, kind);
      CREATE INDEX documents_number ON documents (number_id);

      CREATE TRIGGER documents_no_update BEFORE UPDATE ON documents
      BEGIN SELECT RAISE(ABORT, 'IMMUTABLE: Văn bản đã tạo không được sửa'); END;
    `)
  }
}
