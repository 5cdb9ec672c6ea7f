import type { DB } from '../../db/connection'
import { checkIntegrity, finalizeHead } from '../sessions/integrity'
import { codeFromSha256, sha256PrefixOfCode } from './verification-code'
import { formatDay } from '../../shared/vn-format'

/** One document the app issued, as the verification screen shows it. */
export interface RegisterEntry {
  sha256: string
  kind: 'issued' | 'signed'
  /** e.g. "Quyết định", "Biên bản họp Hội đồng". */
  title: string
  fileName: string
  issuedAt: string
  sessionId: number | null
  /** e.g. "Phiên họp ngày 28/11/2026 tại … — Đợt 1/2026". */
  sessionLabel: string | null
  verificationCode: string | null
  /** The session's finalize-event chain head (printed on its minutes and decision) and what checking it finds now. */
  auditHead: string | null
  auditProblems: string[]
  /** Signed copies name the issued document they were made from. */
  sourceSha256?: string
  signerName?: string
}

/**
 * The SHA-256 register of issued documents, as verification needs it. The documents module (issue 6) implements
 * it over its register table; signed copies come from signed_documents (migration 006).
 */
export interface DocumentRegister {
  bySha256(sha256: string): RegisterEntry | null
  byCode(code: string): RegisterEntry | null
}

export const emptyRegister: DocumentRegister = { bySha256: () => null, byCode: () => null }

/** The first register that knows the document wins. */
export function composeRegisters(...registers: DocumentRegister[]): DocumentRegister {
  return {
    bySha256: (h) => registers.reduce<RegisterEntry | null>((hit, r) => hit ?? r.bySha256(h), null),
    byCode: (c) => registers.reduce<RegisterEntry | null>((hit, r) => hit ?? r.byCode(c), null)
  }
}

const hasTable = (db: DB, name: string): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(name) !== undefined

function sessionLabel(db: DB, id: number | null): string | null {
  if (id === null || !hasTable(db, 'sessions')) return null
  const s = db.prepare(`SELECT s.date, s.place, r.name AS round FROM sessions s JOIN rounds r ON r.id = s.round_id WHERE s.id = ?`).get(id) as
    | { date: string; place: string; round: string }
    | undefined
  return s ? `Phiên họp ngày ${formatDay(s.date)} tại ${s.place} — ${s.round}` : null
}

/** The anchored head of a session and the findings of checking the data against it. */
function auditOf(db: DB, sessionId: number | null): { auditHead: string | null; auditProblems: string[] } {
  const head = sessionId === null ? null : finalizeHead(db, sessionId)
  if (!head) return { auditHead: null, auditProblems: [] }
  return { auditHead: head, auditProblems: checkIntegrity(db, { expectHead: head }).problems.map((p) => p.message) }
}

/** Signed copies (migration 006). Answers nothing while the table does not exist yet. */
export function signedRegister(db: DB): DocumentRegister {
  return {
    bySha256(h) {
      if (!hasTable(db, 'signed_documents')) return null
      const row = db
        .prepare(`SELECT d.signed_sha256 AS sha256, d.source_sha256 AS sourceSha256, d.file_name AS fileName, d.signed_at AS issuedAt,
          d.signer_name AS signerName, a.subject AS title, a.session_id AS sessionId
          FROM signed_documents d JOIN sign_approvals a ON a.id = d.approval_id WHERE d.signed_sha256 = ?`)
        .get(h) as Omit<RegisterEntry, 'kind' | 'sessionLabel' | 'verificationCode' | 'auditHead' | 'auditProblems'> | undefined
      return row ? { ...row, kind: 'signed', sessionLabel: sessionLabel(db, row.sessionId), verificationCode: null, ...auditOf(db, row.sessionId) } : null
    },
    byCode: () => null
  }
}

interface DocumentRow {
  sha256: string
  inputSha256: string
  title: string
  numberText: string | null
  filePath: string
  issuedAt: string
  sessionId: number | null
}

/** Documents the app generated (migration 005); the printed code comes from each one's input_sha256. */
export function documentsRegister(db: DB): DocumentRegister {
  const cols = `sha256, input_sha256 AS inputSha256, title, number_text AS numberText, file_path AS filePath, created_at AS issuedAt, session_id AS sessionId`
  const entry = (r: DocumentRow): RegisterEntry => ({
    sha256: r.sha256,
    kind: 'issued',
    title: r.numberText ? `${r.title} số ${r.numberText}` : r.title,
    fileName: r.filePath.split('/').pop() ?? r.filePath,
    issuedAt: r.issuedAt,
    sessionId: r.sessionId,
    sessionLabel: sessionLabel(db, r.sessionId),
    verificationCode: codeFromSha256(r.inputSha256),
    ...auditOf(db, r.sessionId)
  })
  return {
    bySha256(h) {
      if (!hasTable(db, 'documents')) return null
      const r = db.prepare(`SELECT ${cols} FROM documents WHERE sha256 = ? ORDER BY id LIMIT 1`).get(h) as DocumentRow | undefined
      return r ? entry(r) : null
    },
    byCode(code) {
      if (!hasTable(db, 'documents')) return null
      // PDF first: the code is printed on the PDF; a DOCX of the same content shares it.
      const rows = db
        .prepare(`SELECT ${cols} FROM documents WHERE substr(input_sha256, 1, 12) = ? ORDER BY format = 'pdf' DESC, id`)
        .all(sha256PrefixOfCode(code)) as DocumentRow[]
      const hit = rows.find((r) => codeFromSha256(r.inputSha256) === code)
      return hit ? entry(hit) : null
    }
  }
}
