import { z } from 'zod'
import { zName } from '../text'
import { OFFICE_ROLES, method } from './spec'

/** Largest workbook accepted (a 20,000-product catalogue is about 1.5 MB). */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024
const BASE64_MAX = Math.ceil(IMPORT_MAX_BYTES / 3) * 4

const zUpload = z
  .object({
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

export const zImportPreview = z.object({
  fileName: z.string(),
  /** SHA-256 of the uploaded bytes; the commit must send the same file. */
  sha256: z.string(),
  rows: z.array(zPreviewRow),
  issues: z.array(zImportIssue),
  producers: z.number().int(),
  products: z.number().int(),
  /** Certificates issued before the app, to be recorded (already recorded ones are not counted). */
  certificates: z.number().int(),
  errorCount: z.number().int(),
  warningCount: z.number().int()
})
export type ImportPreview = z.infer<typeof zImportPreview>

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
    output: z.object({ sha256: z.string(), producers: z.number().int(), products: z.number().int(), certificates: z.number().int(), warningCount: z.number().int() }),
    bodyLimit: BASE64_MAX + 64 * 1024
  })
}
