import { z } from 'zod'
import { zCriteriaSet } from '../criteria'
import { zText } from '../text'
import { ALL_ROLES, OFFICE_ROLES, method } from './spec'

const zEmpty = z.object({}).strict()

export const zAppInfo = z.object({
  name: z.string(),
  version: z.string(),
  dataDir: z.string(),
  dbFile: z.string(),
  schemaVersion: z.number().int(),
  criteriaVersion: z.string(),
  mode: z.enum(['desktop', 'browser'])
})
export type AppInfo = z.infer<typeof zAppInfo>

export const zCriteriaSetSummary = z.object({
  id: z.string(),
  no: z.number().int(),
  name: z.string(),
  classificationCode: z.string(),
  sector: z.string(),
  group: z.string(),
  subgroup: z.string().nullable(),
  version: z.string(),
  criteriaCount: z.number().int()
})
export type CriteriaSetSummary = z.infer<typeof zCriteriaSetSummary>

export const zCriteriaSearchHit = z.object({
  setId: z.string(),
  setNo: z.number().int(),
  setName: z.string(),
  criterionCode: z.string(),
  criterionText: z.string(),
  /** Set when the match is in an option's text rather than the criterion's. */
  optionId: z.string().optional(),
  matchedText: z.string()
})
export type CriteriaSearchHit = z.infer<typeof zCriteriaSearchHit>

export const zSetId = z.string().regex(/^QD26-2026-\d{2}$/, 'Mã bộ tiêu chí không hợp lệ')

export const zUiSettings = z.object({ language: z.enum(['vi', 'en']) })
export type UiSettings = z.infer<typeof zUiSettings>

/** The first-run set-up (issue 12 item 7): whether it is still needed and what is already in place. */
export const zFirstRun = z.object({
  needed: z.boolean(),
  finishedAt: z.string().nullable(),
  skipped: z.boolean(),
  province: z.boolean(),
  documents: z.boolean(),
  councils: z.number().int()
})
export type FirstRun = z.infer<typeof zFirstRun>

export const coreMethods = {
  'app.info': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: zAppInfo }),
  'criteria.list': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: z.array(zCriteriaSetSummary) }),
  'criteria.get': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ setId: zSetId, version: z.string().optional() }).strict(),
    output: z.object({ version: z.string(), set: zCriteriaSet })
  }),
  'criteria.search': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z
      .object({
        query: zText.pipe(z.string().trim().min(2, 'Nhập ít nhất 2 ký tự để tìm').max(200, 'Từ khóa quá dài')),
        setId: zSetId.optional(),
        limit: z.number().int().min(1).max(500).default(100)
      })
      .strict(),
    output: z.array(zCriteriaSearchHit)
  }),
  'settings.getUi': method({ kind: 'query', roles: ALL_ROLES, input: zEmpty, output: zUiSettings }),
  'settings.setUi': method({ kind: 'command', roles: OFFICE_ROLES, input: zUiSettings.strict(), output: zUiSettings }),
  'settings.firstRun': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: zFirstRun }),
  /** skipped: "Để sau" — the set-up is put off, the dashboard shows, Cài đặt keeps every step. */
  'settings.finishFirstRun': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ skipped: z.boolean() }).strict(), output: zFirstRun })
}
