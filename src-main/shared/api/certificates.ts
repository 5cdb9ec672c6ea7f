import { z } from 'zod'
import { CERTIFICATE_STATES, REVOCATION_GROUND_CODES, SESSION_MODES } from '../certificates'
import { zName } from '../text'
import { OFFICE_ROLES, method } from './spec'

/**
 * Certificates (QĐ 26/2026 Điều 4.3), the re-evaluation window and written-opinion sessions (Điều 7.6),
 * revocation (Điều 8), the dashboard and the reports. Dates are YYYY-MM-DD; `asOf` defaults to today.
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
export const zDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Ngày không tồn tại')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

export const zCertificate = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  /** The session that issued it (its PDF is that session's certificate document); null for a recorded one. */
  sessionId: z.number().int().nullable(),
  productCode: z.string(),
  productName: z.string(),
  producerName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  stars: z.number().int(),
  number: z.string(),
  decisionNo: z.string(),
  /** Null for a recorded certificate whose decision date is not known. */
  decisionDate: z.string().nullable(),
  /** Null when only the year of issue is known ("không rõ ngày"). */
  issuedOn: z.string().nullable(),
  issuedYear: z.number().int(),
  expiryDate: z.string(),
  /** The expiry as printed on a recorded certificate, not computed by the 36-month rule. */
  expiryPrinted: z.boolean(),
  /** Issued before the app and recorded from its paper: no session, no score (issue 12). */
  recorded: z.boolean(),
  /** Who issued it: empty for the app's own (the province's committee), the body as printed for recorded ones. */
  issuingAuthority: z.string(),
  sourceNote: z.string(),
  state: z.enum(CERTIFICATE_STATES),
  daysLeft: z.number().int(),
  window: z.object({ opens: z.string(), closes: z.string(), phase: z.enum(['before', 'open', 'missed', 'over']) }),
  revocationId: z.number().int().nullable(),
  /** The certificate that replaced this one (re-evaluation or upgrade, RULES 27a), from the day it was issued. */
  replacedBy: z.object({ id: z.number().int(), number: z.string(), decisionNo: z.string(), on: z.string() }).nullable()
})
export type Certificate = z.infer<typeof zCertificate>

export const CERTIFICATE_FILTERS = ['all', 'valid', 'expiring', 'expired', 'revoked', 'replaced'] as const

export const zRevocation = z.object({
  id: z.number().int(),
  certificateId: z.number().int(),
  ground: z.enum(REVOCATION_GROUND_CODES),
  number: z.string(),
  decidedOn: z.string(),
  sha256: z.string(),
  fileName: z.string()
})

export const zFileOut = z.object({ fileName: z.string(), mimeType: z.string(), sha256: z.string(), size: z.number().int(), base64: z.string() })
export type FileOut = z.infer<typeof zFileOut>

export const zOpinionProduct = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  expected: z.number().int(),
  submitted: z.number().int(),
  stars: z.array(z.number().int()),
  spread: z.number().nullable(),
  agree: z.boolean(),
  meetingNeeded: z.boolean()
})

const zCount = z.object({ key: z.string(), label: z.string(), count: z.number().int() })
export const zDashboard = z.object({
  asOf: z.string(),
  totals: z.object({ products: z.number().int(), recognised: z.number().int(), validCertificates: z.number().int(), expiring: z.number().int(), reminders: z.number().int() }),
  byStars: z.array(zCount),
  bySector: z.array(zCount),
  byCommune: z.array(zCount),
  byRound: z.array(z.object({ key: z.string(), label: z.string(), star3: z.number().int(), star4: z.number().int(), star5: z.number().int(), notRecognised: z.number().int() })),
  expiring: z.array(zCertificate),
  reminders: z.array(zCertificate)
})
export type Dashboard = z.infer<typeof zDashboard>

export const zMemberStats = z.object({
  name: z.string(),
  products: z.number().int(),
  rounds: z.number().int(),
  meanDeviation: z.number(),
  meanAbsDeviation: z.number(),
  decisive: z.number().int(),
  decisiveShare: z.number()
})

const zWindowInput = { asOf: zDay.optional(), withinDays: z.number().int().min(1).max(1095).default(180) }

/** A certificate issued before the app, as printed (issue 12); see domain/recorded-certificate.ts for the rules. */
export const zRecordInput = obj({
  productId: zId,
  stars: z.number().int().min(3, 'Hạng sao từ 3 đến 5').max(5, 'Hạng sao từ 3 đến 5'),
  numberText: zName.pipe(z.string().max(60, 'Số giấy chứng nhận quá dài')),
  /** Null: "không rõ ngày", only issuedYear is known. */
  issuedOn: zDay.nullable(),
  issuedYear: z.number().int().min(2000, 'Năm cấp từ 2000').max(2999),
  issuingAuthority: zName.pipe(z.string().max(200, 'Tên cơ quan cấp quá dài')),
  decisionNo: zName.pipe(z.string().max(60, 'Số quyết định quá dài')),
  decisionDate: zDay.nullable(),
  /** The expiry printed on the certificate; null: 36 months from the issue (or decision) date. */
  printedExpiry: zDay.nullable(),
  sourceNote: z.string().max(500, 'Ghi chú nguồn quá dài').transform((s) => s.normalize('NFC').trim())
})
export type RecordInput = z.input<typeof zRecordInput>

export const certificatesMethods = {
  'certificates.record': method({ kind: 'command', roles: OFFICE_ROLES, input: zRecordInput, output: zCertificate }),
  'certificates.issue': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      sessionId: zId,
      /** The session's recognition decision as issued in the register; when given, it must match the register. */
      decisionNo: zName.pipe(z.string().max(60, 'Số quyết định quá dài')).optional(),
      decisionDate: zDay.optional(),
      issuedOn: zDay,
      /** Only these products of the session; all recognised ones when absent. */
      productIds: z.array(zId).min(1).optional()
    }),
    output: z.array(zCertificate)
  }),
  'certificates.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ filter: z.enum(CERTIFICATE_FILTERS).default('all'), ...zWindowInput }),
    output: z.array(zCertificate)
  }),
  'certificates.sweep': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ asOf: zDay.optional() }), output: obj({ expired: z.number().int() }) }),
  'certificates.revoke': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      certificateId: zId,
      ground: z.enum(REVOCATION_GROUND_CODES, { message: 'Chọn căn cứ thu hồi theo khoản 1 Điều 8' }),
      detail: zName.pipe(z.string().max(2000, 'Nội dung quá dài')),
      conclusionRef: zName.pipe(z.string().max(300, 'Văn bản kết luận quá dài')),
      conclusionDate: zDay,
      decidedOn: zDay,
      signerTitle: zName,
      signerName: zName,
      /** The post-recognition inspection whose record proposed the revocation (Điều 9), if any. */
      inspectionId: zId.optional()
    }),
    output: zRevocation
  }),
  'certificates.revocationFile': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ id: zId }), output: zFileOut }),
  'reevaluation.setMode': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, mode: z.enum(SESSION_MODES) }),
    output: obj({ sessionId: z.number().int(), mode: z.enum(SESSION_MODES) })
  }),
  'reevaluation.opinions': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId }),
    output: obj({ sessionId: z.number().int(), mode: z.enum(SESSION_MODES), products: z.array(zOpinionProduct) })
  }),
  'reports.dashboard': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ ...zWindowInput, reminderLeadDays: z.number().int().min(0).max(365).default(30) }), output: zDashboard }),
  'reports.members': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({}), output: z.array(zMemberStats) }),
  'reports.exportXlsx': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ ...zWindowInput }), output: zFileOut })
}
