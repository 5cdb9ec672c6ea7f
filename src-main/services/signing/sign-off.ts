import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DB } from '../../db/connection'
import { zDocumentInput } from '../../shared/documents'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'
import type { CriteriaService } from '../criteria-service'
import type { DocumentRow } from '../document-register'
import type { DocumentService } from '../document-service'
import { finalizedSource } from '../session-document-source'
import type { SettingsStore } from '../settings-service'
import { approvedSource } from './letterheads'
import { signatureState } from './sign-pdf'
import type { Approval, ApprovalInput, SignedDocument, SigningService } from './signing-service'

export type SignableKind = 'decision' | 'minutes' | 'summary' | 'report'

export interface SignOffService {
  approve(i: Omit<ApprovalInput, 'sessionId'> & { sessionId: number }): Approval
  approvals(sessionId?: number): Approval[]
  generate(i: { approvalId: number; kind: SignableKind; issueDate: string; endTime: string }): Promise<DocumentRow>
  /** The PKCS#12 bytes and the password live only for this call. */
  sign(i: { approvalId: number; documentId: number; p12: Uint8Array; password: string; organisation: string; reason: string; location: string }): Promise<SignedDocument>
  list(approvalId?: number): SignedDocument[]
  read(id: number): { doc: SignedDocument; bytes: Buffer }
}

const SIGNED_COLS = `id, approval_id AS approvalId, source_sha256 AS sourceSha256, signed_sha256 AS signedSha256, file_name AS fileName,
  byte_size AS byteSize, signer_subject AS signerSubject, signer_name AS signerName, cert_serial AS certSerial, sub_filter AS subFilter, signed_at AS signedAt`
const APPROVAL_COLS = `id, session_id AS sessionId, subject, approver_name AS approverName, approver_role AS approverRole, authority,
  position_title AS positionTitle, note, approved_at AS approvedAt`

/** The signing API's use cases: sign-off of a finalized session, its documents generated for signing, and signing them. */
export function createSignOffService(d: {
  db: DB
  dataDir: string
  signing: SigningService
  documents: DocumentService
  criteria: CriteriaService
  settings: SettingsStore
  units: AdminUnits
  /** The register's download name of a document; the signed copy is named after it. */
  fileNameOf: (row: DocumentRow) => string
}): SignOffService {
  const { db } = d
  const signedById = db.prepare(`SELECT ${SIGNED_COLS} FROM signed_documents WHERE id = ?`)
  const docSession = db.prepare('SELECT session_id FROM documents WHERE id = ?').pluck()
  const signedFrom = db.prepare('SELECT signed_sha256 FROM signed_documents WHERE source_sha256 = ? ORDER BY id DESC LIMIT 1').pluck()
  const signedFile = (sha: string) => join(d.dataDir, 'files', 'signed', `${sha}.pdf`)

  /**
   * The bytes to sign: the latest signed copy of the document while it still has a signer block without a signature
   * (the minutes: THƯ KÝ signs, then CHỦ TỌA signs that copy as an incremental update); otherwise the register's
   * unsigned document, so signing again replaces a signature rather than stacking one outside the blocks.
   */
  async function bytesToSign(unsigned: Buffer): Promise<Buffer> {
    let current = unsigned
    for (let n = 0; n < 8; n++) {
      const next = signedFrom.get(createHash('sha256').update(current).digest('hex')) as string | undefined
      if (!next || !existsSync(signedFile(next))) break
      current = readFileSync(signedFile(next))
    }
    if (current === unsigned) return unsigned
    const state = await signatureState(current)
    return state.signatures < state.blocks ? current : unsigned
  }

  return {
    approve: (i) => d.signing.approve(i),
    approvals: (sessionId) =>
      (sessionId === undefined
        ? db.prepare(`SELECT ${APPROVAL_COLS} FROM sign_approvals ORDER BY id DESC`).all()
        : db.prepare(`SELECT ${APPROVAL_COLS} FROM sign_approvals WHERE session_id = ? ORDER BY id DESC`).all(sessionId)) as Approval[],
    async generate(i) {
      const a = d.signing.getApproval(i.approvalId)
      if (a.sessionId === null) throw new AppError('VALIDATION', 'Phê duyệt này không gắn với phiên họp nào; không lập được văn bản')
      const raw = approvedSource(finalizedSource(d, a.sessionId), a, i)
      const parsed = zDocumentInput.safeParse(raw)
      if (!parsed.success) throw new AppError('VALIDATION', `Dữ liệu phiên họp chưa đủ để lập văn bản: ${parsed.error.issues[0]?.message ?? ''}`)
      return d.documents.generate({ kind: i.kind, format: 'pdf', options: {}, source: { input: parsed.data }, sessionId: a.sessionId })
    },
    async sign(i) {
      const a = d.signing.getApproval(i.approvalId)
      const { row, bytes } = d.documents.read(i.documentId)
      if (row.format !== 'pdf') throw new AppError('VALIDATION', 'Chỉ ký số được văn bản PDF')
      if (a.sessionId !== null && docSession.get(row.id) !== a.sessionId) throw new AppError('CONFLICT', 'Văn bản không thuộc phiên họp đã được phê duyệt')
      const fileName = d.fileNameOf(row).replace(/\.pdf$/, ' (đã ký).pdf')
      const { pdf: _bytes, ...doc } = await d.signing.sign({
        approvalId: a.id,
        pdf: await bytesToSign(bytes),
        fileName,
        p12: i.p12,
        password: i.password,
        organisation: i.organisation,
        reason: i.reason,
        location: i.location
      })
      return doc
    },
    list: (approvalId) =>
      (approvalId === undefined
        ? db.prepare(`SELECT ${SIGNED_COLS} FROM signed_documents ORDER BY id DESC`).all()
        : db.prepare(`SELECT ${SIGNED_COLS} FROM signed_documents WHERE approval_id = ? ORDER BY id DESC`).all(approvalId)) as SignedDocument[],
    read(id) {
      const doc = signedById.get(id) as SignedDocument | undefined
      if (!doc) throw new AppError('NOT_FOUND', `Không có văn bản đã ký số ${id}`)
      const file = signedFile(doc.signedSha256)
      if (!existsSync(file)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp của văn bản đã ký ${doc.fileName}`)
      return { doc, bytes: readFileSync(file) }
    }
  }
}
