import { z } from 'zod'
import { DOCUMENT_KIND_NAMES } from '../documents'
import { zDocumentRecord } from './documents'
import { zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

/**
 * Documents generated from a council session's own records (issue 6 end to end): numbers from the register, packs
 * as jobs polled by the UI (works the same over IPC and HTTP), and printing through the system viewer on desktop.
 */
const zSessionId = z.number({ error: 'Cần chọn phiên họp' }).int().positive('Mã phiên họp không hợp lệ')
const zKind = z.enum(DOCUMENT_KIND_NAMES, { message: 'Loại văn bản không hợp lệ' })

export const zPackJob = z.object({
  id: z.string(),
  sessionId: z.number().int(),
  /** 0..1 */
  progress: z.number().min(0).max(1),
  /** What is being rendered now, in Vietnamese. */
  label: z.string(),
  done: z.boolean(),
  error: z.string().nullable(),
  documentId: z.number().int().nullable()
})
export type PackJobStatus = z.infer<typeof zPackJob>

const zIssueDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s, 'Ngày không tồn tại')

export const zIssueRecord = z.object({
  kind: z.enum(['minutes', 'report', 'submission', 'decision', 'approval', 'notice']),
  productId: z.number().int().nullable(),
  /** As printed and registered: "05/QĐ-UBND". */
  number: z.string(),
  date: z.string(),
  settingsVersion: z.number().int(),
  issuedAt: z.string()
})
export type IssueRecordOut = z.infer<typeof zIssueRecord>

const zMinutesTextIn = z
  .object({
    sessionId: zSessionId,
    endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ kết thúc phải có dạng HH:MM').nullable(),
    conclusion: zText.pipe(z.string().trim().max(4000, 'Kết luận tối đa 4000 ký tự')),
    /** Member (seat) id → reason of absence for print; it adds to the roll-call's reason, never replaces it. */
    absences: z.record(z.string().regex(/^\d+$/, 'Mã thành viên không hợp lệ'), zText.pipe(z.string().trim().max(200, 'Lý do tối đa 200 ký tự')))
  })
  .strict()
const zMinutesTextOut = z.object({
  endTime: z.string().nullable(),
  conclusion: z.string(),
  absences: z.record(z.string(), z.string()),
  /** The conclusion the minutes print while none is written. */
  defaultConclusion: z.string(),
  /** Members marked absent at roll-call: id, name, and the reason and proxy note recorded there (the source). */
  absent: z.array(z.object({ id: z.number().int(), name: z.string(), rollCallReason: z.string(), proxyNote: z.string() })),
  /** Issued minutes cannot change. */
  locked: z.boolean()
})
export type MinutesTextOut = z.infer<typeof zMinutesTextOut>

export const sessionDocumentsMethods = {
  /** Any document of a finalized session; the blank sheets also for an open one (paper scoring). */
  'documents.forSession': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        sessionId: zSessionId,
        kind: zKind,
        format: z.enum(['pdf', 'docx'], { message: 'Định dạng phải là PDF hoặc DOCX' }).default('pdf'),
        productId: z.number().int().positive('Mã sản phẩm không hợp lệ').optional(),
        memberId: z.number().int().positive('Mã thành viên không hợp lệ').optional()
      })
      .strict(),
    output: zDocumentRecord
  }),
  /**
   * Issues a document of the session: it takes its number from the register once (the next free one, or one typed
   * from the e-office system) and keeps it; refused while a document it cites is not issued.
   */
  'documents.issue': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        sessionId: zSessionId,
        kind: zKind,
        /** A one-product notice: that product's own notice. */
        productId: z.number().int().positive('Mã sản phẩm không hợp lệ').optional(),
        date: zIssueDate.optional(),
        number: z.number({ error: 'Số văn bản phải là số nguyên' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').optional()
      })
      .strict(),
    output: zIssueRecord
  }),
  'documents.issues': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ sessionId: zSessionId }).strict(), output: z.array(zIssueRecord) }),
  /** The number the document has if issued, else the next free one it would take (shown in the confirmation). */
  'documents.nextNumber': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ sessionId: zSessionId, kind: zKind, productId: z.number().int().positive().optional() }).strict(),
    output: z.object({ symbol: z.string(), next: z.number().int(), assigned: z.string().nullable() }).nullable()
  }),
  /** What only the minutes say: the real end time, absence reasons, the conclusion (with the generated default). */
  'documents.minutesText': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ sessionId: zSessionId }).strict(), output: zMinutesTextOut }),
  'documents.saveMinutesText': method({ kind: 'command', roles: OFFICE_ROLES, input: zMinutesTextIn, output: zMinutesTextOut }),
  'documents.sessionList': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ sessionId: zSessionId }).strict(),
    output: z.array(zDocumentRecord)
  }),
  'documents.startPack': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ sessionId: zSessionId }).strict(), output: zPackJob }),
  'documents.jobStatus': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ jobId: z.string().min(1, 'Thiếu mã tác vụ').max(100) }).strict(), output: zPackJob }),
  /** Desktop only: the stored file (by id, never by path) opens in the system's PDF viewer for printing. */
  'documents.openInViewer': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ id: z.number().int().min(1) }).strict(), output: z.object({ opened: z.literal(true) }) })
}
