import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { openConnection } from '../../../src-main/db/connection'
import { LATEST_VERSION } from '../../../src-main/db/migrations'
import { silentLogger } from '../../../src-main/logger'
import { createBackupService } from '../../../src-main/services/backup/backup-service'
import { checkDbFile } from '../../../src-main/services/backup/db-check'
import { call, ok, tempDir, testCore } from '../../utils/core'

const noReopen = { reopen: () => Promise.reject(new Error('not in this test')) }

async function coreWithData() {
  const core = await testCore()
  await ok(core, 'settings.setUi', { language: 'en' })
  return core
}

describe('backups', () => {
  it('takes a consistent copy while the app keeps writing', async () => {
    const core = await coreWithData()
    const db = core.db
    const put = db.prepare('INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?)')
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) put.run(`pre-${i}`, JSON.stringify('x'.repeat(1000)), 'now')
    })()
    const svc = createBackupService({ dataDir: core.dataDir, dbFile: core.info().dbFile, db: () => db, host: noReopen, log: silentLogger })
    let writes = 0
    let running = true
    const writer = (async () => {
      while (running) {
        put.run(`during-${writes++}`, '"y"', 'now')
        await new Promise((r) => setImmediate(r))
      }
    })()
    const e = await svc.backupNow('manual')
    running = false
    await writer
    expect(writes).toBeGreaterThan(0)
    const file = svc.filePath(e.fileName)
    const check = checkDbFile(file)
    expect(check.schemaVersion).toBe(LATEST_VERSION)
    const copy = new Database(file, { readonly: true })
    expect(copy.prepare(`SELECT count(*) FROM app_settings WHERE key LIKE 'pre-%'`).pluck().get()).toBe(3000)
    expect(copy.prepare(`SELECT count(*) FROM app_settings WHERE key LIKE 'during-%'`).pluck().get()).toBeLessThanOrEqual(writes)
    copy.close()
    expect(existsSync(`${file}.part`)).toBe(false)
    core.close()
  })

  it('keeps 7 daily and 10 pre-operation copies, never deletes manual ones, and takes the daily copy when due', async () => {
    const core = await coreWithData()
    let t = Date.parse('2026-11-01T00:00:00Z')
    const svc = createBackupService({ dataDir: core.dataDir, dbFile: core.info().dbFile, db: () => core.db, host: noReopen, log: silentLogger, now: () => new Date(t) })
    expect(await svc.ensureDaily()).not.toBeNull()
    t += 60 * 60 * 1000
    expect(await svc.ensureDaily()).toBeNull()
    for (let i = 0; i < 9; i++) {
      t += 25 * 60 * 60 * 1000
      expect((await svc.ensureDaily())?.kind).toBe('daily')
      await svc.backupBefore('Chốt kết quả phiên họp')
      await svc.backupBefore('Sửa đổi kết quả')
    }
    await svc.backupNow('manual')
    const all = svc.list()
    expect(all.filter((e) => e.kind === 'daily')).toHaveLength(7)
    expect(all.filter((e) => e.kind === 'before')).toHaveLength(10)
    expect(all.filter((e) => e.kind === 'manual')).toHaveLength(1)
    expect(all.find((e) => e.kind === 'before')?.reason).toBe('sua-doi-ket-qua')
    expect(all[0]?.createdAt).toBe(new Date(t).toISOString().replace('.000', ''))
    core.close()
  })

  it('restores through the API in two phases, keeping a safety copy and reopening the core in place', async () => {
    const core = await coreWithData()
    const b = await ok(core, 'backup.create', {})
    await ok(core, 'settings.setUi', { language: 'vi' })
    const { contentBase64 } = await ok(core, 'backup.download', { fileName: b.fileName })
    const prep = await ok(core, 'backup.prepareRestore', { fileName: 'sao-luu.sqlite', contentBase64 })
    expect(prep.check.schemaVersion).toBe(LATEST_VERSION)
    expect((await ok(core, 'settings.getUi', {})).language).toBe('vi')
    const done = await ok(core, 'backup.confirmRestore', { token: prep.token })
    expect((await ok(core, 'settings.getUi', {})).language).toBe('en')
    expect((await ok(core, 'backup.list', {})).some((e) => e.fileName === done.safetyBackup)).toBe(true)
    expect(core.db.open).toBe(true)
    const again = await call(core, 'backup.confirmRestore', { token: prep.token })
    expect(again.ok === false && again.error.message).toMatch(/hết hạn hoặc không tồn tại/)
    // The safety copy holds the data from just before the restore.
    const safety = new Database(join(core.dataDir, 'backups', done.safetyBackup), { readonly: true })
    expect(safety.prepare(`SELECT value FROM app_settings WHERE key = 'ui'`).pluck().get()).toMatch(/"vi"/)
    safety.close()
    core.close()
  })

  it('refuses corrupted, foreign, incomplete and newer files with a clear Vietnamese message, changing nothing', async () => {
    const core = await coreWithData()
    const b = await ok(core, 'backup.create', {})
    const good = readFileSync(join(core.dataDir, 'backups', b.fileName))
    const refuse = async (bytes: Uint8Array) => {
      const r = await call(core, 'backup.prepareRestore', { fileName: 'tep.sqlite', contentBase64: Buffer.from(bytes).toString('base64') })
      if (r.ok) throw new Error('accepted')
      return r.error
    }
    const corrupted = Buffer.from(good)
    corrupted.fill(0xa5, 4096 * 3, 4096 * 3 + 4096)
    expect((await refuse(corrupted)).message).toMatch(/^Tệp tep\.sqlite (bị hỏng|không phải tệp dữ liệu của ứng dụng hoặc đã bị hỏng)/)
    expect((await refuse(Buffer.from('đây không phải cơ sở dữ liệu'.repeat(200)))).message).toMatch(/tep\.sqlite.*không/)

    const dir = tempDir()
    const newer = join(dir, 'newer.sqlite')
    writeFileSync(newer, good)
    const n = openConnection(newer)
    n.pragma(`user_version = ${LATEST_VERSION + 1}`)
    n.close()
    const tooNew = await refuse(readFileSync(newer))
    expect(tooNew.code).toBe('DB_TOO_NEW')
    expect(tooNew.message).toMatch(/phiên bản ứng dụng mới hơn \(lược đồ \d+, phiên bản này hỗ trợ đến \d+\)/)

    const empty = join(dir, 'empty.sqlite')
    const e = new Database(empty)
    e.pragma('user_version = 3')
    e.exec('CREATE TABLE app_settings (key TEXT)')
    e.close()
    expect((await refuse(readFileSync(empty))).message).toMatch(/không phải bản sao lưu đầy đủ của ứng dụng: thiếu bảng/)
    expect((await ok(core, 'settings.getUi', {})).language).toBe('en')
    core.close()
  })
})
