import { z } from 'zod'
import { DOCUMENT_KIND_NAMES } from '../documents'
import { zDocumentRecord } from './documents'
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
        memberId: z.number().int().positive('Mã thành viên không hợp lệ').optional(),
        /** A number typed by the secretary (e.g. given by the e-office system); absent takes the next free one. */
        number: z.number({ error: 'Số văn bản phải là số nguyên' }).int('Số văn bản phải là số nguyên').min(1, 'Số văn bản phải từ 1 trở lên').max(99999, 'Số văn bản quá lớn').optional()
      })
      .strict(),
    output: zDocumentRecord
  }),
  /** The number the document would take: the one it already has for this data, or the next free one. */
  'documents.nextNumber': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ sessionId: zSessionId, kind: zKind }).strict(),
    output: z.object({ symbol: z.string(), next: z.number().int(), assigned: z.string().nullable() }).nullable()
  }),
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
