import { z } from 'zod'
import { zQuyChe } from '../quy-che'
import { zName, zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

export const COUNCIL_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const
export type CouncilRole = (typeof COUNCIL_ROLES)[number]
export const ADVISORY_ROLES = ['leader', 'member'] as const
export type AdvisoryRole = (typeof ADVISORY_ROLES)[number]
export const GENDERS = ['male', 'female'] as const
export const COUNCIL_STATUSES = ['draft', 'active'] as const

/** A calendar date as YYYY-MM-DD that really exists (2026-02-30 is refused). */
export const zIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'Ngày không tồn tại')

/** Optional free text: trimmed NFC, empty allowed. */
const zOptText = (max: number) =>
  zText.pipe(z.string().trim().max(max, `Không quá ${max} ký tự`)).default('')

const zPhone = zText.pipe(
  z
    .string()
    .trim()
    .regex(/^$|^\+?[0-9 .()-]{8,20}$/, 'Số điện thoại không hợp lệ')
).default('')
const zEmail = zText.pipe(
  z
    .string()
    .trim()
    .refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'Email không hợp lệ')
).default('')

const personFields = {
  fullName: zName.pipe(z.string().max(120, 'Họ tên quá dài')),
  gender: z.enum(GENDERS).nullable().default(null),
  organisation: zOptText(200),
  jobTitle: zOptText(200),
  phone: zPhone,
  email: zEmail
}

export const zCouncilMember = z.object({ role: z.enum(COUNCIL_ROLES), ...personFields }).strict()
export type CouncilMember = z.output<typeof zCouncilMember>
export const zAdvisoryMember = z.object({ role: z.enum(ADVISORY_ROLES), ...personFields }).strict()
export type AdvisoryMember = z.output<typeof zAdvisoryMember>

/** Everything a council's establishing decision says; the same shape is saved as a draft and frozen in versions. */
export const zCouncilPayload = z
  .object({
    name: zName.pipe(z.string().max(300, 'Tên hội đồng quá dài')),
    periodFrom: zIsoDate,
    periodTo: zIsoDate.nullable().default(null),
    decisionNo: zName.pipe(z.string().max(60, 'Số quyết định quá dài')),
    decisionDate: zIsoDate,
    signerName: zName.pipe(z.string().max(120, 'Họ tên người ký quá dài')),
    signerTitle: zName.pipe(z.string().max(200, 'Chức vụ người ký quá dài')),
    /** The province's decision issuing the council's Quy chế (the decisions cite it); empty until entered. */
    quyCheDecisionNo: zOptText(60),
    quyCheDecisionDate: zIsoDate.nullable().default(null),
    members: z.array(zCouncilMember).max(60, 'Hội đồng có quá nhiều thành viên').default([]),
    advisory: z.array(zAdvisoryMember).max(60, 'Tổ tư vấn có quá nhiều thành viên').default([]),
    quyChe: zQuyChe.default(zQuyChe.parse({}))
  })
  .strict()
  .refine((p) => p.periodTo === null || p.periodTo >= p.periodFrom, {
    message: 'Ngày kết thúc nhiệm kỳ phải sau ngày bắt đầu',
    path: ['periodTo']
  })
  .refine((p) => (p.quyCheDecisionNo === '') === (p.quyCheDecisionDate === null), {
    message: 'Nhập cả số và ngày của quyết định ban hành Quy chế',
    path: ['quyCheDecisionNo']
  })
export type CouncilPayload = z.output<typeof zCouncilPayload>
export type CouncilPayloadInput = z.input<typeof zCouncilPayload>

export const zCouncilVersionRef = z.object({
  id: z.number().int(),
  versionNo: z.number().int(),
  sha256: z.string(),
  reason: z.string(),
  createdAt: z.string()
})

/** What a session keeps: the council as it was when this version was issued. */
export const zCouncilSnapshot = z.object({
  councilId: z.number().int(),
  versionNo: z.number().int(),
  council: zCouncilPayload
})
export type CouncilSnapshot = z.output<typeof zCouncilSnapshot>

export const zCouncilVersion = zCouncilVersionRef.extend({ snapshot: zCouncilSnapshot })
export type CouncilVersion = z.output<typeof zCouncilVersion>

export const zCouncil = z.object({
  id: z.number().int(),
  status: z.enum(COUNCIL_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  council: zCouncilPayload,
  currentVersion: zCouncilVersionRef.nullable()
})
export type Council = z.output<typeof zCouncil>

export const zCouncilSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  status: z.enum(COUNCIL_STATUSES),
  periodFrom: z.string(),
  periodTo: z.string().nullable(),
  decisionNo: z.string(),
  decisionDate: z.string(),
  memberCount: z.number().int(),
  advisoryCount: z.number().int(),
  versionNo: z.number().int().nullable()
})
export type CouncilSummary = z.infer<typeof zCouncilSummary>

const zId = z.number().int().positive()

export const councilsMethods = {
  'councils.list': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({}).strict(), output: z.array(zCouncilSummary) }),
  'councils.get': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ id: zId }).strict(),
    output: z.object({ council: zCouncil, versions: z.array(zCouncilVersion) })
  }),
  /** A frozen version by id: what sessions read to know who sat and under which rules. */
  'councils.version': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: zCouncilVersion }),
  'councils.create': method({ kind: 'command', roles: OFFICE_ROLES, input: zCouncilPayload, output: zCouncil }),
  'councils.update': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ id: zId, council: zCouncilPayload }).strict(),
    output: zCouncil
  }),
  'councils.activate': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: zCouncil }),
  'councils.revise': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        id: zId,
        /** The version the user edited; a revision made meanwhile by someone else is a conflict, not an overwrite. */
        baseVersionNo: z.number().int().positive(),
        reason: zName.pipe(z.string().max(500, 'Lý do quá dài')),
        council: zCouncilPayload
      })
      .strict(),
    output: zCouncil
  }),
  'councils.removeDraft': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: z.object({ id: zId }) })
}
