import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { DB_FILE_NAME } from '../core'
import { openConnection, type DB } from '../db/connection'
import { consoleLogger } from '../logger'
import { defaultDataDir } from '../paths'
import { createBackupService, fileSha256, recordRestore, type BackupService } from '../services/backup/backup-service'
import { checkDbFile, type DbFileCheck } from '../services/backup/db-check'
import { AppError } from '../shared/result'
import type { CliIo } from './rate'

const EXIT_INVALID = 2

interface Parsed {
  positional: string[]
  dataDir: string
  out: string | undefined
  reason: string | undefined
  yes: boolean
}

function parse(argv: readonly string[]): Parsed {
  const p: Parsed = { positional: [], dataDir: defaultDataDir(), out: undefined, reason: undefined, yes: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string
    if (a === '--data-dir' || a === '--out' || a === '--reason') {
      const v = argv[++i]
      if (!v) throw new AppError('VALIDATION', `Thiếu giá trị sau ${a}`)
      if (a === '--data-dir') p.dataDir = v
      else if (a === '--reason') p.reason = v
      else p.out = v
    } else if (a === '--yes') p.yes = true
    else if (a.startsWith('--')) throw new AppError('VALIDATION', `Tùy chọn không hợp lệ: ${a}`)
    else p.positional.push(a)
  }
  p.dataDir = resolve(p.dataDir)
  return p
}

const summary = (c: DbFileCheck): string =>
  `lược đồ ${c.schemaVersion}, ${c.tables} bảng, ${c.counts.producers} chủ thể, ${c.counts.products} sản phẩm, ${c.counts.councils} hội đồng, ${c.counts.sessions} phiên họp`

/** The service over a connection the CLI owns; a restore closes it, swaps the file and opens it again. */
function withService<T>(dataDir: string, fn: (svc: BackupService) => Promise<T>): Promise<T> {
  const dbFile = join(dataDir, DB_FILE_NAME)
  let db: DB = openConnection(dbFile)
  const svc = createBackupService({
    dataDir,
    dbFile,
    db: () => db,
    log: { info: () => {}, warn: consoleLogger('cli').warn, error: consoleLogger('cli').error },
    host: {
      reopen(replace, rollback) {
        db.close()
        try {
          replace()
          db = openConnection(dbFile)
        } catch (err) {
          rollback()
          db = openConnection(dbFile)
          throw err
        }
        return Promise.resolve()
      }
    }
  })
  return fn(svc).finally(() => db.close())
}

async function guarded(io: CliIo, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn()
  } catch (err) {
    if (!(err instanceof AppError)) throw err
    io.stderr(`${err.message}\n`)
    return EXIT_INVALID
  }
}

/** `backup [--data-dir DIR] [--out FILE]`: a copy into <DIR>/backups/, or to FILE. */
export function runBackup(argv: readonly string[], io: CliIo): Promise<number> {
  return guarded(io, async () => {
    const p = parse(argv)
    if (p.positional.length > 0) throw new AppError('VALIDATION', 'Cách dùng: npm run cli -- backup [--data-dir DIR] [--out FILE]')
    if (!existsSync(join(p.dataDir, DB_FILE_NAME))) throw new AppError('NOT_FOUND', `Không có dữ liệu trong thư mục ${p.dataDir}`)
    return withService(p.dataDir, async (svc) => {
      const file = p.out ? (await svc.backupTo(resolve(p.out))).file : svc.filePath((await svc.backupNow('manual')).fileName)
      io.stdout(`Đã sao lưu: ${file} (${summary(checkDbFile(file))})\n`)
      return 0
    })
  })
}

/** `restore <file> [--data-dir DIR] --yes`: checks the file, keeps a copy of the current data, then replaces it. */
export function runRestore(argv: readonly string[], io: CliIo): Promise<number> {
  return guarded(io, async () => {
    const p = parse(argv)
    const [file, ...extra] = p.positional
    if (!file || extra.length > 0) throw new AppError('VALIDATION', 'Cách dùng: npm run cli -- restore <tệp sao lưu> [--data-dir DIR] [--reason "LÝ DO"] --yes')
    const check = checkDbFile(resolve(file))
    if (!p.yes) {
      io.stderr(`Tệp hợp lệ (${summary(check)}). Khôi phục sẽ thay toàn bộ dữ liệu trong ${p.dataDir}; thêm --yes để xác nhận. Hãy đóng ứng dụng trước.\n`)
      return EXIT_INVALID
    }
    const dbFile = join(p.dataDir, DB_FILE_NAME)
    if (!existsSync(dbFile)) {
      mkdirSync(p.dataDir, { recursive: true })
      copyFileSync(resolve(file), dbFile)
      recordRestore(dbFile, { at: new Date().toISOString(), actor: 'cli', data: { fileName: basename(file), sha256: fileSha256(resolve(file)), schemaVersion: check.schemaVersion, backupHead: check.auditHead, ...(p.reason ? { reason: p.reason } : {}) } })
      io.stdout(`Đã khôi phục vào ${dbFile} (${summary(check)})\n`)
      return 0
    }
    return withService(p.dataDir, async (svc) => {
      const r = await svc.confirmRestore(svc.prepareRestore({ file: resolve(file) }).token, { reason: p.reason, actor: 'cli' })
      io.stdout(`Đã khôi phục từ ${file} (${summary(r.check)}). Dữ liệu trước đó được giữ trong ${svc.filePath(r.safetyBackup)}\n`)
      return 0
    })
  })
}

/** `verify [<file>]`: integrity, schema version and tables of a backup, or of the data folder's database. */
export function runVerifyDb(argv: readonly string[], io: CliIo): Promise<number> {
  return guarded(io, () => {
    const p = parse(argv)
    if (p.positional.length > 1) throw new AppError('VALIDATION', 'Cách dùng: npm run cli -- verify [<tệp>] [--data-dir DIR]')
    const file = resolve(p.positional[0] ?? join(p.dataDir, DB_FILE_NAME))
    io.stdout(`Tệp ${file} hợp lệ: ${summary(checkDbFile(file))}\n`)
    return Promise.resolve(0)
  })
}
