import { z } from 'zod'
import { DOCUMENT_KIND_NAMES, zDocumentInput } from '../documents'
import { OFFICE_DOCUMENT_KINDS } from '../office-documents'
import { OFFICE_ROLES, method } from './spec'

/**
 * Official documents (issue 6). Generation takes the documents DTO, or a demo fixture id until the session
 * assembler fills the DTO from a finalized session. Downloads are base64 for browser mode.
 */
export const FIXTURE_NAMES = ['lam-dong-2026'] as const
export const REGISTER_KINDS = [...DOCUMENT_KIND_NAMES, 'pack', ...OFFICE_DOCUMENT_KINDS] as const

export const zDocumentSource = z.union([z.object({ fixture: z.enum(FIXTURE_NAMES) }).strict(), z.object({ input: zDocumentInput }).strict()], {
  message: 'Cần dữ liệu văn bản hoặc mã bộ dữ liệu mẫu'
})

export const zDocumentRecord = z.object({
  id: z.number().int(),
  kind: z.enum(REGISTER_KINDS),
  format: z.enum(['pdf', 'docx']),
  title: z.string(),
  number: z.string().nullable(),
  date: z.string(),
  dataVersion: z.string(),
  inputSha256: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  pages: z.number().int().nullable(),
  fileName: z.string(),
  createdAt: z.string()
})
export type DocumentRecord = z.infer<typeof zDocumentRecord>

/** Up to 60 products with their sheets and criteria sets fit in a few megabytes of JSON. */
const DTO_BODY_LIMIT = 32 * 1024 * 1024

export const documentsMethods = {
  'documents.generate': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        kind: z.enum(DOCUMENT_KIND_NAMES, { message: 'Loại văn bản không hợp lệ' }),
        format: z.enum(['pdf', 'docx']).default('pdf'),
        productId: z.string().min(1).optional(),
        memberId: z.string().min(1).optional(),
        source: zDocumentSource
      })
      .strict(),
    output: zDocumentRecord,
    bodyLimit: DTO_BODY_LIMIT
  }),
  'documents.generatePack': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ source: zDocumentSource }).strict(),
    output: zDocumentRecord,
    bodyLimit: DTO_BODY_LIMIT
  }),
  'documents.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ kind: z.enum(REGISTER_KINDS).optional(), limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    output: z.array(zDocumentRecord)
  }),
  'documents.download': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ id: z.number().int().min(1) }).strict(),
    output: z.object({ fileName: z.string(), mimeType: z.string(), sha256: z.string(), base64: z.string() })
  })
}
