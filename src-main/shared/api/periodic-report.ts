import { z } from 'zod'
import { zDay, zFileOut } from './certificates'
import { OFFICE_ROLES, method } from './spec'

/** The province's periodic OCOP results report (6-month or yearly): figures of the period and the portfolio at its end. */
const zCount = z.object({ key: z.string(), count: z.number().int() })
const zPeriod = z
  .object({ from: zDay, to: zDay })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'Ngày kết thúc kỳ báo cáo phải từ ngày bắt đầu trở đi', path: ['to'] })

export const zPeriodicReport = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  evaluations: z.object({
    total: z.number().int(),
    byType: z.object({ 'lan-dau': z.number().int(), 'nang-hang': z.number().int(), 'danh-gia-lai': z.number().int() }),
    byStars: z.array(zCount),
    recognised: z.number().int(),
    proposedFiveStar: z.number().int()
  }),
  certificates: z.object({ issued: z.number().int(), issuedByStars: z.array(zCount), revoked: z.number().int(), expired: z.number().int() }),
  portfolio: z.object({ valid: z.number().int(), byStars: z.array(zCount), bySector: z.array(zCount), byCommune: z.array(zCount) }),
  inspections: z.object({
    total: z.number().int(),
    adHoc: z.number().int(),
    byOutcome: z.object({ 'no-action': z.number().int(), recommendations: z.number().int(), 'revocation-proposed': z.number().int() }),
    failedItems: z.array(zCount)
  })
})
export type PeriodicReportView = z.infer<typeof zPeriodicReport>

export const periodicReportMethods = {
  'reports.periodic': method({ kind: 'query', roles: OFFICE_ROLES, input: zPeriod, output: zPeriodicReport }),
  'reports.periodicXlsx': method({ kind: 'query', roles: OFFICE_ROLES, input: zPeriod, output: zFileOut })
}
