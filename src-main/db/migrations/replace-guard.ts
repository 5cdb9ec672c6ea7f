import type { DB } from '../connection'

/**
 * What a REPLACE on `table` can conflict on, read from the schema being migrated: the primary key and each UNIQUE
 * index. A partial unique index (`… WHERE status = 'valid'`) conflicts only between rows that both satisfy its WHERE
 * clause, so its condition is kept, written once for the existing row `o` and once for `NEW`. Expression indexes are
 * skipped (their keys are checked by the guards that own them).
 */
export interface ConflictKey {
  columns: string[]
  /** The partial index's WHERE clause as written, or null. */
  where: string | null
}

export function conflictKeys(db: DB, table: string): ConflictKey[] {
  const cols = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY pk`).all(table) as Array<{ name: string; pk: number }>
  const pk = cols.filter((c) => c.pk > 0).map((c) => c.name)
  const keys: ConflictKey[] = pk.length > 0 ? [{ columns: pk, where: null }] : []
  for (const ix of db.prepare(`SELECT name, partial FROM pragma_index_list(?) WHERE "unique" = 1`).all(table) as Array<{ name: string; partial: number }>) {
    const parts = db.prepare(`SELECT cid, name FROM pragma_index_info(?) ORDER BY seqno`).all(ix.name) as Array<{ cid: number; name: string | null }>
    if (parts.some((p) => p.cid < 0 || p.name === null)) continue
    const sql = ix.partial ? ((db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).pluck().get(ix.name) as string | null) ?? '') : ''
    const where = ix.partial ? (/\bWHERE\b([\s\S]*)$/i.exec(sql)?.[1]?.trim() ?? null) : null
    if (ix.partial && where === null) continue
    const key = { columns: parts.map((p) => p.name as string), where }
    if (!keys.some((k) => k.columns.join(',') === key.columns.join(',') && k.where === key.where)) keys.push(key)
  }
  return keys
}

/** `expr` with every bare column name of `table` qualified by `alias` (quoted strings left alone). */
function qualify(expr: string, columns: readonly string[], alias: string): string {
  const names = new RegExp(`(?<![.\\w])(${columns.map((c) => c.replace(/\W/g, '')).join('|')})(?![\\w(])`, 'g')
  return expr
    .split(/('(?:[^']|'')*')/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(names, `${alias}.$1`)))
    .join('')
}

/** `(o.a = NEW.a AND …) OR …`: the existing row `o` that an insert of NEW would replace (NULLs never conflict). */
export function conflictWhere(db: DB, table: string): string {
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
  return conflictKeys(db, table)
    .map((k) => {
      const eq = k.columns.map((c) => `o.${c} = NEW.${c}`).join(' AND ')
      return k.where === null ? `(${eq})` : `(${eq} AND (${qualify(k.where, columns, 'o')}) AND (${qualify(k.where, columns, 'NEW')}))`
    })
    .join(' OR ')
}

/** A BEFORE INSERT trigger refusing any insert that would replace an existing row of an immutable table. */
export function replaceGuardSql(db: DB, table: string, message: string): string {
  return `CREATE TRIGGER ${table}_no_replace BEFORE INSERT ON ${table}
      WHEN EXISTS (SELECT 1 FROM ${table} o WHERE ${conflictWhere(db, table)})
      BEGIN SELECT RAISE(ABORT, '${message}'); END;`
}
