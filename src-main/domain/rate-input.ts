import { z } from 'zod'
import { boundaryInput, INPUT_LIMITS } from '../shared/input-limits'
import '../shared/zod-vi'
import { zQuyChe } from './quy-che'

/**
 * What the engine needs to rate one product: the council, who attended, who recused, the Quy chế settings, the
 * members' sheets round by round, and what the council agreed. Documented with an example in docs/rate-input.md.
 */
const nfc = z.string().transform((s) => s.normalize('NFC').trim())
const id = nfc.pipe(z.string().min(1, 'Mã không được để trống').max(INPUT_LIMITS.code, `Mã quá dài (tối đa ${INPUT_LIMITS.code} ký tự)`))
const nameOf = (empty: string) => nfc.pipe(z.string().min(1, empty).max(INPUT_LIMITS.name, `Tên quá dài (tối đa ${INPUT_LIMITS.name} ký tự)`))

export const MEMBER_ROLES = ['Chủ tịch', 'Phó Chủ tịch', 'Ủy viên', 'Thư ký'] as const
export type MemberRole = (typeof MEMBER_ROLES)[number]

export const zMember = z.object({
  id,
  name: nameOf('Tên thành viên không được để trống'),
  role: nfc.pipe(z.enum(MEMBER_ROLES, { message: `Vai trò phải là một trong: ${MEMBER_ROLES.join(', ')}` }))
})
export type CouncilMember = z.infer<typeof zMember>

/** "NA" = the criterion does not apply ("Chỉ áp dụng khi …"); a list of several ids = several boxes ticked. */
export const NOT_APPLICABLE = 'NA'
export const zAnswer = z.union([id, z.array(id)])

/** A knockout flagged by a member: on a criterion's rule, or (no criterionCode) on the set's "Hồ sơ bị loại khi". */
export const zSheetKnockout = z.object({
  criterionCode: id.optional(),
  note: nfc.optional()
})
export type SheetKnockoutInput = z.infer<typeof zSheetKnockout>

export const zSheet = z.object({
  memberId: id,
  /** criterion code (leaf, sub-criteria included) → option id, or "NA". */
  answers: z.record(z.string(), zAnswer),
  knockouts: z.array(zSheetKnockout).default([])
})
export type SheetInput = z.infer<typeof zSheet>

export const zRound = z.object({
  round: z.number().int().min(1),
  sheets: z.array(zSheet)
})
export type RoundInput = z.infer<typeof zRound>

export const zAgreedOption = z.object({
  criterionCode: id,
  optionId: id,
  reason: nfc.pipe(z.string().min(1, 'Phải ghi lý do thống nhất'))
})
export type AgreedOption = z.infer<typeof zAgreedOption>

/** The council's decision on a knockout that not every eligible member flagged (no criterionCode = the dossier rule). */
export const zKnockoutDecision = z.object({
  criterionCode: id.optional(),
  applies: z.boolean(),
  reason: nfc.pipe(z.string().min(1, 'Phải ghi lý do quyết định'))
})
export type KnockoutDecision = z.infer<typeof zKnockoutDecision>

/**
 * Boundary form (shared/input-limits.ts): unknown keys are errors naming the key (a misspelled `agreedOption` would
 * otherwise drop the agreed options silently), every string and list is bounded.
 */
export const zRateInput = boundaryInput(z.object({
  format: z.literal('ocop-council/rate-input@1').optional(),
  council: z.object({ members: z.array(zMember).min(1, 'Hội đồng phải có ít nhất một thành viên') }),
  /** Ids of the members present at the meeting. */
  present: z.array(id),
  quyChe: zQuyChe.default(zQuyChe.parse({})),
  product: z.object({
    id,
    name: nameOf('Tên sản phẩm không được để trống'),
    criteriaSetId: id,
    recusals: z.array(z.object({ memberId: id, reason: nfc.optional() })).default([])
  }),
  rounds: z.array(zRound).min(1, 'Phải có ít nhất một vòng chấm'),
  agreedOptions: z.array(zAgreedOption).default([]),
  knockoutDecisions: z.array(zKnockoutDecision).default([])
}))
export type RateInput = z.infer<typeof zRateInput>
export type RateInputRaw = z.input<typeof zRateInput>
