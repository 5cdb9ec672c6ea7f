import type { DB } from '../../src-main/db/connection'

/** Tables, columns, indexes and triggers of a database, for the schema guard. */
export function schemaSnapshot(db: DB): Record<string, unknown> {
  const objects = db
    .prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
    .all() as Array<{ type: string; name: string; tbl_name: string; sql: string | null }>
  const tables: Record<string, unknown> = {}
  for (const o of objects.filter((x) => x.type === 'table')) {
    tables[o.name] = {
      strict: /\)\s*STRICT\s*;?\s*$/i.test(o.sql ?? ''),
      columns: db.prepare(`SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)`).all(o.name),
      foreignKeys: db.prepare(`SELECT "table", "from", "to", on_update, on_delete FROM pragma_foreign_key_list(?)`).all(o.name),
      indexes: (db.prepare('SELECT name, "unique" FROM pragma_index_list(?) ORDER BY name').all(o.name) as Array<{ name: string; unique: number }>).map((i) => ({
        ...i,
        columns: (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as Array<{ name: string }>).map((c) => c.name)
      }))
    }
  }
  const triggers = Object.fromEntries(objects.filter((x) => x.type === 'trigger').map((t) => [t.name, { table: t.tbl_name, sql: t.sql?.replace(/\s+/g, ' ') }]))
  const views = objects.filter((x) => x.type === 'view').map((v) => v.name)
  return { tables, triggers, views }
}
