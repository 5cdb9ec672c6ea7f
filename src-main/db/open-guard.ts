import { accessSync, constants, existsSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { AppError } from '../shared/result'

/** Every SQLite copy in the data folder's backups/ (daily, before, manual, before-migrate), newest first. */
export function backupFiles(dataDir: string): Array<{ file: string; mtime: Date; byteSize: number }> {
  const dir = join(dataDir, 'backups')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.endsWith('.sqlite'))
    .map((n) => {
      const st = statSync(join(dir, n))
      return { file: join(dir, n), mtime: st.mtime, byteSize: st.size }
    })
    .filter((b) => b.byteSize > 0)
    .sort((a, b) => b.mtime.getTime() - a.mtime.getTime())
}

/**
 * A database file of zero bytes is what a crash during a copy, a full disk or a sync tool can leave behind. SQLite
 * would open it as an empty database and the app would start as a fresh install over the lost data; when backups
 * exist that is refused, naming the newest one. With no backup it is a fresh install and opens normally.
 */
export function refuseEmptyDatabase(dbFile: string, dataDir: string): void {
  if (!existsSync(dbFile) || statSync(dbFile).size > 0) return
  const backups = backupFiles(dataDir)
  const newest = backups[0]
  if (!newest) return
  throw new AppError(
    'DB_EMPTY',
    `Tệp dữ liệu ${basename(dbFile)} trống (0 byte) trong khi thư mục sao lưu có ${backups.length} bản sao lưu: ứng dụng không tạo dữ liệu mới đè lên. ` +
      `Hãy khôi phục bản sao lưu gần nhất ${newest.file} (lưu lúc ${newest.mtime.toISOString()}), ví dụ: npm run cli -- restore "${newest.file}" --yes.`
  )
}

/**
 * SQLite reports a read-only folder or file only as "unable to open database file" (SQLITE_CANTOPEN) or later as
 * SQLITE_READONLY: the folder and the file are checked first so the person reads what is wrong and what to do.
 */
export function refuseReadOnly(dbFile: string, dataDir: string): void {
  for (const path of existsSync(dbFile) ? [dataDir, dbFile] : [dataDir]) {
    try {
      accessSync(path, constants.W_OK)
    } catch {
      throw new AppError(
        'STORAGE_READONLY',
        `Không ghi được vào ${path} (thư mục hoặc tệp chỉ cho phép đọc, hoặc ổ đĩa chỉ đọc): ứng dụng chưa mở dữ liệu, không có gì bị thay đổi. Hãy cấp quyền ghi hoặc chọn thư mục dữ liệu khác rồi mở lại.`
      )
    }
  }
}
