import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion } from '../../../src-main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations'
import { schemaSnapshot } from '../../utils/db'

const SNAPSHOT = join(__dirname, 'schema-snapshot.json')

describe('schema guard', () => {
  it('migrations are numbered 1..N without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(Array.from({ length: LATEST_VERSION }, (_, i) => i + 1))
  })

  it('the migrated schema equals the committed snapshot (UPDATE_SNAPSHOT=1 rewrites it)', () => {
    const db = openConnection(':memory:')
    migrateTo(db)
    expect(schemaVersion(db)).toBe(LATEST_VERSION)
    const snap = { version: LATEST_VERSION, ...schemaSnapshot(db) }
    if (process.env.UPDATE_SNAPSHOT || !existsSync(SNAPSHOT)) writeFileSync(SNAPSHOT, JSON.stringify(snap, null, 1) + '\n')
    expect(snap).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')))
  })

  it('every table is STRICT (but the FTS5 search index and its shadow tables, which SQLite creates)', () => {
    const db = openConnection(':memory:')
    migrateTo(db)
    const tables = schemaSnapshot(db).tables as Record<string, { strict: boolean }>
    const fts = new Set(db.prepare("SELECT name FROM pragma_table_list WHERE type IN ('virtual', 'shadow')").pluck().all() as string[])
    expect([...fts].sort()).toEqual(['product_search', ...['config', 'content', 'data', 'docsize', 'idx'].map((s) => `product_search_${s}`)])
    for (const [name, t] of Object.entries(tables)) if (!fts.has(name)) expect(t.strict, name).toBe(true)
  })
})
