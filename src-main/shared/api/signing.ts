import { z } from 'zod'
import { zName, zText } from '../text'
import { zDocumentRecord } from './documents'
import { OFFICE_ROLES, method } from './spec'

/**
 * Sign-off and digital signature (issue 7 §1). The chair, or the signer with KT./TM. authority, approves a finalized
 * session's results; documents generated for that session are signed as PAdES with a PKCS#12 file. The file and its
 * password travel in the one `signing.sign` call and are used for that call only: never stored, logged or returned.
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()
const zDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
const limited = (max: number, what: string) => zName.pipe(z.string().max(max, `${what} quá dài (tối đa ${max} ký tự)`))

/** A PKCS#12 file is a few kilobytes; 1 MB leaves room for long chains. */
const MAX_P12_BYTES = 1024 * 1024
const base64Of = (max: number, empty: string, tooBig: string) =>
  z
    .string()
    .min(1, empty)
    .max(Math.ceil(max / 3) * 4, tooBig)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng định dạng base64')

export const SIGN_AUTHORITIES = ['', 'TM.', 'KT.', 'TL.', 'TUQ.', 'Q.'] as const
/** Documents of a finalized session that can be generated here for signing. */
export const SIGNABLE_KINDS = ['decision', 'minutes', 'summary', 'report'] as const

export const zApproval = z.object({
  id: z.number().int(),
  sessionId: z.number().int().nullable(),
  subject: z.string(),
  approverName: z.string(),
  approverRole: z.enum(['chair', 'signer']),
  authority: z.enum(SIGN_AUTHORITIES),
  positionTitle: z.string(),
  note: z.string(),
  approvedAt: z.string()
})
export type ApprovalDto = z.infer<typeof zApproval>

export const zSignedDocument = z.object({
  id: z.number().int(),
  approvalId: z.number().int(),
  sourceSha256: z.string(),
  signedSha256: z.string(),
  fileName: z.string(),
  byteSize: z.number().int(),
  signerSubject: z.string(),
  signerName: z.string(),
  certSerial: z.string(),
  subFilter: z.string(),
  signedAt: z.string()
})
export type SignedDocumentDto = z.infer<typeof zSignedDocument>

export const signingMethods = {
  'signing.approve': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      sessionId: zId,
      subject: limited(300, 'Nội dung phê duyệt'),
      approverName: limited(120, 'Họ tên người phê duyệt'),
      approverRole: z.enum(['chair', 'signer'], { message: 'Chọn Chủ tịch Hội đồng hoặc người ký thay' }),
      authority: z.enum(SIGN_AUTHORITIES, { message: 'Thẩm quyền ký không hợp lệ' }),
      positionTitle: limited(120, 'Chức vụ'),
      note: zText.pipe(z.string().max(1000, 'Ghi chú quá dài')).optional()
    }),
    output: zApproval
  }),
  'signing.approvals': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId.optional() }), output: z.array(zApproval) }),
  /** Generates (or returns the already generated) document of the approval's session, signed off by the approver. */
  'signing.generate': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      approvalId: zId,
      kind: z.enum(SIGNABLE_KINDS, { message: 'Loại văn bản không ký được ở đây' }),
      issueDate: zDay,
      endTime: z.string().regex(/^[0-2]\d:[0-5]\d$/, 'Giờ kết thúc phải có dạng HH:MM')
    }),
    output: zDocumentRecord
  }),
  'signing.sign': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      approvalId: zId,
      documentId: zId,
      p12Base64: base64Of(MAX_P12_BYTES, 'Chưa chọn tệp chứng thư số (.p12/.pfx)', 'Tệp chứng thư số lớn hơn 1 MB'),
      password: z.string().min(1, 'Nhập mật khẩu chứng thư số').max(256, 'Mật khẩu quá dài'),
      organisation: limited(200, 'Tên cơ quan'),
      reason: limited(200, 'Lý do ký'),
      location: limited(120, 'Địa danh')
    }),
    output: zSignedDocument
  }),
  'signing.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ approvalId: zId.optional() }), output: z.array(zSignedDocument) }),
  'signing.download': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ id: zId }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), sha256: z.string(), base64: z.string() })
  })
}
