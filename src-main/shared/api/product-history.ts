import { z } from 'zod'
import { SESSION_MODES } from '../certificates'
import { OFFICE_ROLES, method } from './spec'
import { SESSION_STATUSES } from './sessions'

/** A product's evaluations (every session that had it on the agenda, with its result once finalized) and the export fields. */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

export const zProductEvaluation = z.object({
  sessionId: z.number().int(),
  roundName: z.string(),
  date: z.string(),
  sessionStatus: z.enum(SESSION_STATUSES),
  mode: z.enum(SESSION_MODES),
  stars: z.number().int().nullable(),
  mean: z.number().nullable(),
  outcome: z.string().nullable(),
  resultStatus: z.string().nullable(),
  finalizedAt: z.string().nullable()
})
export type ProductEvaluation = z.infer<typeof zProductEvaluation>

export const zProductExportInfo = z.object({
  productId: z.number().int(),
  annualRevenue: z.number().int().nullable(),
  revenueYear: z.number().int().nullable(),
  story: z.string(),
  updatedAt: z.string().nullable()
})

export const productHistoryMethods = {
  'products.evaluations': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ productId: zId }), output: z.array(zProductEvaluation) }),
  'products.exportInfo': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ productId: zId }), output: zProductExportInfo })
}
