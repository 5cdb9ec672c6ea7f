import { basename } from 'node:path'
import Database from 'better-sqlite3'
import { openConnection } from '../../db/connection'
import { migrateTo } from '../../db/migrate'
import { LATEST_VERSION } from '../../db/migrations'
import { AppError } from '../../shared/result'
import { checkIntegrity } from '../sessions/integrity'

export interface DbFileCheck {
  schemaVersion: number
  tables: number
  /** Row counts that let a person recognise the backup before restoring it. */
  counts: { producers: number; products: number; councils: number; sessions: number }
  /** The audit chain head the file ends with (null before any event): compare with the backup's manifest. */
  auditHead: string | null
  /** Sessions finalized in the file, with when, to tell whether restoring it would undo a finalization. */
  finalized: Array<{ sessionId: number; finalizedAt: string }>
}

type SchemaObject = { type: string; name: string; sql: string }
const expectedByVersion = new Map<number, SchemaObject[]>()
const norm = (sql: string | null): string => (sql ?? '').replace(/\s+/g, ' ').trim()

/**
 * The schema a database of `version` must have — tables, indexes, triggers, views — computed from a fresh in-memory
 * migration with the migrations this app ships, so it is always the shipped snapshot (issue 11, item 4).
 */
export function expectedSchema(version: number): SchemaObject[] {
  let objects = expectedByVersion.get(version)
  if (!objects) {
    const mem = new Database(':memory:')
    migrateTo(mem, version)
    objects = schemaObjects(mem)
    mem.close()
    expectedByVersion.set(version, objects)
  }
  return objects
}

export const expectedTables = (version: number): string[] => expectedSchema(version).filter((o) => o.type === 'table').map((o) => o.name)

function schemaObjects(db: Database.Database): SchemaObject[] {
  return (db.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`).all() as Array<{ type: string; name: string; sql: string | null }>).map((o) => ({
    type: o.type,
    name: o.name,
    sql: norm(o.sql)
  }))
}

const TYPE_VI: Record<string, string> = { table: 'bảng', index: 'chỉ mục', trigger: 'trigger', view: 'view' }

/** Differences between a file's schema and the shipped one, in Vietnamese ("thiếu trigger results_no_update", …). */
export function schemaDifferences(db: Database.Database, version: number): string[] {
  const want = new Map(expectedSchema(version).map((o) => [`${o.type}:${o.name}`, o]))
  const have = new Map(schemaObjects(db).map((o) => [`${o.type}:${o.name}`, o]))
  const out: string[] = []
  for (const [k, o] of want) {
    const h = have.get(k)
    if (!h) out.push(`thiếu ${TYPE_VI[o.type] ?? o.type} ${o.name}`)
    else if (h.sql !== o.sql) out.push(`${TYPE_VI[o.type] ?? o.type} ${o.name} khác bản gốc`)
  }
  for (const [k, o] of have) if (!want.has(k)) out.push(`có thêm ${TYPE_VI[o.type] ?? o.type} lạ ${o.name}`)
  return out
}

/** Sessions finalized in a database, oldest first (none before migration 004). */
export function finalizedSessions(db: Database.Database): DbFileCheck['finalized'] {
  if (!db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sessions'`).get()) return []
  return db.prepare(`SELECT id AS sessionId, finalized_at AS finalizedAt FROM sessions WHERE status = 'finalized' ORDER BY finalized_at, id`).all() as DbFileCheck['finalized']
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
    // Nothing missing, nothing extra: a dropped guard trigger or a planted one would change what the app stores.
    const diff = schemaDifferences(db, version)
    if (diff.length > 0)
      throw new AppError('TAMPERED', `Tệp ${name} có lược đồ khác với lược đồ ${version} của ứng dụng (${diff.slice(0, 5).join('; ')}${diff.length > 5 ? `; và ${diff.length - 5} khác biệt khác` : ''}): tệp đã bị sửa ngoài ứng dụng, không thể khôi phục.`)
    const integrity = checkIntegrity(db)
    if (!integrity.intact)
      throw new AppError('TAMPERED', `Tệp ${name} đã bị sửa ngoài ứng dụng, không thể khôi phục: ${integrity.problems.slice(0, 3).map((p) => p.message).join('; ')}${integrity.problems.length > 3 ? `; và ${integrity.problems.length - 3} vấn đề khác` : ''}.`)
    return {
      schemaVersion: version,
      tables: have.size,
      counts: { producers: count(db, 'producers', have), products: count(db, 'products', have), councils: count(db, 'councils', have), sessions: count(db, 'sessions', have) },
      auditHead: integrity.head,
      finalized: finalizedSessions(db)
    }
  } finally {
    db.close()
  }
}
