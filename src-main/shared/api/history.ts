import { z } from 'zod'
import { ALL_ROLES, OFFICE_ROLES, method } from './spec'

/**
 * The previous evaluation of a product coming back for re-evaluation or upgrade (issue 14 §3): what the council
 * decided last time, criterion by criterion when the app holds the sheets, stars only for a certificate recorded
 * from before the app; and which criteria moved by more than one option since.
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')

export const zPreviousCriterion = z.object({
  criterionCode: z.string(),
  optionId: z.string(),
  optionText: z.string(),
  points: z.number(),
  /** Members' mean points and the spread (max − min) of their points on the criterion. */
  meanPoints: z.number(),
  spread: z.number()
})

export const zPreviousEvaluation = z.object({
  source: z.enum(['app', 'recorded']),
  sessionId: z.number().int().nullable(),
  date: z.string().nullable(),
  stars: z.number().int().nullable(),
  mean: z.number().nullable(),
  /** Mean points of parts A, B, C over the counted sheets. */
  parts: z.object({ A: z.number(), B: z.number(), C: z.number() }).nullable(),
  certificate: z.object({ number: z.string(), issuedOn: z.string(), expiryDate: z.string(), stars: z.number().int(), status: z.string() }).nullable(),
  criteria: z.array(zPreviousCriterion)
})
export type PreviousEvaluation = z.infer<typeof zPreviousEvaluation>

export const zProductHistoryView = z.object({
  productId: z.number().int(),
  previous: zPreviousEvaluation.nullable(),
  /** Criteria whose council option now is more than one step from last time (visible rounds only: sealed scoring). */
  moved: z.array(z.object({ criterionCode: z.string(), previousOptionId: z.string(), currentOptionId: z.string(), steps: z.number().int() }))
})
export type ProductHistoryView = z.infer<typeof zProductHistoryView>

export const REREGISTRATION_TYPES = ['danh-gia-lai', 'nang-hang'] as const

export const zReregistration = z.object({
  productId: z.number().int(),
  registrationType: z.enum(REREGISTRATION_TYPES),
  /** Filed after the window closed (120 days before expiry) while the certificate is still valid. */
  late: z.boolean(),
  certificate: z.object({ number: z.string(), stars: z.number().int(), expiryDate: z.string() })
})

export const historyMethods = {
  'history.previous': method({ kind: 'query', roles: ALL_ROLES, input: z.object({ sessionId: zId, productId: zId }).strict(), output: zProductHistoryView }),
  /** Đăng ký đánh giá lại / nâng hạng: a product with a valid certificate starts a new dossier of that type. */
  'products.reregister': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ productId: zId, type: z.enum(REREGISTRATION_TYPES, { error: 'Chọn đánh giá lại hoặc nâng hạng' }), reason: z.string().max(1000, 'Ghi chú tối đa 1000 ký tự') }).strict(),
    output: zReregistration
  })
}
