import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DB } from '../../db/connection'
import { AppError } from '../../shared/result'
import { signPdf, type SignaturePosition } from './sign-pdf'

export type Authority = '' | 'TM.' | 'KT.' | 'TL.' | 'TUQ.' | 'Q.'

export interface ApprovalInput {
  sessionId: number | null
  /** What is approved, e.g. "Kết quả phiên họp ngày 28/11/2026" or the decision's number. */
  subject: string
  approverName: string
  approverRole: 'chair' | 'signer'
  authority: Authority
  /** Chức vụ as printed, e.g. "PHÓ CHỦ TỊCH". */
  positionTitle: string
  note?: string
}

export interface Approval extends Required<ApprovalInput> {
  id: number
  approvedAt: string
}

export interface SignInput {
  approvalId: number
  pdf: Uint8Array
  fileName: string
  p12: Uint8Array
  password: string
  organisation: string
  reason: string
  location: string
  signerName?: string
  position?: SignaturePosition
}

export interface SignedDocument {
  id: number
  approvalId: number
  sourceSha256: string
  signedSha256: string
  fileName: string
  byteSize: number
  signerSubject: string
  signerName: string
  certSerial: string
  subFilter: string
  signedAt: string
}

export interface SigningService {
  approve(i: ApprovalInput): Approval
  getApproval(id: number): Approval
  sign(i: SignInput): Promise<SignedDocument & { pdf: Buffer }>
  findSigned(sha256: string): (SignedDocument & { sessionId: number | null }) | null
  listSigned(approvalId: number): SignedDocument[]
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

/** Sign-off then signing. Needs migration 006; signed bytes are kept under <dataDir>/files/signed/<sha256>.pdf. */
export function createSigningService(o: { db: DB; dataDir: string; fontsDir: string; now?: () => Date }): SigningService {
  const now = o.now ?? (() => new Date())
  const { db } = o
  const dir = join(o.dataDir, 'files', 'signed')
  const getApproval = db.prepare(`SELECT id, session_id AS sessionId, subject, approver_name AS approverName, approver_role AS approverRole,
    authority, position_title AS positionTitle, note, approved_at AS approvedAt FROM sign_approvals WHERE id = ?`)
  const cols = (t: string): string =>
    `${t}id, ${t}approval_id AS approvalId, ${t}source_sha256 AS sourceSha256, ${t}signed_sha256 AS signedSha256, ${t}file_name AS fileName,
    ${t}byte_size AS byteSize, ${t}signer_subject AS signerSubject, ${t}signer_name AS signerName, ${t}cert_serial AS certSerial,
    ${t}sub_filter AS subFilter, ${t}signed_at AS signedAt`
  const docCols = cols('')
  const insertDoc = db.prepare(`INSERT INTO signed_documents (approval_id, source_sha256, signed_sha256, file_name, byte_size, signer_subject,
    signer_name, cert_serial, sub_filter, signed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)

  const approval = (id: number): Approval => {
    const row = getApproval.get(id) as Approval | undefined
    if (!row) throw new AppError('NOT_FOUND', `Không có phê duyệt số ${id}`)
    return row
  }

  return {
    approve(i) {
      return db.transaction(() => {
        if (i.sessionId !== null) {
          const s = db.prepare('SELECT status FROM sessions WHERE id = ?').get(i.sessionId) as { status: string } | undefined
          if (!s) throw new AppError('NOT_FOUND', `Không có phiên họp số ${i.sessionId}`)
          if (s.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ phê duyệt được kết quả của phiên họp đã chốt')
        }
        if (i.approverRole === 'chair' && i.authority !== '' && i.authority !== 'TM.')
          throw new AppError('VALIDATION', 'Chủ tịch Hội đồng ký trực tiếp hoặc «TM.»; các thẩm quyền KT., TL., TUQ., Q. dành cho người ký thay')
        const r = db
          .prepare(`INSERT INTO sign_approvals (session_id, subject, approver_name, approver_role, authority, position_title, note, approved_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(i.sessionId, i.subject, i.approverName, i.approverRole, i.authority, i.positionTitle, i.note ?? '', now().toISOString())
        return approval(Number(r.lastInsertRowid))
      })()
    },
    getApproval: approval,
    async sign(i) {
      approval(i.approvalId)
      const out = await signPdf({
        pdf: i.pdf,
        p12: i.p12,
        password: i.password,
        organisation: i.organisation,
        reason: i.reason,
        location: i.location,
        at: now(),
        fontsDir: o.fontsDir,
        ...(i.signerName ? { signerName: i.signerName } : {}),
        ...(i.position ? { position: i.position } : {})
      })
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
      const file = join(dir, `${out.sha256}.pdf`)
      // Written under a temporary name first, so a crash never leaves a half file under the final name.
      writeFileSync(`${file}.part`, out.pdf)
      renameSync(`${file}.part`, file)
      const id = Number(
        insertDoc.run(i.approvalId, sha256(i.pdf), out.sha256, i.fileName, out.pdf.length, out.signerSubject, out.signerName, out.certSerial,
          out.subFilter, out.signedAt, now().toISOString()).lastInsertRowid
      )
      const row = db.prepare(`SELECT ${docCols} FROM signed_documents WHERE id = ?`).get(id) as SignedDocument
      return { ...row, pdf: out.pdf }
    },
    findSigned(hash) {
      const row = db
        .prepare(`SELECT ${cols('d.')}, a.session_id AS sessionId FROM signed_documents d JOIN sign_approvals a ON a.id = d.approval_id WHERE d.signed_sha256 = ?`)
        .get(hash) as (SignedDocument & { sessionId: number | null }) | undefined
      return row ?? null
    },
    listSigned(approvalId) {
      return db.prepare(`SELECT ${docCols} FROM signed_documents WHERE approval_id = ? ORDER BY id`).all(approvalId) as SignedDocument[]
    }
  }
}
