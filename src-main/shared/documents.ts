import { z } from 'zod'
import { zCriteriaSet } from './criteria'

/**
 * Input DTOs of the official documents: plain JSON, every string NFC (the schemas normalise), dates as YYYY-MM-DD.
 * The session assembler fills them from the database and the rating engine (see from-rating.ts); the builders only
 * read them, so the same DTO always gives the same document.
 */
const t = z.string().transform((s) => s.normalize('NFC').trim())
const req = (what: string) => t.pipe(z.string().min(1, `${what} không được để trống`))
const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
const zTime = z.string().regex(/^\d{2}:\d{2}$/, 'Giờ phải có dạng HH:MM')
/** '' when the records do not tell (the minutes then give no end time rather than an invented one). */
const zOptTime = z.string().regex(/^(\d{2}:\d{2})?$/, 'Giờ phải có dạng HH:MM')

/** NĐ 30 Điều 13: TM. (collective), KT. (deputy), TL., TUQ., Q.; null when the head signs in his own name. */
export const AUTHORITIES = ['TM', 'KT', 'TL', 'TUQ', 'Q'] as const
export const zSigner = z.object({
  authority: z.enum(AUTHORITIES).nullable().default(null),
  /** What the prefix applies to: "ỦY BAN NHÂN DÂN" after TM., "CHỦ TỊCH" after KT. */
  authorityOf: t.default(''),
  /** The signer's own position: "PHÓ CHỦ TỊCH". */
  title: req('Chức vụ người ký'),
  name: req('Họ tên người ký')
})
export type Signer = z.output<typeof zSigner>

/** A body that issues documents: its parent body (upper line), its own name (bold line) and its ký hiệu. */
export const zIssuer = z.object({
  parent: t.default(''),
  name: req('Tên cơ quan ban hành'),
  /** Abbreviation after the document type in the number: "UBND" gives "12/QĐ-UBND". */
  symbol: req('Ký hiệu cơ quan'),
  signer: zSigner
})
export type Issuer = z.output<typeof zIssuer>

export const zProvinceSettings = z.object({
  /** "Lâm Đồng" — used in titles ("tỉnh Lâm Đồng"). */
  provinceName: req('Tên tỉnh'),
  /** The province inside a sentence and in addresses: "tỉnh Lâm Đồng", "thành phố Hà Nội"; '' → "tỉnh <provinceName>". */
  provinceUnit: t.default(''),
  /** Địa danh printed before the date (NĐ 30): usually the province name. */
  placeName: req('Địa danh'),
  /** UBND tỉnh: issues the decisions; the signer is the Chủ tịch or, with KT., a Phó Chủ tịch. */
  committee: zIssuer,
  /** The council (minutes, report). */
  council: zIssuer,
  /** The advising body (Sở NN&MT): submission and notices. */
  agency: zIssuer,
  /** Ký hiệu of certificates: "GCN-OCOP" gives "Số: 015/GCN-OCOP". */
  certificateSymbol: req('Ký hiệu giấy chứng nhận').default('GCN-OCOP'),
  validityMonths: z.number().int().min(1).max(120).default(36)
})
export type ProvinceSettings = z.output<typeof zProvinceSettings>

export const DOC_MEMBER_ROLES = ['Chủ tịch', 'Phó Chủ tịch', 'Ủy viên', 'Thư ký'] as const
export const zDocMember = z.object({
  id: req('Mã thành viên'),
  name: req('Họ tên thành viên'),
  role: z.enum(DOC_MEMBER_ROLES),
  /** Position and organisation: "Phó Giám đốc Sở Nông nghiệp và Môi trường". */
  position: t.default(''),
  present: z.boolean().default(true),
  absenceReason: t.default(''),
  /** Absent: the proxy or written opinion the member sent, as recorded at roll-call. */
  proxyNote: t.default('')
})
export type DocMember = z.output<typeof zDocMember>

export const zSession = z.object({
  /** "đợt 1 năm 2026" — the batch the session evaluates. */
  batch: req('Đợt đánh giá'),
  number: z.number().int().min(1),
  date: zDate,
  startTime: zTime,
  endTime: zOptTime,
  place: req('Địa điểm'),
  /** "Quyết định số 1234/QĐ-UBND ngày 10/3/2026 của Chủ tịch UBND tỉnh" — the establishing decision. */
  councilDecision: req('Quyết định thành lập Hội đồng'),
  /** "Quyết định số 15/QĐ-UBND ngày 05/01/2026" — the decision issuing the council's Quy chế; '' when not entered. */
  quyCheDecision: t.default(''),
  members: z.array(zDocMember).min(1, 'Hội đồng phải có thành viên'),
  chairId: req('Chủ tọa'),
  secretaryId: req('Thư ký'),
  quorum: z.object({ met: z.boolean(), text: req('Kết luận số lượng thành viên') }),
  /** Other attendees: "Đại diện UBND xã …", "Tổ tư vấn". */
  guests: z.array(t).default([]),
  recusals: z.array(z.object({ memberId: req('Thành viên'), productId: req('Sản phẩm'), reason: req('Lý do không tham gia chấm') })).default([]),
  conclusions: z.array(t).default([]),
  /**
   * The audit chain head of the session's finalize event ("128-9F3A2C1B7D4E0A55"), printed so that a chain rewritten
   * later no longer matches the signed paper (issue 11); absent for documents made outside a session.
   */
  auditHead: z.string().regex(/^\d{1,12}-[0-9A-F]{16}$/, 'Mã đầu chuỗi nhật ký không hợp lệ').optional()
})
export type SessionDto = z.output<typeof zSession>

export const zDocSheet = z.object({
  memberId: req('Thành viên'),
  round: z.number().int().min(1),
  /** Leaf criterion code → ticked option id, or "NA" (not applicable) / absent (not evaluated). */
  answers: z.record(z.string(), z.string()),
  parts: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  total: z.number(),
  counted: z.boolean(),
  comment: t.default('')
})
export type DocSheet = z.output<typeof zDocSheet>

export const zUnmetMinimum = z.object({ level: z.number().int().min(3).max(5), criterionCode: t, criterionText: t, requiredPoints: z.number() })
export const zAgreed = z.object({ criterionCode: t, optionId: t, reason: t })

export const OUTCOMES = ['none', 'recognised-by-province', 'proposed-5-star', 'disqualified', 'evaluation-stopped'] as const
export const REGISTRATION_KINDS = ['Lần đầu', 'Nâng hạng', 'Đánh giá lại'] as const

export const zDocProduct = z.object({
  id: req('Mã sản phẩm'),
  name: req('Tên sản phẩm'),
  /** Mã số sản phẩm (T)-(X)-(STT)-năm. */
  code: t.default(''),
  producer: req('Chủ thể'),
  address: t.default(''),
  phone: t.default(''),
  commune: t.default(''),
  registration: z.enum(REGISTRATION_KINDS).default('Lần đầu'),
  criteriaSetId: req('Bộ tiêu chí'),
  sheets: z.array(zDocSheet).default([]),
  countingRound: z.number().int().nullable(),
  rounds: z.number().int().min(0),
  mean: z.number().nullable(),
  spread: z.number().nullable(),
  stars: z.number().int().min(0).max(5).nullable(),
  outcome: z.enum(OUTCOMES).nullable(),
  unmetMinimums: z.array(zUnmetMinimum).default([]),
  agreedOptions: z.array(zAgreed).default([]),
  notes: z.array(t).default([]),
  /** The certificate as registered (number text, issue and expiry dates); null until it is issued. */
  certificate: z.object({ number: req('Số giấy chứng nhận'), issuedOn: zDate, expiryDate: zDate }).nullable().default(null),
  /**
   * The product's previous evaluation, for a product that comes back (re-evaluation, upgrade): the earlier finalized
   * session's stars and mean (`sessionDate` null and `mean` null for a certificate recorded from before the app: stars
   * and certificate only), and the certificate held then (`issuedOn` null when only its year is known).
   */
  previous: z
    .object({
      sessionDate: zDate.nullable(),
      stars: z.number().int().min(0).max(5).nullable(),
      mean: z.number().nullable(),
      certificate: z.object({ number: req('Số giấy chứng nhận'), issuedOn: zDate.nullable(), year: z.number().int(), expiryDate: zDate, stars: z.number().int().min(3).max(5) }).nullable()
    })
    .nullable()
    .default(null)
})
export type DocProduct = z.output<typeof zDocProduct>

/** A numbered document: number null is a draft — it prints "DỰ THẢO" and no number (context.ts headerOf). */
export const zIssue = z.object({
  number: z.number().int().min(1).nullable().default(null),
  date: zDate
})
export type IssueDto = z.output<typeof zIssue>

export const zDocumentInput = z.object({
  format: z.literal('ocop-council/documents@1').default('ocop-council/documents@1'),
  province: zProvinceSettings,
  session: zSession,
  products: z.array(zDocProduct).min(1, 'Phải có ít nhất một sản phẩm'),
  /** Every set a product uses, as loaded (criteria.get). */
  criteriaSets: z.array(zCriteriaSet).min(1),
  /** Căn cứ lines of the decisions, without the final ";"/"." (the builder adds them); used when `basis` has none. */
  legalBasis: z.array(t).default([]),
  /**
   * From the province's document settings: căn cứ lines per document, "Theo đề nghị của …", nơi nhận. Lines may hold
   * {tinh}, {hoiDong}, {quyChe}, {baoCao}, {toTrinh}; the builders fill them from this input (context.ts).
   */
  basis: z.object({ decision: z.array(t).default([]), approval: z.array(t).default([]), submission: z.array(t).default([]) }).default({ decision: [], approval: [], submission: [] }),
  proposer: z.object({ decision: t.default(''), approval: t.default('') }).default({ decision: '', approval: '' }),
  recipients: z.record(z.string(), z.array(t)).default({}),
  /** Which version of the document settings the input was built from (null: the defaults, nothing saved). */
  settingsVersion: z.number().int().nullable().default(null),
  minutes: zIssue,
  report: zIssue,
  submission: zIssue,
  decision: zIssue,
  approval: zIssue,
  notice: zIssue,
  /** Certificates: the first number; the others follow in annex order. */
  certificate: zIssue
})
export type DocumentInput = z.output<typeof zDocumentInput>
export type DocumentInputRaw = z.input<typeof zDocumentInput>

/** Every document the app generates; `numbered` ones take a number from the register. */
export const DOCUMENT_KINDS = {
  'sheet-blank': { label: 'Phiếu đánh giá (để trống)', abbr: null, editable: false },
  sheet: { label: 'Phiếu đánh giá', abbr: null, editable: false },
  summary: { label: 'Bảng tổng hợp điểm', abbr: null, editable: false },
  minutes: { label: 'Biên bản họp Hội đồng', abbr: 'BB', editable: true },
  report: { label: 'Báo cáo kết quả đánh giá, phân hạng', abbr: 'BC', editable: true },
  submission: { label: 'Tờ trình đề nghị công nhận', abbr: 'TTr', editable: true },
  decision: { label: 'Quyết định công nhận', abbr: 'QĐ', editable: true },
  approval: { label: 'Quyết định phê duyệt kết quả (đề xuất 5 sao)', abbr: 'QĐ', editable: true },
  certificate: { label: 'Giấy chứng nhận', abbr: null, editable: false },
  notice: { label: 'Thông báo kết quả', abbr: 'TB', editable: false }
} as const
export type DocumentKind = keyof typeof DOCUMENT_KINDS
export const DOCUMENT_KIND_NAMES = Object.keys(DOCUMENT_KINDS) as DocumentKind[]
