import { createHash, randomBytes } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { DB } from '../../db/connection'
import type { Logger } from '../../logger'
import { AppError } from '../../shared/result'
import { checkDbFile, finalizedSessions, type DbFileCheck } from './db-check'
import { openConnection } from '../../db/connection'
import { nextEvent } from '../../domain/audit-chain'
import { currentHead } from '../sessions/integrity'
import { sha256 } from '../sessions/store'
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
  prepareRestore(src: { file: string } | { bytes: Uint8Array; fileName: string }): PreparedRestore
  /**
   * Replaces the data with the staged file. When the file predates finalizations present now (`undoes`), `reason`
   * must say why (at least 10 characters); the restore is recorded in the restored data's audit chain.
   */
  confirmRestore(token: string, opts?: { reason?: string | undefined; actor?: string | undefined }): Promise<{ safetyBackup: string; check: DbFileCheck }>
}

export interface PreparedRestore {
  token: string
  fileName: string
  expiresAt: string
  check: DbFileCheck
  /** Sessions finalized in the current data but not in the file: restoring it would undo their finalization. */
  undoes: DbFileCheck['finalized']
}

/** What a backup's manifest (`<file>.manifest.json`) records: the chain head anchored outside the database. */
export interface BackupManifest {
  format: 'ocop-council/backup-manifest@1'
  fileName: string
  createdAt: string
  byteSize: number
  sha256: string
  schemaVersion: number
  auditHead: string | null
}

export const MIN_REASON = 10
export const manifestPath = (file: string): string => `${file}.manifest.json`
export const fileSha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

/**
 * Appends the restore to the audit chain of the file about to become the data (what, from which file, its SHA-256,
 * by whom, why, which finalizations it undoes), so the restored data carries its own history. Files older than the
 * audit log (schema < 4) have no chain to write to.
 */
export function recordRestore(file: string, e: { at: string; actor: string; data: Record<string, unknown> }): void {
  const db = openConnection(file)
  try {
    if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'audit_events'`).get()) return
    db.transaction(() => {
      const prev = db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined
      const ev = nextEvent(sha256, prev ?? null, { at: e.at, kind: 'backup.restore', sessionId: null, actor: e.actor, data: e.data })
      db.prepare('INSERT INTO audit_events (seq, at, kind, session_id, actor, content, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(ev.seq, ev.at, ev.kind, ev.sessionId, ev.actor, ev.content, ev.prevHash, ev.hash)
    })()
  } finally {
    db.close()
  }
}

/** Finalizations present in `current` that `backup` does not have. */
export function undoneFinalizations(current: DbFileCheck['finalized'], backup: DbFileCheck['finalized']): DbFileCheck['finalized'] {
  const kept = new Set(backup.map((f) => f.sessionId))
  return current.filter((f) => !kept.has(f.sessionId))
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
    writeManifest(target)
    return statSync(target).size
  }

  /** The manifest next to each copy: its SHA-256 and the audit chain head it ends with, read from the copy itself. */
  const writeManifest = (file: string): void => {
    const copy = openConnection(file, { readonly: true })
    let manifest: BackupManifest
    try {
      manifest = {
        format: 'ocop-council/backup-manifest@1',
        fileName: basename(file),
        createdAt: now().toISOString(),
        byteSize: statSync(file).size,
        sha256: fileSha256(file),
        schemaVersion: copy.pragma('user_version', { simple: true }) as number,
        auditHead: currentHead(copy)
      }
    } finally {
      copy.close()
    }
    writeFileSync(manifestPath(file), `${JSON.stringify(manifest, null, 1)}\n`)
  }

  const rotate = (): void => {
    const all = list()
    for (const kind of ['daily', 'before'] as const)
      for (const e of all.filter((x) => x.kind === kind).slice(KEEP[kind])) {
        rmSync(join(dir, e.fileName), { force: true })
        rmSync(manifestPath(join(dir, e.fileName)), { force: true })
      }
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
      return { token, fileName, expiresAt: new Date(expires).toISOString(), check, undoes: undoneFinalizations(finalizedSessions(o.db()), check.finalized) }
    },
    async confirmRestore(token, opts = {}) {
      const p = pending.get(token)
      if (!p || p.expires < now().getTime())
        throw new AppError('CONFLICT', 'Yêu cầu khôi phục đã hết hạn hoặc không tồn tại; hãy chọn lại tệp sao lưu.')
      // Checked again: the staged file must still be what the person confirmed.
      const check = checkDbFile(p.file)
      const undoes = undoneFinalizations(finalizedSessions(o.db()), check.finalized)
      const reason = opts.reason?.trim() ?? ''
      if (undoes.length > 0 && reason.length < MIN_REASON)
        throw new AppError(
          'CONFLICT',
          `Bản sao lưu ${p.fileName} có từ trước khi chốt kết quả phiên họp ${undoes.map((u) => `số ${u.sessionId} (chốt lúc ${u.finalizedAt})`).join(', ')}: khôi phục sẽ hủy việc chốt đó. ` +
            `Hãy ghi rõ lý do (ít nhất ${MIN_REASON} ký tự) để xác nhận; lý do được ghi vào nhật ký kiểm tra.`
        )
      pending.delete(token)
      const safety = await backupNow('before', 'khoi-phuc')
      recordRestore(p.file, {
        at: now().toISOString(),
        actor: opts.actor ?? 'local',
        data: {
          fileName: p.fileName,
          sha256: fileSha256(p.file),
          schemaVersion: check.schemaVersion,
          backupHead: check.auditHead,
          replacedHead: currentHead(o.db()),
          safetyBackup: safety.fileName,
          undoneFinalizations: undoes,
          ...(reason ? { reason } : {})
        }
      })
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
