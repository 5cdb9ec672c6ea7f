import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo, schemaVersion, upgrade } from '../../../src-main/db/migrate'
import { LATEST_VERSION, MIGRATIONS } from '../../../src-main/db/migrations'
import type { Migration } from '../../../src-main/db/migrations/types'
import { DB_FILE_NAME } from '../../../src-main/core'
import { tempDir, testCore } from '../../utils/core'

describe('migrations', () => {
  it('opens with WAL, foreign keys and a busy timeout', () => {
    const file = join(tempDir(), 'x.sqlite')
    const db = openConnection(file)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
  })

  it('runs each migration in its own transaction: a failing one leaves the previous version intact', () => {
    const db = openConnection(':memory:')
    const ms: Migration[] = [
      { version: 1, name: 'ok', up: (d) => d.exec('CREATE TABLE a (x INTEGER) STRICT') },
      { version: 2, name: 'bad', up: (d) => { d.exec('CREATE TABLE b (x INTEGER) STRICT'); throw new Error('boom') } }
    ]
    expect(() => migrateTo(db, 2, ms)).toThrow('boom')
    expect(schemaVersion(db)).toBe(1)
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'b'").get()).toBeUndefined()
  })

  it('takes a backup with the backup API before migrating an existing database', async () => {
    const dir = tempDir()
    const file = join(dir, DB_FILE_NAME)
    const db = openConnection(file)
    migrateTo(db, 1)
    db.prepare("INSERT INTO app_settings VALUES ('probe', '\"kept\"', 't')").run()
    const next: Migration = { version: 2, name: 'probe', up: (d) => d.exec("UPDATE app_settings SET value = '\"changed\"'") }
    const r = await upgrade(db, file, () => new Date('2026-11-28T10:00:00Z'), [MIGRATIONS[0]!, next])
    expect(r).toMatchObject({ from: 1, to: 2 })
    expect(db.prepare("SELECT value FROM app_settings WHERE key = 'probe'").get()).toEqual({ value: '"changed"' })
    expect(r.backup && existsSync(r.backup)).toBe(true)
    expect(readdirSync(join(dir, 'backups')).length).toBe(1)
    const copy = new Database(r.backup!, { readonly: true })
    expect(copy.prepare("SELECT value FROM app_settings WHERE key = 'probe'").get()).toEqual({ value: '"kept"' })
    copy.close()
  })

  it('refuses a database made by a newer version, with a clear message, and leaves it untouched', async () => {
    const dir = tempDir()
    const db = openConnection(join(dir, DB_FILE_NAME))
    db.pragma(`user_version = ${LATEST_VERSION + 5}`)
    db.close()
    await expect(testCore(dir)).rejects.toMatchObject({ code: 'DB_TOO_NEW', message: expect.stringContaining('phiên bản ứng dụng mới hơn') })
    const again = new Database(join(dir, DB_FILE_NAME))
    expect(again.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 5)
    again.close()
  })
})
