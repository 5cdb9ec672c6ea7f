import { existsSync, mkdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { AppError } from '../shared/result'
import type { DB } from './connection'
import { LATEST_VERSION, MIGRATIONS } from './migrations'
import type { Migration } from './migrations/types'

export function schemaVersion(db: DB): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Applies migrations after the current user_version up to `target`, each in its own transaction. */
export function migrateTo(db: DB, target: number = LATEST_VERSION, migrations: readonly Migration[] = MIGRATIONS): number[] {
  const current = schemaVersion(db)
  const applied: number[] = []
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue
    const fkOn = db.pragma('foreign_keys', { simple: true }) === 1
    if (m.foreignKeysOff) db.pragma('foreign_keys = OFF')
    try {
      db.transaction(() => {
        m.up(db)
        if (m.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[]
          if (broken.length) throw new Error(`migration ${m.version}: ${broken.length} foreign key violations`)
        }
        db.pragma(`user_version = ${m.version}`)
      })()
    } finally {
      if (m.foreignKeysOff && fkOn) db.pragma('foreign_keys = ON')
    }
    applied.push(m.version)
  }
  return applied
}

export function assertNotTooNew(db: DB, file: string, latest: number = LATEST_VERSION): void {
  const v = schemaVersion(db)
  if (v > latest)
    throw new AppError(
      'DB_TOO_NEW',
      `Tệp dữ liệu ${basename(file)} được tạo bởi phiên bản ứng dụng mới hơn (lược đồ ${v}, phiên bản này hỗ trợ đến ${latest}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.`
    )
}

/**
 * Opens the schema to the latest version. When a non-empty database needs migrating, a copy is taken first with
 * SQLite's online backup API into <dataDir>/backups/, so a failed or unwanted upgrade can be undone.
 */
export async function upgrade(
  db: DB,
  file: string,
  now: () => Date = () => new Date(),
  migrations: readonly Migration[] = MIGRATIONS
): Promise<{ from: number; to: number; backup?: string }> {
  const latest = migrations.at(-1)?.version ?? 0
  assertNotTooNew(db, file, latest)
  const from = schemaVersion(db)
  if (from === latest) return { from, to: from }
  let backup: string | undefined
  if (from > 0) {
    const dir = join(dirname(file), 'backups')
    if (!existsSync(dir)) mkdirSync(dir, { recursive: true })
    backup = join(dir, `${basename(file, '.sqlite')}-v${from}-before-migrate-${now().toISOString().replace(/[:.]/g, '-')}.sqlite`)
    await db.backup(backup)
  }
  migrateTo(db, latest, migrations)
  return { from, to: latest, ...(backup ? { backup } : {}) }
}
