import Database from 'better-sqlite3'

export type DB = Database.Database

/** How long a write waits for another connection's lock before SQLITE_BUSY (reported as STORAGE_BUSY). */
export const BUSY_TIMEOUT_MS = 5000

/**
 * Connection policy for every database file the app opens.
 *
 * - WAL with `synchronous = FULL`: each commit fsyncs the WAL, so an answer the app acknowledged survives a power
 *   loss, not only a process crash (NORMAL may lose the last commits on power loss). Cost measured in
 *   `bench/sessions.ts` (answer-save p99); the reasoning is in docs/ARCHITECTURE.md "Durability".
 * - `recursive_triggers = ON`: the row a REPLACE deletes fires its DELETE triggers too (defence in depth; the
 *   BEFORE INSERT guards of migration 009 hold even for connections that do not set it).
 * - Every `db.transaction(fn)` begins IMMEDIATE: the write lock is taken at BEGIN, where `busy_timeout` applies,
 *   instead of failing with SQLITE_BUSY at the first write of a deferred transaction. Nested calls still use
 *   savepoints.
 */
export function openConnection(file: string, opts: { readonly?: boolean; nativeBinding?: string } = {}): DB {
  const nativeBinding = opts.nativeBinding ?? electronNativeBinding()
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {})
  })
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    if (!opts.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = FULL')
    db.pragma('recursive_triggers = ON')
  } catch (err) {
    db.close()
    throw err
  }
  if (!opts.readonly) immediateTransactions(db)
  return db
}

/** Makes IMMEDIATE the mode of `db.transaction(fn)()`; the returned function keeps `.deferred/.immediate/.exclusive`. */
function immediateTransactions(db: DB): void {
  const begin = db.transaction.bind(db)
  db.transaction = function transaction(fn) {
    return begin(fn).immediate
  } as DB['transaction']
}

/**
 * Under Electron in development, `npm start` (scripts/start-electron.mjs) builds a separate Electron-ABI copy of
 * better-sqlite3 and names it in OCOP_NATIVE_BINDING, so node_modules keeps the Node build that `npm test` uses.
 * Plain Node never reads the variable; the packaged app clears it at start-up.
 */
function electronNativeBinding(): string | undefined {
  if (!process.versions.electron) return undefined
  return process.env.OCOP_NATIVE_BINDING || undefined
}
