import type { Statement } from 'better-sqlite3'
import type { DB } from './connection'

const caches = new WeakMap<DB, Map<string, Statement<unknown[]>>>()

/**
 * The statement for `sql` on this connection, compiled on first use and kept for the connection's life: functions
 * that run once per row of a bulk write (the Excel import writes thousands in one transaction) call this instead
 * of `db.prepare`, so the SQL is compiled once, not per row.
 */
export function stmt(db: DB, sql: string): Statement<unknown[]> {
  let cache = caches.get(db)
  if (!cache) caches.set(db, (cache = new Map()))
  let st = cache.get(sql)
  if (!st) cache.set(sql, (st = db.prepare(sql)))
  return st
}
