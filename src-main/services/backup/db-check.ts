import { basename } from 'node:path'
import Database from 'better-sqlite3'
import { openConnection } from '../../db/connection'
import { migrateTo } from '../../db/migrate'
import { LATEST_VERSION } from '../../db/migrations'
import { AppError } from '../../shared/result'

export interface DbFileCheck {
  schemaVersion: number
  tables: number
  /** Row counts that let a person recognise the backup before restoring it. */
  counts: { producers: number; products: number; councils: number; sessions: number }
}

const expectedByVersion = new Map<number, string[]>()

/** The tables a database of `version` must have: those the app's own migrations create up to it. */
export function expectedTables(version: number): string[] {
  let names = expectedByVersion.get(version)
  if (!names) {
    const mem = new Database(':memory:')
    migrateTo(mem, version)
    names = (mem.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).pluck().all() as string[])
    mem.close()
    expectedByVersion.set(version, names)
  }
  return names
}

const count = (db: Database.Database, table: string, tables: Set<string>): number =>
  tables.has(table) ? (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) : 0

/**
 * Checks a database file before it may replace the app's data: it is SQLite, passes PRAGMA integrity_check, its
 * schema is not newer than this app and has every table its version should have. Throws a Vietnamese AppError.
 */
export function checkDbFile(file: string, latest: number = LATEST_VERSION): DbFileCheck {
  const name = basename(file)
  let db: Database.Database
  try {
    db = openConnection(file, { readonly: true })
  } catch {
    throw new AppError('VALIDATION', `Không mở được tệp ${name}: tệp không tồn tại hoặc không phải tệp dữ liệu của ứng dụng.`)
  }
  try {
    let problems: string[]
    try {
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((r) => r.integrity_check).filter((s) => s !== 'ok')
    } catch {
      throw new AppError('VALIDATION', `Tệp ${name} không phải tệp dữ liệu của ứng dụng hoặc đã bị hỏng; không thể khôi phục từ tệp này.`)
    }
    if (problems.length > 0)
      throw new AppError('VALIDATION', `Tệp ${name} bị hỏng (kiểm tra toàn vẹn báo ${problems.length} lỗi, ví dụ: ${problems[0]}); không thể khôi phục từ tệp này.`)
    const version = db.pragma('user_version', { simple: true }) as number
    if (version > latest)
      throw new AppError(
        'DB_TOO_NEW',
        `Tệp ${name} được tạo bởi phiên bản ứng dụng mới hơn (lược đồ ${version}, phiên bản này hỗ trợ đến ${latest}). Hãy cập nhật ứng dụng trước khi khôi phục.`
      )
    const have = new Set(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).pluck().all() as string[])
    const missing = version < 1 ? ['(chưa có lược đồ)'] : expectedTables(version).filter((t) => !have.has(t))
    if (missing.length > 0)
      throw new AppError('VALIDATION', `Tệp ${name} không phải bản sao lưu đầy đủ của ứng dụng: thiếu bảng ${missing.slice(0, 5).join(', ')}.`)
    return {
      schemaVersion: version,
      tables: have.size,
      counts: { producers: count(db, 'producers', have), products: count(db, 'products', have), councils: count(db, 'councils', have), sessions: count(db, 'sessions', have) }
    }
  } finally {
    db.close()
  }
}
