import Database from 'better-sqlite3'

export type DB = Database.Database

/** Connection policy for every database file the app opens (WAL, FK, busy timeout). */
export function openConnection(file: string, opts: { readonly?: boolean } = {}): DB {
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false })
  if (!opts.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  return db
}
