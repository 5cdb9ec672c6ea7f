import { z } from 'zod'

/**
 * Settings of the province's operating rules (Quy chế hoạt động của Hội đồng). QĐ 26/2026 leaves quorum, who scores,
 * the spread rule and how star markers are read to each province, so they are inputs with documented defaults
 * (DOMAIN.md §5.2), never constants buried in the rules.
 */
export const MARKER_POLICIES = ['agreed', 'majority', 'mean-points'] as const
export type MarkerPolicy = (typeof MARKER_POLICIES)[number]

/** Quorum as an exact fraction: 3/4 as 0.75 would be fine, but 2/3 as a float would need rounding to compare. */
export const zQuorumFraction = z
  .object({
    numerator: z.number().int().min(1),
    denominator: z.number().int().min(1)
  })
  .refine((f) => f.numerator <= f.denominator, { message: 'Tỷ lệ túc số phải không lớn hơn 1' })
export type QuorumFraction = z.infer<typeof zQuorumFraction>

export const zQuyChe = z.object({
  /** Quy chế: at least this fraction of the council attends (Tây Ninh: "ít nhất 75% (3/4) số thành viên"). */
  quorum: zQuorumFraction.default({ numerator: 3, denominator: 4 }),
  /** Quy chế: the meeting is valid only if the chair (Chủ tịch Hội đồng) attends. */
  chairMustAttend: z.boolean().default(true),
  /** Quy chế: whether the secretary (Thư ký) scores; by default the secretary does not. */
  secretaryScores: z.boolean().default(false),
  /** Quy chế: members' totals may not differ by more than this; otherwise the council re-scores. */
  spreadLimit: z.number().min(0).max(100).default(10),
  /** How a star marker is judged across members (DOMAIN.md §3.3: the decision does not say). */
  markerPolicy: z.enum(MARKER_POLICIES).default('agreed'),
  /** A warning is raised when the mean lies within this many points of 50, 70 or 90. */
  boundaryMargin: z.number().min(0).max(100).default(1)
})
export type QuyChe = z.infer<typeof zQuyChe>
export type QuyCheInput = z.input<typeof zQuyChe>

export const DEFAULT_QUY_CHE: QuyChe = zQuyChe.parse({})
