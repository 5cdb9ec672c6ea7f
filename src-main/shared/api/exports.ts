import { z } from 'zod'
import { zText } from '../text'
import { zFileOut, zDay } from './certificates'
import { OFFICE_ROLES, method } from './spec'

/** Exports for upload and reporting (docs/exports.md): every file comes back base64 with its SHA-256. */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()
const zRecordedText = (max: number) => z.string().trim().min(1, 'Thiếu số quyết định hoặc cơ quan cấp').max(max)

export const zRecordedDecision = z.object({
  decisionNo: z.string(),
  decisionDate: z.string().nullable(),
  issuingAuthority: z.string(),
  certificates: z.number().int()
})
export type RecordedDecision = z.infer<typeof zRecordedDecision>

export const exportsMethods = {
  'exports.ptntOcop': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ format: z.enum(['xlsx', 'csv']), asOf: zDay.optional() }), output: zFileOut }),
  'exports.nationalRecords': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ format: z.enum(['xlsx', 'json']), asOf: zDay.optional() }), output: zFileOut }),
  /**
   * The annex of a recognition decision: a finalized session's, or a decision issued before the app whose certificates
   * were recorded (issue 12), named by its number and issuing authority as recorded (exports.annexDecisions).
   */
  'exports.annex': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.union([obj({ sessionId: zId }), obj({ decisionNo: zRecordedText(60), issuingAuthority: zRecordedText(200) })], {
      error: () => 'Hãy chọn một phiên họp hoặc một quyết định đã ghi nhận'
    }),
    output: zFileOut
  }),
  /** Decisions issued before the app, from the recorded certificates: what a recorded annex can be exported for. */
  'exports.annexDecisions': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({}), output: z.array(zRecordedDecision) }),
  'exports.fiveStarBundle': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({
      productId: zId,
      /** Documents from the register (documents.list): the province's letter, the reports and the approval decision. */
      letterId: zId,
      advisoryReportId: zId,
      councilReportId: zId,
      approvalId: zId
    }),
    output: zFileOut
  }),
  /** The XLSX exports being written by the export worker right now (catalogue, PTNT_OCOP, national record), for a progress bar. */
  'exports.progress': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({}),
    output: z.array(z.object({ type: z.enum(['catalogue', 'ptnt', 'national']), done: z.number().int(), total: z.number().int() }))
  }),
  'exports.setProductInfo': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      productId: zId,
      annualRevenue: z.number().int('Doanh thu là số nguyên (đồng)').min(0, 'Doanh thu không được âm').max(1e15).nullable(),
      revenueYear: z.number().int().min(2000).max(2999).nullable(),
      story: zText.pipe(z.string().max(20000, 'Câu chuyện sản phẩm quá dài'))
    }),
    output: obj({ productId: z.number().int() })
  })
}
