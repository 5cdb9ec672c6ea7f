import type { DB } from '../connection'

/**
 * For a table rebuilt by SQLite's documented procedure (create new, copy, drop, rename): every trigger that names
 * the table — on it, or reading it in its body, like 012's search-index triggers — is dropped before the rebuild
 * (SQLite's RENAME refuses while a trigger names a table that is, at that moment, dropped). The returned function
 * recreates them as they were, except those the rebuild itself redefines.
 */
export function setTriggersAside(db: DB, table: string): (except?: readonly string[]) => void {
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = ? OR sql LIKE '%' || ? || '%')")
    .all(table, table) as Array<{ name: string; sql: string }>
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`)
  return (except = []) => {
    for (const t of triggers) if (!except.includes(t.name)) db.exec(t.sql)
  }
}
