import { z } from 'zod'
import { zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

/** Base64 of a PDF up to 25 MB. */
const MAX_PDF_BYTES = 25 * 1024 * 1024

export const zRegisterEntry = z.object({
  sha256: z.string(),
  kind: z.enum(['issued', 'signed']),
  title: z.string(),
  fileName: z.string(),
  issuedAt: z.string(),
  sessionId: z.number().int().nullable(),
  sessionLabel: z.string().nullable(),
  verificationCode: z.string().nullable(),
  /** The audit chain head of the session's finalization, as printed next to the code (issue 11). */
  auditHead: z.string().nullable(),
  /** What `audit verify --expect <auditHead>` finds in the data now; empty when the chain and the seals match. */
  auditProblems: z.array(z.string()),
  sourceSha256: z.string().optional(),
  signerName: z.string().optional()
})
export type RegisterEntryDto = z.infer<typeof zRegisterEntry>

export const zSignatureCheck = z.object({
  valid: z.boolean(),
  coversWholeFile: z.boolean(),
  digestOk: z.boolean(),
  signatureOk: z.boolean(),
  subFilter: z.string().nullable(),
  digestAlgorithm: z.string().nullable(),
  signerName: z.string().nullable(),
  signerSubject: z.string().nullable(),
  issuer: z.string().nullable(),
  certSerial: z.string().nullable(),
  certValidFrom: z.string().nullable(),
  certValidTo: z.string().nullable(),
  signingTime: z.string().nullable(),
  problems: z.array(z.string())
})

export const zPdfCheck = z.object({
  sha256: z.string(),
  byteSize: z.number().int(),
  signatures: z.array(zSignatureCheck),
  /** Set when the file is byte-identical to a document the app issued or signed. */
  issued: zRegisterEntry.nullable(),
  /** For a signed copy: the issued document it was signed from. */
  source: zRegisterEntry.nullable()
})
export type PdfCheck = z.infer<typeof zPdfCheck>

export const zCodeCheck = z.object({ code: z.string(), issued: zRegisterEntry.nullable() })
export type CodeCheck = z.infer<typeof zCodeCheck>

export const verifyMethods = {
  'verify.pdf': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z
      .object({
        fileName: zText.pipe(z.string().max(255, 'Tên tệp quá dài')),
        contentBase64: z
          .string()
          .min(1, 'Chưa chọn tệp PDF')
          .max(Math.ceil(MAX_PDF_BYTES / 3) * 4, 'Tệp PDF lớn hơn 25 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng định dạng base64')
      })
      .strict(),
    output: zPdfCheck,
    bodyLimit: Math.ceil(MAX_PDF_BYTES / 3) * 4 + 4096
  }),
  'verify.code': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ code: zText.pipe(z.string().trim().min(1, 'Nhập mã kiểm tra').max(64, 'Mã kiểm tra quá dài')) }).strict(),
    output: zCodeCheck
  })
}
