import Database from 'better-sqlite3'

export type DB = Database.Database

/** Connection policy for every database file the app opens (WAL, FK, busy timeout). */
export function openConnection(file: string, opts: { readonly?: boolean; nativeBinding?: string } = {}): DB {
  const nativeBinding = opts.nativeBinding ?? electronNativeBinding()
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {})
  })
  if (!opts.readonly) db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('synchronous = NORMAL')
  db.pragma('busy_timeout = 5000')
  return db
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
