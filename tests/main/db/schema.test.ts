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

  it('every table is STRICT', () => {
    const db = openConnection(':memory:')
    migrateTo(db)
    const tables = schemaSnapshot(db).tables as Record<string, { strict: boolean }>
    for (const [name, t] of Object.entries(tables)) expect(t.strict, name).toBe(true)
  })
})
