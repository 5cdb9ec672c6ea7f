import { z } from 'zod'
import { FINDING_RESULT_CODES, INSPECTION_ITEM_CODES, INSPECTION_KIND_CODES, INSPECTION_OUTCOME_CODES, PLAN_REASON_CODES } from '../inspection'
import { REVOCATION_GROUND_CODES } from '../certificates'
import { zName } from '../text'
import { zDay, zFileOut } from './certificates'
import { DOSSIER_ATTACH_BODY_LIMIT, zFileName } from './dossier'
import { OFFICE_ROLES, method } from './spec'

/** Post-recognition inspection (QĐ 26/2026 Điều 9): yearly plans, inspection records with findings and evidence, follow-ups. */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()
const zYear = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ')
const zText = (max: number, message: string) => z.string().transform((s) => s.normalize('NFC').trim()).pipe(z.string().max(max, message))

export const zPlanReason = z.enum(PLAN_REASON_CODES, { message: 'Lý do đưa vào kế hoạch không hợp lệ' })
export const zInspectionItem = z.enum(INSPECTION_ITEM_CODES, { message: 'Nội dung kiểm tra không hợp lệ' })

export const zPlanCandidate = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  producerName: z.string(),
  stars: z.number().int(),
  expiryDate: z.string(),
  mean: z.number().nullable(),
  lastInspectedOn: z.string().nullable(),
  reasons: z.array(zPlanReason)
})
export type PlanCandidate = z.infer<typeof zPlanCandidate>

export const zPlanItem = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  producerName: z.string(),
  reasons: z.array(zPlanReason),
  note: z.string(),
  /** Inspections of the product recorded under this plan. */
  inspections: z.array(z.object({ id: z.number().int(), inspectedOn: z.string(), outcome: z.enum(INSPECTION_OUTCOME_CODES) }))
})

export const zPlan = z.object({
  id: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  items: z.array(zPlanItem)
})
export type InspectionPlan = z.infer<typeof zPlan>

const zPlanItemsInput = z
  .array(obj({ productId: zId, reasons: z.array(zPlanReason).min(1, 'Ghi ít nhất một lý do').max(PLAN_REASON_CODES.length), note: zText(1000, 'Ghi chú quá dài').default('') }))
  .min(1, 'Kế hoạch phải có ít nhất một sản phẩm')
  .max(5000, 'Kế hoạch quá nhiều sản phẩm')

export const zFinding = z.object({ item: zInspectionItem, result: z.enum(FINDING_RESULT_CODES), note: z.string() })

export const zInspection = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  productCode: z.string(),
  productName: z.string(),
  producerName: z.string(),
  planId: z.number().int().nullable(),
  kind: z.enum(INSPECTION_KIND_CODES),
  inspectedOn: z.string(),
  team: z.string(),
  findings: z.array(zFinding),
  outcome: z.enum(INSPECTION_OUTCOME_CODES),
  recommendation: z.string(),
  deadline: z.string().nullable(),
  revocationGround: z.enum(REVOCATION_GROUND_CODES).nullable(),
  followUpOf: z.number().int().nullable(),
  followedUpBy: z.array(z.number().int()),
  /** The revocation decided on this inspection's proposal, once there is one. */
  revocation: z.object({ id: z.number().int(), number: z.string(), decidedOn: z.string() }).nullable(),
  evidence: z.array(z.object({ id: z.number().int(), item: zInspectionItem, name: z.string(), size: z.number().int(), sha256: z.string(), addedAt: z.string() })),
  createdBy: z.string(),
  createdAt: z.string()
})
export type Inspection = z.infer<typeof zInspection>

export const zInspectionSummary = z.object({
  year: z.number().int(),
  /** Distinct products in the year's plans, and how many of them have an inspection recorded under a plan. */
  planned: z.number().int(),
  plannedDone: z.number().int(),
  /** Inspections recorded in the year (periodic and ad hoc). */
  inspections: z.number().int(),
  adHoc: z.number().int(),
  findings: z.array(z.object({ item: zInspectionItem, pass: z.number().int(), fail: z.number().int(), advice: z.number().int() })),
  outcomes: z.object({ 'no-action': z.number().int(), recommendations: z.number().int(), 'revocation-proposed': z.number().int() }),
  /** Recommendations whose deadline has passed with no follow-up inspection (any year's records; `inspectedOn` finds the record). */
  overdue: z.array(z.object({ inspectionId: z.number().int(), productId: z.number().int(), productName: z.string(), inspectedOn: z.string(), deadline: z.string() }))
})
export type InspectionSummary = z.infer<typeof zInspectionSummary>

export const inspectionsMethods = {
  'inspections.propose': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ year: zYear, nearMargin: z.number().min(0).max(20).default(3) }),
    output: z.array(zPlanCandidate)
  }),
  'inspections.createPlan': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ year: zYear, name: zName.pipe(z.string().max(300, 'Tên kế hoạch quá dài')), items: zPlanItemsInput }),
    output: zPlan
  }),
  'inspections.setPlanItems': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ planId: zId, items: zPlanItemsInput }), output: zPlan }),
  'inspections.plans': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ year: zYear }), output: z.array(zPlan) }),
  'inspections.record': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      productId: zId,
      planId: zId.nullable().default(null),
      kind: z.enum(INSPECTION_KIND_CODES, { message: 'Chọn hình thức kiểm tra' }),
      inspectedOn: zDay,
      team: zName.pipe(z.string().max(1000, 'Thành phần đoàn kiểm tra quá dài')),
      findings: z.array(obj({ item: zInspectionItem, result: z.enum(FINDING_RESULT_CODES, { message: 'Chọn kết quả' }), note: zText(2000, 'Nội dung quá dài').default('') })).max(INSPECTION_ITEM_CODES.length * 2),
      outcome: z.enum(INSPECTION_OUTCOME_CODES, { message: 'Chọn kết luận' }),
      recommendation: zText(4000, 'Khuyến nghị quá dài').default(''),
      deadline: zDay.nullable().default(null),
      revocationGround: z.enum(REVOCATION_GROUND_CODES, { message: 'Chọn căn cứ thu hồi theo khoản 1 Điều 8' }).nullable().default(null),
      followUpOf: zId.nullable().default(null)
    }),
    output: zInspection
  }),
  'inspections.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ productId: zId.optional(), year: zYear.optional() }), output: z.array(zInspection) }),
  'inspections.attachEvidence': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    bodyLimit: DOSSIER_ATTACH_BODY_LIMIT,
    input: obj({
      inspectionId: zId,
      item: zInspectionItem,
      fileName: zFileName,
      mime: z.string().max(200).optional(),
      contentBase64: z
        .string()
        .min(1, 'Tệp rỗng')
        .max(DOSSIER_ATTACH_BODY_LIMIT, 'Tệp quá lớn (tối đa 20 MB)')
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng định dạng base64')
    }),
    output: zInspection
  }),
  'inspections.evidenceFile': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ id: zId }), output: zFileOut }),
  'inspections.summary': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ year: zYear, asOf: zDay.optional() }), output: zInspectionSummary })
}
