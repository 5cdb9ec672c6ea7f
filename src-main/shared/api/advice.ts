import { z } from 'zod'
import { OFFICE_ROLES, method } from './spec'

/**
 * Improvement advice for a finalized product (issue 14 §2): the smallest set of criterion improvements that would
 * reach the next star, computed from the council's own counted sheets by `domain/improvement-advice.ts`.
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const zStar = z.union([z.literal(3), z.literal(4), z.literal(5)])

export const zAdviceChange = z.object({
  criterionCode: z.string(),
  criterionText: z.string(),
  currentOptionId: z.string(),
  currentOptionText: z.string(),
  currentMeanPoints: z.number(),
  targetOptionId: z.string(),
  targetOptionText: z.string(),
  targetPoints: z.number(),
  meanGain: z.number(),
  satisfiesMarkers: z.array(zStar),
  feasible: z.boolean()
})
export type AdviceChangeView = z.infer<typeof zAdviceChange>

export const zProductAdvice = z.object({
  sessionId: z.number().int(),
  productId: z.number().int(),
  productName: z.string(),
  setNo: z.number().int(),
  setName: z.string(),
  sector: z.string(),
  /** Stars the council decided (null while the product's result is undetermined). */
  stars: z.number().int().nullable(),
  mean: z.number().nullable(),
  target: zStar.nullable(),
  plan: z
    .object({
      meanBefore: z.number(),
      meanAfter: z.number(),
      changes: z.array(zAdviceChange)
    })
    .nullable(),
  /** Why there is no plan (Vietnamese, ready to show); null when there is one. */
  message: z.string().nullable()
})
export type ProductAdvice = z.infer<typeof zProductAdvice>

/** One criterion of the province view: how many products (latest finalized result each) need it for their next star. */
export const zBlockingCriterion = z.object({
  setNo: z.number().int(),
  setName: z.string(),
  sector: z.string(),
  criterionCode: z.string(),
  criterionText: z.string(),
  /** Products whose fewest-change plan contains this criterion. */
  products: z.number().int(),
  /** Of those, products for which the criterion is an unmet star-marker minimum (it must change, whatever the points). */
  markerBlocked: z.number().int(),
  productNames: z.array(z.string())
})
export type BlockingCriterion = z.infer<typeof zBlockingCriterion>

export const zBlockingView = z.object({
  /** Finalized products considered (1–4★, no knockout) and those with a plan. */
  considered: z.number().int(),
  withPlan: z.number().int(),
  criteria: z.array(zBlockingCriterion)
})
export type BlockingView = z.infer<typeof zBlockingView>

export const adviceMethods = {
  'advice.blocking': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z
      .object({
        roundId: zId.optional(),
        sector: z.string().min(1).max(200).optional(),
        communeCode: z.string().regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số').optional()
      })
      .strict(),
    output: zBlockingView
  }),
  'advice.product': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z
      .object({
        sessionId: zId,
        productId: zId,
        target: zStar.optional(),
        /** Criterion codes the council considers feasible to improve soon; preferred when the count is the same. */
        feasible: z.array(z.string().min(1).max(20)).max(200).default([])
      })
      .strict(),
    output: zProductAdvice
  })
}
