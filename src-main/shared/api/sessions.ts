import { z } from 'zod'
import { zCriteriaSet } from '../criteria'
import { zName, zText } from '../text'
import { ALL_ROLES, OFFICE_ROLES, method } from './spec'

/**
 * The council session (issue 5): rounds (đợt), sessions (phiên họp) and their agenda, attendance and quorum,
 * conflict declarations, members' sheets with sealed scoring, paper double entry, review, re-score rounds,
 * finalization, amendments, the audit chain and join codes for members in browser mode.
 *
 * Who may call: office methods take `local` (the desktop or the browser-mode office) and `secretary`. A member's own
 * sheet methods take `member` (a join-code token: only that member's sheets in that session) and `local` (a member
 * scoring on the office machine); they name the member in `memberId`, which must be the caller's own for `member`.
 * `memberId` is a session member id (a council member as seated in that session), never a council_members row.
 */
const OWN_SHEET_ROLES = ['local', 'member'] as const
/** Roles of a council member as seated (the same values as the councils area stores). */
export const SEAT_ROLES = ['chair', 'vice_chair', 'member', 'secretary'] as const
const COUNCIL_ROLES = SEAT_ROLES
const zIsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s)
  }, 'Ngày không tồn tại')

const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const zTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:MM')
const zOptText = (max: number) => zText.pipe(z.string().trim().max(max, `Không quá ${max} ký tự`)).default('')
const zReason = zName.pipe(z.string().max(2000, 'Lý do quá dài'))
const zCode = z.string().regex(/^\d+(\.\d+)*$/, 'Mã tiêu chí không hợp lệ')
/** An option id of the criteria file ("1.5.c") or "NA" for a criterion printed "Chỉ áp dụng khi …". */
const zOptionId = z.string().min(1, 'Chưa chọn phương án').max(40)

// ---------------------------------------------------------------- rounds (đợt đánh giá)

export const zRound = z.object({
  id: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  deadline: z.string(),
  sessionCount: z.number().int(),
  createdAt: z.string()
})
export type Round = z.infer<typeof zRound>

/** Điều 5 QĐ 26/2026: at least two provincial rounds a year, one by 30/6 and one by 30/12. Warnings, not errors. */
export const zYearWarning = z.object({ year: z.number().int(), message: z.string() })

const zRoundFields = {
  name: zName.pipe(z.string().max(200, 'Tên đợt quá dài')),
  deadline: zIsoDate
}

// ---------------------------------------------------------------- sessions (phiên họp)

export const SESSION_STATUSES = ['draft', 'open', 'scoring', 'review', 'finalized'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const zSessionMember = z.object({
  /** Session member id: what `memberId` means everywhere in this area. */
  id: z.number().int(),
  ord: z.number().int(),
  role: z.enum(COUNCIL_ROLES),
  fullName: z.string(),
  organisation: z.string(),
  jobTitle: z.string(),
  /** Whether this member's sheets count under the Quy chế (the secretary does not score by default). */
  scores: z.boolean()
})
export type SessionMember = z.infer<typeof zSessionMember>

export const zAgendaItem = z.object({
  productId: z.number().int(),
  ord: z.number().int(),
  code: z.string(),
  name: z.string(),
  setId: z.string(),
  producerName: z.string(),
  communeCode: z.string(),
  /** The current scoring round of this product (1, or more after re-score rounds). */
  scoringRound: z.number().int(),
  finalized: z.boolean()
})
export type AgendaItem = z.infer<typeof zAgendaItem>

export const zSessionSummary = z.object({
  id: z.number().int(),
  roundId: z.number().int(),
  roundName: z.string(),
  date: z.string(),
  startTime: z.string(),
  place: z.string(),
  councilVersionId: z.number().int(),
  councilName: z.string(),
  status: z.enum(SESSION_STATUSES),
  productCount: z.number().int(),
  finalizedAt: z.string().nullable()
})
export type SessionSummary = z.infer<typeof zSessionSummary>

export const zSession = zSessionSummary.extend({
  councilVersionNo: z.number().int(),
  members: z.array(zSessionMember),
  agenda: z.array(zAgendaItem),
  /** Next statuses allowed by the state machine (finalized is reached only through sessions.finalize). */
  allowedNext: z.array(z.enum(SESSION_STATUSES)),
  createdAt: z.string()
})
export type Session = z.infer<typeof zSession>

const zSessionFields = {
  date: zIsoDate,
  startTime: zTime,
  place: zName.pipe(z.string().max(300, 'Địa điểm quá dài')),
  councilVersionId: zId
}

export const zEligibleProduct = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  setId: z.string(),
  producerName: z.string(),
  dossierCompletedAt: z.string().nullable()
})

// ---------------------------------------------------------------- attendance and quorum

export const ATTENDANCE_STATUSES = ['present', 'absent', 'left'] as const
export const zQuorumStatus = z.object({
  holds: z.boolean(),
  present: z.number().int(),
  total: z.number().int(),
  required: z.number().int(),
  chairPresent: z.boolean(),
  reasons: z.array(z.string())
})
export type QuorumStatus = z.infer<typeof zQuorumStatus>

export const zAttendance = z.object({
  sessionId: z.number().int(),
  members: z.array(
    z.object({
      memberId: z.number().int(),
      fullName: z.string(),
      role: z.enum(COUNCIL_ROLES),
      /** null: not yet called. `left`: attended, then left at `leftAt` (their submitted sheets still count). */
      status: z.enum(ATTENDANCE_STATUSES).nullable(),
      leftAt: z.string().nullable(),
      /** Absent only: the reason given ("Vắng mặt có lý do: …"), the source the minutes print from. */
      absenceReason: z.string(),
      /** Absent only: a proxy or written opinion sent ("Ủy quyền/ý kiến bằng văn bản"). */
      proxyNote: z.string(),
      updatedAt: z.string().nullable()
    })
  ),
  /** Live: counted on members present now (left and absent members do not count). */
  quorum: zQuorumStatus
})
export type Attendance = z.infer<typeof zAttendance>

// ---------------------------------------------------------------- conflicts of interest

export const CONFLICT_KINDS = ['none', 'same-commune', 'family', 'works-for-or-stake', 'other'] as const
export type ConflictKind = (typeof CONFLICT_KINDS)[number]
export const zConflict = z.object({
  memberId: z.number().int(),
  productId: z.number().int(),
  kind: z.enum(CONFLICT_KINDS),
  text: z.string(),
  declaredAt: z.string()
})
export type Conflict = z.infer<typeof zConflict>

// ---------------------------------------------------------------- sheets

export const SHEET_STATES = ['not-declared', 'recused', 'not-eligible', 'not-started', 'draft', 'submitted'] as const
export type SheetState = (typeof SHEET_STATES)[number]

export const zAnswer = z.object({ criterionCode: z.string(), optionId: z.string().nullable(), version: z.number().int(), savedAt: z.string() })
export type Answer = z.infer<typeof zAnswer>
export const zKnockoutFlag = z.object({ criterionCode: z.string().nullable(), note: z.string() })

const zSheetRef = { sessionId: zId, productId: zId, memberId: zId }

export const zMySheet = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  setId: z.string(),
  scoringRound: z.number().int(),
  state: z.enum(SHEET_STATES),
  /** Own total once the sheet is complete (a member always sees their own points). */
  total: z.number().nullable()
})

export const zSheet = z.object({
  sessionId: z.number().int(),
  /** The sheet's header as QĐ 26 Phụ lục II prints it (product, code, producer, phone, address): all a member reads of the producer. */
  product: z.object({ id: z.number().int(), code: z.string(), name: z.string(), setId: z.string(), producerName: z.string(), producerPhone: z.string(), producerAddress: z.string() }),
  member: z.object({ id: z.number().int(), fullName: z.string(), role: z.enum(COUNCIL_ROLES) }),
  scoringRound: z.number().int(),
  state: z.enum(SHEET_STATES),
  entryMode: z.enum(['direct', 'paper']),
  /** Whether the caller may still change it (declared no conflict, session scoring, not submitted). */
  editable: z.boolean(),
  criteriaVersion: z.string(),
  criteriaSet: zCriteriaSet,
  answers: z.array(zAnswer),
  knockouts: z.array(zKnockoutFlag),
  comment: z.string(),
  submittedAt: z.string().nullable(),
  /** The member's own sheets of earlier rounds (kept after a re-score round). */
  earlierRounds: z.array(z.object({ scoringRound: z.number().int(), total: z.number().nullable(), answers: z.array(zAnswer) })),
  /** Re-score rounds: criteria where the members' points spread the most in the previous round (largest first). */
  disputed: z.array(z.string()).default([])
})
export type Sheet = z.infer<typeof zSheet>

// ---------------------------------------------------------------- progress (sealed) and review

export const zProgress = z.object({
  sessionId: z.number().int(),
  status: z.enum(SESSION_STATUSES),
  quorum: zQuorumStatus,
  products: z.array(
    z.object({
      productId: z.number().int(),
      code: z.string(),
      name: z.string(),
      scoringRound: z.number().int(),
      eligible: z.number().int(),
      submitted: z.number().int(),
      /** Every eligible member submitted the current round: the review of this product is open. */
      complete: z.boolean(),
      /** Only who has submitted: no answers, no totals (sealed scoring). */
      members: z.array(z.object({ memberId: z.number().int(), state: z.enum(SHEET_STATES) }))
    })
  )
})
export type Progress = z.infer<typeof zProgress>

/** The engine's RatingResult (src-main/domain/rate.ts) as stored; the renderer may import that type from domain. */
const zRatingJson = z.record(z.string(), z.unknown())

export const zReviewRow = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  setId: z.string(),
  scoringRound: z.number().int(),
  /** false: sheets still sealed; every figure below is null or empty. */
  ready: z.boolean(),
  cells: z.array(
    z.object({
      memberId: z.number().int(),
      eligible: z.boolean(),
      /** Totals per scoring round, round 1 first; the latest is the counted one. */
      rounds: z.array(z.object({ scoringRound: z.number().int(), total: z.number() }))
    })
  ),
  mean: z.number().nullable(),
  meanText: z.string().nullable(),
  spread: z.number().nullable(),
  band: z.number().int().nullable(),
  /** null while undetermined (an option to agree or a knockout to decide); then `provisionalStars` is "tạm tính". */
  stars: z.number().int().nullable(),
  provisionalStars: z.number().int().nullable(),
  status: z.enum(['final', 'pending', 'invalid', 'incomplete']).nullable(),
  outcome: z.string().nullable(),
  needsRescore: z.boolean(),
  openRescore: z.boolean(),
  reasons: z.array(z.object({ kind: z.string(), message: z.string(), criterionCode: z.string().nullable() })),
  warnings: z.array(z.object({ kind: z.string(), message: z.string() })),
  finalized: z.boolean()
})
export type ReviewRow = z.infer<typeof zReviewRow>

export const zReviewMatrix = z.object({
  sessionId: z.number().int(),
  members: z.array(zSessionMember),
  products: z.array(zReviewRow)
})
export type ReviewMatrix = z.infer<typeof zReviewMatrix>

export const zCriterionDisagreement = z.object({
  criterionCode: z.string(),
  criterionText: z.string(),
  maxPoints: z.number(),
  /** Highest minus lowest points given by the counted members; sorted with the largest first. */
  pointsSpread: z.number(),
  distinctOptions: z.number().int(),
  answers: z.array(z.object({ memberId: z.number().int(), optionId: z.string().nullable(), points: z.number() })),
  agreed: z.object({ optionId: z.string(), reason: z.string() }).nullable()
})

export const zProductReview = z.object({
  row: zReviewRow,
  criteria: z.array(zCriterionDisagreement),
  rating: zRatingJson.nullable(),
  rescores: z.array(z.object({ scoringRound: z.number().int(), reason: z.string(), openedAt: z.string(), closed: z.boolean() })),
  knockoutDecisions: z.array(z.object({ criterionCode: z.string().nullable(), applies: z.boolean(), reason: z.string() }))
})
export type ProductReview = z.infer<typeof zProductReview>

// ---------------------------------------------------------------- paper double entry

export const zPaperSheetInput = z.object({
  /** criterion code (leaf) → option id or "NA"; every leaf must be present for the pass to be accepted. */
  answers: z.record(zCode, zOptionId),
  knockouts: z.array(z.object({ criterionCode: zCode.nullable(), note: zOptText(1000) })).default([]),
  comment: zOptText(4000)
})

export const zPaperStatus = z.object({
  pass1: z.boolean(),
  pass2: z.boolean(),
  accepted: z.boolean(),
  /** Listed only once both passes are in; pass values are shown so the secretary can check the paper. */
  mismatches: z.array(z.object({ criterionCode: z.string(), pass1: z.string().nullable(), pass2: z.string().nullable() }))
})
export type PaperStatus = z.infer<typeof zPaperStatus>

// ---------------------------------------------------------------- results, amendments, audit, join codes

export const zAmendment = z.object({
  id: z.number().int(),
  productId: z.number().int(),
  reason: z.string(),
  author: z.string(),
  text: z.string(),
  createdAt: z.string()
})
export type Amendment = z.infer<typeof zAmendment>

export const zResult = z.object({
  sessionId: z.number().int(),
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  criteriaSetId: z.string(),
  criteriaVersion: z.string(),
  stars: z.number().int().nullable(),
  mean: z.number().nullable(),
  meanText: z.string().nullable(),
  outcome: z.string().nullable(),
  status: z.string(),
  sha256: z.string(),
  finalizedAt: z.string(),
  amendments: z.array(zAmendment)
})
export type SessionResult = z.infer<typeof zResult>

export const zAuditVerify = z.object({
  intact: z.boolean(),
  events: z.number().int(),
  /** The first event whose link or content hash does not match, with why. */
  firstBroken: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
  /** The chain head to anchor outside the database ("128-9F3A2C1B7D4E0A55"); null while the log is empty. */
  head: z.string().nullable(),
  /** Everything found, in Vietnamese: a broken link, a sealed result or sheet changed, a head that does not match. */
  problems: z.array(z.object({ kind: z.enum(['chain', 'seal', 'head']), message: z.string() }))
})
export type AuditVerify = z.infer<typeof zAuditVerify>

export const zAuditEvent = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: z.string(),
  sessionId: z.number().int().nullable(),
  actor: z.string(),
  summary: z.string(),
  /** What the event is about in words (product, member, criterion, round); empty when nothing is named. */
  object: z.string()
})

export const zJoinCode = z.object({
  id: z.number().int(),
  sessionId: z.number().int(),
  memberId: z.number().int(),
  memberName: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  status: z.enum(['active', 'revoked', 'expired'])
})
export type JoinCode = z.infer<typeof zJoinCode>

const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

export const sessionMethods = {
  'rounds.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ year: z.number().int().min(2000).max(2100).optional() }),
    output: z.object({ rounds: z.array(zRound), warnings: z.array(zYearWarning) })
  }),
  'rounds.create': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ year: z.number().int().min(2000).max(2100), ...zRoundFields }), output: zRound }),
  'rounds.update': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId, ...zRoundFields }), output: zRound }),
  'rounds.remove': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId }), output: obj({ id: zId }) }),

  'sessions.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ roundId: zId.optional() }), output: z.array(zSessionSummary) }),
  /** A member may read only the session of their join code. */
  'sessions.get': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ id: zId }), output: zSession }),
  'sessions.create': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ roundId: zId, ...zSessionFields }), output: zSession }),
  /** Draft only; changing the council version re-seats the members. */
  'sessions.update': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId, ...zSessionFields }), output: zSession }),
  'sessions.remove': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId }), output: obj({ id: zId }) }),
  /** Products with a complete dossier that are on no other open agenda. */
  'sessions.eligibleProducts': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: z.array(zEligibleProduct) }),
  /** Replaces the agenda (order = list order); draft or open sessions, and never drops a product that has sheets. */
  'sessions.setAgenda': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ id: zId, productIds: z.array(zId).max(500, 'Quá nhiều sản phẩm') }),
    output: zSession
  }),
  /** draft → open → scoring → review; open → draft and review → scoring go back. Finalize with sessions.finalize. */
  'sessions.setStatus': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId, to: z.enum(['draft', 'open', 'scoring', 'review']) }), output: zSession }),
  /** Who am I (member token) — null for the office. */
  'sessions.me': method({
    kind: 'query',
    roles: ALL_ROLES,
    input: obj({}),
    output: z.object({ member: z.object({ sessionId: z.number().int(), memberId: z.number().int(), fullName: z.string() }).nullable() })
  }),

  'attendance.get': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: zAttendance }),
  'attendance.set': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({
      sessionId: zId,
      memberId: zId,
      status: z.enum(ATTENDANCE_STATUSES),
      leftAt: zTime.nullable().default(null),
      absenceReason: zText.pipe(z.string().trim().max(200, 'Lý do vắng mặt tối đa 200 ký tự')).default(''),
      proxyNote: zText.pipe(z.string().trim().max(300, 'Ủy quyền/ý kiến bằng văn bản tối đa 300 ký tự')).default('')
    })
      .refine((i) => (i.status === 'left') === (i.leftAt !== null), { message: 'Ghi giờ rời phiên khi (và chỉ khi) thành viên rời phiên', path: ['leftAt'] })
      .refine((i) => i.status === 'absent' || (i.absenceReason === '' && i.proxyNote === ''), {
        message: 'Lý do vắng và ủy quyền chỉ ghi cho thành viên vắng mặt',
        path: ['absenceReason']
      }),
    output: zAttendance
  }),

  'conflicts.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: z.array(zConflict) }),
  /** Declared by the member (or recorded by the office for them); a new declaration replaces the previous one before scoring. */
  'conflicts.declare': method({
    kind: 'command',
    roles: ['local', 'secretary', 'member'],
    input: obj({ ...zSheetRef, kind: z.enum(CONFLICT_KINDS), text: zOptText(1000) }).refine((i) => i.kind !== 'other' || i.text.length > 0, {
      message: 'Ghi rõ lý do xung đột lợi ích',
      path: ['text']
    }),
    output: zConflict
  }),

  'sheets.mine': method({ kind: 'query', roles: OWN_SHEET_ROLES, input: obj({ sessionId: zId, memberId: zId }), output: z.array(zMySheet) }),
  'sheets.get': method({ kind: 'query', roles: OWN_SHEET_ROLES, input: obj(zSheetRef), output: zSheet }),
  /** One answer, saved at once. `expectedVersion` is the answer's version the client last saw (0: none yet). */
  'sheets.saveAnswer': method({
    kind: 'command',
    roles: OWN_SHEET_ROLES,
    input: obj({ ...zSheetRef, criterionCode: zCode, optionId: zOptionId.nullable(), expectedVersion: z.number().int().min(0) }),
    output: zAnswer
  }),
  'sheets.saveComment': method({ kind: 'command', roles: OWN_SHEET_ROLES, input: obj({ ...zSheetRef, comment: zOptText(4000) }), output: obj({ comment: z.string(), savedAt: z.string() }) }),
  /** Flags (or clears) a printed knockout rule; criterionCode null = the set's "Hồ sơ bị loại khi …". */
  'sheets.setKnockout': method({
    kind: 'command',
    roles: OWN_SHEET_ROLES,
    input: obj({ ...zSheetRef, criterionCode: zCode.nullable(), flagged: z.boolean(), note: zOptText(1000) }),
    output: z.array(zKnockoutFlag)
  }),
  /** "Ký nộp phiếu": refuses an incomplete sheet (issues name each criterion), then locks it. */
  'sheets.submit': method({ kind: 'command', roles: OWN_SHEET_ROLES, input: obj(zSheetRef), output: obj({ total: z.number(), submittedAt: z.string() }) }),

  'sessions.progress': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: zProgress }),

  'paper.status': method({ kind: 'query', roles: OFFICE_ROLES, input: obj(zSheetRef), output: zPaperStatus }),
  /** Pass 2 is blind: nothing of pass 1 is returned until both are in. Matching passes become the submitted sheet. */
  'paper.savePass': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ ...zSheetRef, pass: z.union([z.literal(1), z.literal(2)]), sheet: zPaperSheetInput }),
    output: zPaperStatus
  }),

  'review.matrix': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: zReviewMatrix }),
  'review.product': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId, productId: zId }), output: zProductReview }),
  /** Policy `agreed`: the council's option on a marked criterion where members differ. */
  'review.agree': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, productId: zId, criterionCode: zCode, optionId: zOptionId, reason: zReason }),
    output: zProductReview
  }),
  'review.decideKnockout': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, productId: zId, criterionCode: zCode.nullable(), applies: z.boolean(), reason: zReason }),
    output: zProductReview
  }),
  /** Opens the next scoring round of one product; earlier rounds are kept and shown. */
  'review.openRescore': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ sessionId: zId, productId: zId, reason: zReason }), output: zProductReview }),

  /** Needs quorum now, every eligible sheet submitted and every product's engine status `final`. */
  'sessions.finalize': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId }), output: z.array(zResult) }),
  'results.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: z.array(zResult) }),
  'results.get': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, productId: zId }),
    output: z.object({ result: zResult, rating: zRatingJson })
  }),
  'amendments.add': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, productId: zId, reason: zReason, author: zName.pipe(z.string().max(200, 'Tên quá dài')), text: zName.pipe(z.string().max(4000, 'Nội dung quá dài')) }),
    output: zAmendment
  }),

  'audit.verify': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ expectHead: z.string().trim().min(1, 'Nhập mã đầu chuỗi').max(40, 'Mã đầu chuỗi quá dài').optional() }),
    output: zAuditVerify
  }),
  'audit.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId.optional(), beforeSeq: zId.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(zAuditEvent)
  }),

  /** The plain code is returned once, here; only its hash is stored. */
  'joinCodes.issue': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, memberId: zId }),
    output: zJoinCode.extend({ code: z.string() })
  }),
  'joinCodes.list': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({ sessionId: zId }), output: z.array(zJoinCode) }),
  'joinCodes.revoke': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({ id: zId }), output: zJoinCode })
}
