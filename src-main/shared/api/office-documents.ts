import { z } from 'zod'
import { OFFICE_DOCUMENT_KINDS } from '../office-documents'
import { zDay } from './certificates'
import { zDocumentRecord } from './documents'
import { OFFICE_ROLES, method } from './spec'

/**
 * The office's Decree 30 documents outside a session (issue 14): the inspection plan, an inspection's biên bản, the
 * improvement letter to a producer, the periodic programme report. Named by what they are about; a draft until
 * issued, then numbered once from the register (services/office-documents/office-document-service.ts).
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const zStar = z.union([z.literal(3), z.literal(4), z.literal(5)])

export const zOfficeRef = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('inspection-plan'), planId: zId }).strict(),
    z.object({ kind: z.literal('inspection-record'), inspectionId: zId }).strict(),
    z
      .object({
        kind: z.literal('advice-letter'),
        sessionId: zId,
        productId: zId,
        target: zStar.optional(),
        /** Criterion codes the council considers feasible (as in advice.product). */
        feasible: z.array(z.string().min(1).max(20)).max(200).default([])
      })
      .strict(),
    z
      .object({ kind: z.literal('periodic-report'), from: zDay, to: zDay })
      .strict()
      .refine((p) => p.from <= p.to, { message: 'Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi', path: ['to'] })
  ],
  { message: 'Loại văn bản không hợp lệ' }
)
export type OfficeRefIn = z.input<typeof zOfficeRef>

export const zOfficeIssue = z.object({
  kind: z.enum(OFFICE_DOCUMENT_KINDS),
  scope: z.string(),
  /** As printed and registered: "03/BB-SNNMT". */
  number: z.string(),
  date: z.string(),
  settingsVersion: z.number().int(),
  issuedAt: z.string()
})
export type OfficeIssueOut = z.infer<typeof zOfficeIssue>

export const officeDocumentsMethods = {
  /** PDF or DOCX of the document: the draft from the records as they are, or the issued one as it was issued. */
  'officeDocuments.generate': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ ref: zOfficeRef, format: z.enum(['pdf', 'docx'], { message: 'Định dạng phải là PDF hoặc DOCX' }).default('pdf') }).strict(),
    output: zDocumentRecord
  }),
  /** Gives the document its number once: the next of the register, or one typed from the e-office system. */
  'officeDocuments.issue': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        ref: zOfficeRef,
        date: zDay.optional(),
        number: z.number({ error: 'Số văn bản phải là số nguyên' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').optional()
      })
      .strict(),
    output: zOfficeIssue
  }),
  /** The number the document has if issued, else the next the register would give (shown in the confirmation). */
  'officeDocuments.status': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ ref: zOfficeRef }).strict(),
    output: z.object({ symbol: z.string(), next: z.number().int(), assigned: z.string().nullable(), date: z.string().nullable() })
  })
}
