import { z } from 'zod'
import { zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

/** A database backup up to 500 MB travels as base64 in browser mode. */
const MAX_BACKUP_BYTES = 500 * 1024 * 1024
const zEmpty = z.object({}).strict()
const zBackupName = z.string().regex(/^ocop-(daily|before|manual)-\d{8}T\d{6}Z(-[a-z0-9-]{1,40})?\.sqlite$/, 'Tên bản sao lưu không hợp lệ')

export const zBackupEntry = z.object({
  fileName: z.string(),
  kind: z.enum(['daily', 'before', 'manual']),
  reason: z.string().nullable(),
  createdAt: z.string(),
  byteSize: z.number().int()
})
export type BackupEntryDto = z.infer<typeof zBackupEntry>

const zFinalized = z.object({ sessionId: z.number().int(), finalizedAt: z.string() })

export const zDbFileCheck = z.object({
  schemaVersion: z.number().int(),
  tables: z.number().int(),
  counts: z.object({ producers: z.number().int(), products: z.number().int(), councils: z.number().int(), sessions: z.number().int() }),
  /** The audit chain head the file ends with, as its manifest records it. */
  auditHead: z.string().nullable(),
  finalized: z.array(zFinalized)
})

export const backupMethods = {
  'backup.list': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: z.array(zBackupEntry) }),
  'backup.create': method({ kind: 'command', roles: OFFICE_ROLES, input: zEmpty, output: zBackupEntry }),
  'backup.check': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ fileName: zBackupName }).strict(), output: zDbFileCheck }),
  'backup.download': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ fileName: zBackupName }).strict(),
    output: z.object({ fileName: z.string(), contentBase64: z.string() })
  }),
  /** Phase 1 of a restore: upload and check; nothing changes until the token is confirmed. */
  'backup.prepareRestore': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        fileName: zText.pipe(z.string().min(1).max(255, 'Tên tệp quá dài')),
        contentBase64: z
          .string()
          .min(1, 'Chưa chọn tệp sao lưu')
          .max(Math.ceil(MAX_BACKUP_BYTES / 3) * 4, 'Tệp sao lưu lớn hơn 500 MB')
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Nội dung tệp không đúng định dạng base64')
      })
      .strict(),
    output: z.object({
      token: z.string(),
      fileName: z.string(),
      expiresAt: z.string(),
      check: zDbFileCheck,
      /** Sessions finalized now but not in the file: confirming needs a reason, written into the audit log. */
      undoes: z.array(zFinalized)
    }),
    bodyLimit: Math.ceil(MAX_BACKUP_BYTES / 3) * 4 + 4096
  }),
  /** Phase 2: replaces the data with the checked file, after a safety copy of the current data. */
  'backup.confirmRestore': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({
        token: z.string().regex(/^[0-9a-f]{32}$/, 'Mã xác nhận khôi phục không hợp lệ'),
        reason: zText.pipe(z.string().trim().max(1000, 'Lý do quá dài')).optional()
      })
      .strict(),
    output: z.object({ safetyBackup: z.string(), check: zDbFileCheck })
  })
}
