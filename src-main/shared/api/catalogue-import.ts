import { z } from 'zod'
import { IMPORT_LIMITS } from '../input-limits'
import { zName } from '../text'
import { OFFICE_ROLES, method } from './spec'

/** Largest workbook accepted (a 20,000-product catalogue is about 1.5 MB); all import limits: IMPORT_LIMITS. */
export const IMPORT_MAX_BYTES = IMPORT_LIMITS.fileBytes
const BASE64_MAX = Math.ceil(IMPORT_MAX_BYTES / 3) * 4

const zChoices = z
  .array(z.object({ row: z.number().int().min(2), communeCode: z.string().regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số') }).strict())
  .max(20000)
  .optional()

/** The clerk's choice for a true duplicate row: update the registered record <id>, add it as new, or skip it. */
export const ROW_CHOICE = /^(add|skip|update:[1-9]\d*)$/
const zRowChoices = z
  .array(
    z
      .object({
        sheet: z.enum(['producers', 'products']),
        row: z.number().int().min(2),
        choice: z.string().regex(ROW_CHOICE, 'Lựa chọn phải là «add», «skip» hoặc «update:<mã bản ghi>»')
      })
      .strict()
  )
  .max(20000)
  .optional()

const zUpload = z
  .object({
    choices: zChoices,
    rowChoices: zRowChoices,
    fileName: zName.pipe(z.string().max(255, 'Tên tệp quá dài')),
    contentBase64: z
      .string()
      .min(1, 'Tệp rỗng')
      .max(BASE64_MAX, `Tệp lớn hơn ${IMPORT_MAX_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không hợp lệ (base64)')
  })
  .strict()

export const zImportIssue = z.object({
  sheet: z.enum(['file', 'producers', 'products', 'certificates']),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  severity: z.enum(['error', 'warning'])
})
export type ImportIssueDto = z.infer<typeof zImportIssue>

/** A row as the preview table shows it: the Excel row number and the key cells. */
export const zPreviewRow = z.object({
  sheet: z.enum(['producers', 'products', 'certificates']),
  row: z.number().int(),
  cells: z.record(z.string(), z.string())
})

const zCandidate = z.object({
  code: z.string(),
  name: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  via: z.string(),
  old: z.object({ name: z.string(), district: z.string(), province: z.string(), change: z.string() }).optional()
})
/** How a producer row's commune was read: resolved (by what), chosen by the clerk, or a choice still to make. */
export const zResolution = z.object({
  row: z.number().int(),
  input: z.string(),
  status: z.enum(['resolved', 'choice', 'chosen']),
  how: z.enum(['code', 'name', 'old-code', 'old-names', 'old-address', 'new-address', 'chosen']),
  code: z.string().nullable(),
  name: z.string().nullable(),
  via: z.string(),
  reason: z.string(),
  candidates: z.array(zCandidate)
})
export type ResolutionDto = z.infer<typeof zResolution>
const zFieldChange = z.object({ field: z.string(), label: z.string(), from: z.string(), to: z.string() })
/**
 * What a row does on commit: thêm mới, cập nhật (with each field old → new), không đổi, the producer of an earlier
 * row, a true duplicate still to decide (the commit is blocked), or skipped by the clerk's choice.
 */
export const zRowAction = z.object({
  sheet: z.enum(['producers', 'products']),
  row: z.number().int(),
  action: z.enum(['add', 'update', 'unchanged', 'same-as-row', 'duplicate', 'skip']),
  matchedBy: z.string(),
  changes: z.array(zFieldChange),
  duplicate: z
    .object({ reason: z.string(), candidates: z.array(z.object({ id: z.number().int(), label: z.string() })), chosen: z.string().nullable() })
    .nullable()
})
export type RowActionDto = z.infer<typeof zRowAction>

export const zImportPreview = z.object({
  fileName: z.string(),
  /** SHA-256 of the uploaded bytes; the commit must send the same file. */
  sha256: z.string(),
  rows: z.array(zPreviewRow),
  issues: z.array(zImportIssue),
  resolutions: z.array(zResolution),
  actions: z.array(zRowAction),
  producers: z.number().int(),
  products: z.number().int(),
  /** Certificates issued before the app, to be recorded (already recorded ones are not counted). */
  certificates: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int()
})
export type ImportPreview = z.infer<typeof zImportPreview>

/** Added and updated counts: a re-import of the same file adds 0 and updates 0. */
const zCommitResult = z.object({
  sha256: z.string(),
  producers: z.number().int(),
  products: z.number().int(),
  certificates: z.number().int(),
  producersUpdated: z.number().int(),
  productsUpdated: z.number().int(),
  warningCount: z.number().int()
})
export type ImportCommitResult = z.infer<typeof zCommitResult>

export const catalogueImportMethods = {
  'catalogueImport.template': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({}).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string() })
  }),
  'catalogueImport.preview': method({ kind: 'query', roles: OFFICE_ROLES, input: zUpload, output: zImportPreview, bodyLimit: BASE64_MAX + 64 * 1024 }),
  'catalogueImport.commit': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: zUpload.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'Mã băm SHA-256 không hợp lệ') }).strict(),
    output: zCommitResult,
    bodyLimit: BASE64_MAX + 64 * 1024
  })
}
