import { z } from 'zod'
import { REGISTRATION_TYPES } from '../catalogue'
import { OFFICE_ROLES, ALL_ROLES, method } from './spec'

/** Largest file accepted into a dossier; scanned forms and photos of labels fit well within it. */
export const DOSSIER_FILE_MAX_BYTES = 20 * 1024 * 1024
/** The JSON body carrying one file as base64, with room for the other fields. */
export const DOSSIER_ATTACH_BODY_LIMIT = Math.ceil(DOSSIER_FILE_MAX_BYTES / 3) * 4 + 64 * 1024

const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const zItemKey = z.enum(['mau-01', 'mau-02', 'upgrade-evidence', 'reevaluation-updates', 'commune-letter', 'mau-03', 'samples'], {
  error: 'Mục hồ sơ không hợp lệ'
})

export const zDossierFile = z.object({
  id: z.number().int(),
  itemKey: zItemKey,
  name: z.string(),
  size: z.number().int(),
  mime: z.string(),
  sha256: z.string(),
  addedAt: z.string()
})
export type DossierFile = z.infer<typeof zDossierFile>

export const zDossier = z.object({
  productId: z.number().int(),
  registrationType: z.enum(REGISTRATION_TYPES),
  requiresSamples: z.boolean(),
  /** Items may change only while the product is registered (the dossier is open). */
  editable: z.boolean(),
  complete: z.boolean(),
  completedAt: z.string().nullable(),
  items: z.array(
    z.object({
      key: zItemKey,
      label: z.string(),
      acceptsFiles: z.boolean(),
      checked: z.boolean(),
      satisfied: z.boolean(),
      files: z.array(zDossierFile)
    })
  )
})
export type Dossier = z.infer<typeof zDossier>

/** File names as shown and stored: no path, no control characters. */
export const zFileName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(
    z
      .string()
      .min(1, 'Thiếu tên tệp')
      .max(255, 'Tên tệp quá dài')
      .refine((s) => !/[/\\\u0000-\u001f]/.test(s), 'Tên tệp không được chứa đường dẫn hoặc ký tự điều khiển')
  )

export const dossierMethods = {
  'dossier.get': method({ kind: 'query', roles: ALL_ROLES, input: z.object({ productId: zId }).strict(), output: zDossier }),
  'dossier.check': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ productId: zId, itemKey: zItemKey, checked: z.boolean() }).strict(),
    output: zDossier
  }),
  'dossier.attach': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    bodyLimit: DOSSIER_ATTACH_BODY_LIMIT,
    input: z
      .object({
        productId: zId,
        itemKey: zItemKey,
        fileName: zFileName,
        mime: z.string().max(200).optional(),
        contentBase64: z
          .string()
          .min(1, 'Tệp rỗng')
          .max(DOSSIER_ATTACH_BODY_LIMIT, 'Tệp quá lớn (tối đa 20 MB)')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng định dạng base64')
      })
      .strict(),
    output: zDossier
  }),
  'dossier.removeFile': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ fileId: zId }).strict(), output: zDossier }),
  'dossier.download': method({
    kind: 'query',
    roles: ALL_ROLES,
    input: z.object({ fileId: zId }).strict(),
    output: z.object({ fileName: z.string(), mime: z.string(), size: z.number().int(), sha256: z.string(), contentBase64: z.string() })
  }),
  'dossier.complete': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ productId: zId }).strict(), output: zDossier })
}
