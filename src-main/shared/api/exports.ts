import { z } from 'zod'
import { zText } from '../text'
import { zFileOut, zDay } from './certificates'
import { OFFICE_ROLES, method } from './spec'

/** Exports for upload and reporting (docs/exports.md): every file comes back base64 with its SHA-256. */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

export const exportsMethods = {
  'exports.ptntOcop': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ format: z.enum(['xlsx', 'csv']), asOf: zDay.optional() }), output: zFileOut }),
  'exports.nationalRecords': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ format: z.enum(['xlsx', 'json']), asOf: zDay.optional() }), output: zFileOut }),
  'exports.annex': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: zFileOut }),
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
