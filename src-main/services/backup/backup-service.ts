import { randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { DB } from '../../db/connection'
import type { Logger } from '../../logger'
import { AppError } from '../../shared/result'
import { checkDbFile, type DbFileCheck } from './db-check'
import { foldVietnamese } from '../../shared/text'

export type BackupKind = 'daily' | 'before' | 'manual'

export interface BackupEntry {
  fileName: string
  kind: BackupKind
  reason: string | null
  createdAt: string
  byteSize: number
}

/** How the core closes, swaps and reopens the database (see core-host.ts). */
export interface DbHost {
  /**
   * Closes the live connection and everything built on it, calls `replace` while nothing has the file open, and
   * reopens; if reopening fails, calls `rollback` and reopens again before rethrowing.
   */
  reopen(replace: () => void, rollback: () => void): Promise<void>
}

export const KEEP = { daily: 7, before: 10 } as const
const DAY_MS = 24 * 60 * 60 * 1000
const TOKEN_TTL_MS = 10 * 60 * 1000
const NAME = /^ocop-(daily|before|manual)-(\d{8}T\d{6}Z)(?:-([a-z0-9-]{1,40}))?\.sqlite$/

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
const fromStamp = (s: string): string => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`
const slug = (s: string): string =>
  foldVietnamese(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'thao-tac'

export interface BackupService {
  list(): BackupEntry[]
  backupNow(kind: BackupKind, reason?: string): Promise<BackupEntry>
  /** For risky operations (finalize, amendments, imports, restore): a rotated copy taken just before. */
  backupBefore(reason: string): Promise<BackupEntry>
  /** A copy at a path the desktop shell or the CLI chose; never a path from the renderer. */
  backupTo(file: string): Promise<{ file: string; byteSize: number }>
  /** Takes the daily copy when the newest one is older than 24 h; returns it, or null when not due. */
  ensureDaily(): Promise<BackupEntry | null>
  filePath(fileName: string): string
  check(fileName: string): DbFileCheck
  prepareRestore(src: { file: string } | { bytes: Uint8Array; fileName: string }): { token: string; fileName: string; expiresAt: string; check: DbFileCheck }
  confirmRestore(token: string): Promise<{ safetyBackup: string; check: DbFileCheck }>
}

export function createBackupService(o: { dataDir: string; dbFile: string; db: () => DB; host: DbHost; log: Logger; now?: (() => Date) | undefined }): BackupService {
  const now = o.now ?? (() => new Date())
  const dir = join(o.dataDir, 'backups')
  const staging = join(dir, 'restore')
  const pending = new Map<string, { file: string; fileName: string; expires: number }>()
  const ensureDir = (d: string): void => void (existsSync(d) || mkdirSync(d, { recursive: true }))

  const entry = (fileName: string): BackupEntry | null => {
    const m = NAME.exec(fileName)
    if (!m) return null
    return { fileName, kind: m[1] as BackupKind, reason: m[3] ?? null, createdAt: fromStamp(m[2] as string), byteSize: statSync(join(dir, fileName)).size }
  }
  const list = (): BackupEntry[] =>
    existsSync(dir)
      ? readdirSync(dir)
          .map(entry)
          .filter((e): e is BackupEntry => e !== null)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName))
      : []

  /** The online backup API copies a consistent snapshot while the app keeps writing; a crash leaves only a .part. */
  const writeCopy = async (target: string): Promise<number> => {
    ensureDir(dirname(target))
    const part = `${target}.part`
    rmSync(part, { force: true })
    await o.db().backup(part)
    renameSync(part, target)
    return statSync(target).size
  }

  const rotate = (): void => {
    const all = list()
    for (const kind of ['daily', 'before'] as const) for (const e of all.filter((x) => x.kind === kind).slice(KEEP[kind])) rmSync(join(dir, e.fileName), { force: true })
  }

  const backupNow = async (kind: BackupKind, reason?: string): Promise<BackupEntry> => {
    let fileName = `ocop-${kind}-${stamp(now())}${reason ? `-${slug(reason)}` : ''}.sqlite`
    for (let i = 2; existsSync(join(dir, fileName)); i++) fileName = fileName.replace(/(-\d+)?\.sqlite$/, `-${i}.sqlite`)
    await writeCopy(join(dir, fileName))
    rotate()
    o.log.info(`backup ${fileName}`)
    return entry(fileName) as BackupEntry
  }

  const filePath = (fileName: string): string => {
    if (basename(fileName) !== fileName || !NAME.test(fileName) || !existsSync(join(dir, fileName)))
      throw new AppError('NOT_FOUND', `Không có bản sao lưu ${fileName}`)
    return join(dir, fileName)
  }

  return {
    list,
    backupNow,
    backupBefore: (reason) => backupNow('before', reason),
    async backupTo(file) {
      return { file, byteSize: await writeCopy(file) }
    },
    async ensureDaily() {
      const last = list().find((e) => e.kind === 'daily')
      if (last && now().getTime() - Date.parse(last.createdAt) < DAY_MS) return null
      return backupNow('daily')
    },
    filePath,
    check: (fileName) => checkDbFile(filePath(fileName)),
    prepareRestore(src) {
      ensureDir(staging)
      for (const [t, p] of pending) {
        if (p.expires >= now().getTime()) continue
        rmSync(p.file, { force: true })
        pending.delete(t)
      }
      const token = randomBytes(16).toString('hex')
      const file = join(staging, `${token}.sqlite`)
      if ('file' in src) {
        if (!existsSync(src.file)) throw new AppError('NOT_FOUND', `Không tìm thấy tệp ${src.file}`)
        copyFileSync(src.file, file)
      } else writeFileSync(file, src.bytes)
      const fileName = 'file' in src ? basename(src.file) : src.fileName
      let check: DbFileCheck
      try {
        check = checkDbFile(file)
      } catch (err) {
        rmSync(file, { force: true })
        throw err instanceof AppError ? new AppError(err.code, err.message.replace(`${token}.sqlite`, fileName)) : err
      }
      const expires = now().getTime() + TOKEN_TTL_MS
      pending.set(token, { file, fileName, expires })
      return { token, fileName, expiresAt: new Date(expires).toISOString(), check }
    },
    async confirmRestore(token) {
      const p = pending.get(token)
      if (!p || p.expires < now().getTime())
        throw new AppError('CONFLICT', 'Yêu cầu khôi phục đã hết hạn hoặc không tồn tại; hãy chọn lại tệp sao lưu.')
      pending.delete(token)
      // Checked again: the staged file must still be what the person confirmed.
      const check = checkDbFile(p.file)
      const safety = await backupNow('before', 'khoi-phuc')
      const dbFile = o.dbFile
      const put = (from: string): void => {
        for (const ext of ['-wal', '-shm']) rmSync(`${dbFile}${ext}`, { force: true })
        copyFileSync(from, `${dbFile}.restore`)
        renameSync(`${dbFile}.restore`, dbFile)
      }
      await o.host.reopen(
        () => put(p.file),
        () => put(join(dir, safety.fileName))
      )
      rmSync(p.file, { force: true })
      o.log.info(`restored database from ${p.fileName}; previous data kept in ${safety.fileName}`)
      return { safetyBackup: safety.fileName, check }
    }
  }
}
