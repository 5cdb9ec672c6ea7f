import { copyFileSync, mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { runAudit } from '../../../src-main/cli/audit'
import { runRestore } from '../../../src-main/cli/backup'
import { DB_FILE_NAME } from '../../../src-main/core'
import { canonicalJson, eventHash } from '../../../src-main/domain/audit-chain'
import { currentHead } from '../../../src-main/services/sessions/integrity'
import { sha256 } from '../../../src-main/services/sessions/store'
import { tempDir, testCore } from '../../utils/core'
import { captureIo, finalizedSession } from './fixture'

/**
 * Issue 11, items 2–4: each edit made directly on the SQLite file with better-sqlite3 (a person with the sqlite3
 * tool), or on a backup before it is restored, must be refused by the database, detected by `audit verify`
 * (exit ≠ 0, a Vietnamese message naming what changed) or refused by restore. The matrix is printed.
 */
type Outcome = { how: 'refused by the DB' | 'detected by audit verify' | 'refused by restore' | 'NOT DETECTED'; message: string }

/** Runs `sql` with a trigger lifted the way an attacker would (dropped, then put back so the schema looks intact). */
function withTriggersLifted(db: Database.Database, names: string[], fn: () => void): void {
  const saved = names.map((n) => db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?`).pluck().get(n) as string)
  for (const n of names) db.exec(`DROP TRIGGER ${n}`)
  fn()
  for (const sql of saved) db.exec(sql)
}

describe('tamper matrix', () => {
  it('every edit of a finalized session is refused or detected, and the figures are printed', async () => {
    const core = await testCore()
    const s = await finalizedSession(core)
    const [p0] = s.products as [number]
    const productName = (core.db.prepare('SELECT name FROM products WHERE id = ?').pluck().get(p0) as string)
    const head = currentHead(core.db)!
    const pristineDir = core.dataDir
    const backups = join(pristineDir, 'backups')
    const beforeFinalize = readdirSync(backups).find((f) => f.includes('chot-phien') && f.endsWith('.sqlite'))!
    core.close()
    const pristine = join(pristineDir, DB_FILE_NAME)

    /** A fresh copy of the finalized data folder, edited by `edit` with a raw connection. */
    const copyWith = (edit: (db: Database.Database) => void): string => {
      const dir = tempDir('ocop-tamper-')
      copyFileSync(pristine, join(dir, DB_FILE_NAME))
      const db = new Database(join(dir, DB_FILE_NAME))
      try {
        edit(db)
      } finally {
        db.close()
      }
      return dir
    }
    const rawRefused = (sql: string): Outcome => {
      const dir = tempDir('ocop-tamper-')
      copyFileSync(pristine, join(dir, DB_FILE_NAME))
      const db = new Database(join(dir, DB_FILE_NAME))
      try {
        db.exec(sql)
        return { how: 'NOT DETECTED', message: 'accepted' }
      } catch (err) {
        return { how: 'refused by the DB', message: (err as Error).message }
      } finally {
        db.close()
      }
    }
    const audit = async (dir: string, expect?: string): Promise<Outcome> => {
      const io = captureIo()
      const code = await runAudit(['verify', '--data-dir', dir, ...(expect ? ['--expect', expect] : [])], io)
      return { how: code === 0 ? 'NOT DETECTED' : 'detected by audit verify', message: io.out().trim() }
    }
    const restore = async (backupFile: string): Promise<Outcome> => {
      const target = tempDir('ocop-restore-')
      const io = captureIo()
      const code = await runRestore([backupFile, '--data-dir', target, '--yes'], io)
      return { how: code === 0 ? 'NOT DETECTED' : 'refused by restore', message: io.out().trim() }
    }
    const backupWith = (edit: (db: Database.Database) => void): string => join(copyWith(edit), DB_FILE_NAME)

    const matrix: Array<[string, Outcome, RegExp]> = []
    const row = async (name: string, outcome: Outcome | Promise<Outcome>, mustSay: RegExp) => matrix.push([name, await outcome, mustSay])

    await row('REPLACE INTO results (stars 5 → 1)', rawRefused(`REPLACE INTO results SELECT session_id, product_id, criteria_set_id, criteria_version, rating, sha256, status, 1, mean, outcome, finalized_at, product_code, product_name, producer_name FROM results WHERE product_id = ${p0}`), /FINALIZED/)
    await row('INSERT OR REPLACE INTO amendments', rawRefused(`INSERT OR REPLACE INTO amendments SELECT id, session_id, product_id, reason, author, 'Nội dung khác', created_at FROM amendments`), /IMMUTABLE/)
    await row('INSERT OR REPLACE INTO audit_events', rawRefused(`INSERT OR REPLACE INTO audit_events SELECT seq, at, kind, session_id, actor, content, prev_hash, hash FROM audit_events WHERE seq = 1`), /IMMUTABLE/)
    await row('UPDATE results.stars (guard trigger lifted and put back)', audit(copyWith((db) => withTriggersLifted(db, ['results_no_update'], () => db.exec(`UPDATE results SET stars = 1 WHERE product_id = ${p0}`)))), new RegExp(`Kết quả của sản phẩm "${productName}".*đã bị sửa`))
    await row('UPDATE a finalized answer (guards lifted and put back)', audit(copyWith((db) =>
      withTriggersLifted(db, ['answers_finalized_update', 'answers_locked_update'], () => db.exec(`UPDATE answers SET option_id = 'x' WHERE rowid = (SELECT min(rowid) FROM answers)`))
    )), /Phiếu chấm số \d+ của Thành viên .* cho sản phẩm .* đã bị sửa/)
    await row('DELETE the last 3 audit events (checked against the anchored head)', audit(copyWith((db) =>
      withTriggersLifted(db, ['audit_events_no_delete'], () => db.exec('DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 3 FROM audit_events)'))
    ), head), /sự kiện cuối đã bị xóa/)
    const rehashed = copyWith((db) =>
      withTriggersLifted(db, ['audit_events_no_update'], () => {
        const events = db.prepare('SELECT seq, content FROM audit_events ORDER BY seq').all() as Array<{ seq: number; content: string }>
        let prev = '0'.repeat(64)
        for (const e of events) {
          const parsed = JSON.parse(e.content) as { data: Record<string, unknown> }
          if (e.seq === 3) parsed.data = { ...parsed.data, forged: true }
          const content = canonicalJson(parsed)
          const hash = eventHash(sha256, prev, content)
          db.prepare('UPDATE audit_events SET content = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(content, prev, hash, e.seq)
          prev = hash
        }
      })
    )
    // Re-hashed, the chain is consistent with itself: only the head anchored outside the database tells.
    expect((await audit(rehashed)).how).toBe('NOT DETECTED')
    await row('edit one event and re-hash the whole chain (--expect anchored head)', audit(rehashed, head), /đã bị sửa và băm lại/)
    await row('backup with every trigger dropped', restore(backupWith((db) => {
      for (const t of db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger'`).pluck().all() as string[]) db.exec(`DROP TRIGGER ${t}`)
    })), /thiếu trigger/)
    await row('backup with a planted trigger', restore(backupWith((db) =>
      db.exec(`CREATE TRIGGER answers_swap AFTER INSERT ON answers BEGIN UPDATE answers SET option_id = 'x' WHERE sheet_id = NEW.sheet_id AND criterion_code = NEW.criterion_code; END`)
    )), /có thêm trigger lạ answers_swap/)
    await row('backup with results edited (stars 5 → 1)', restore(backupWith((db) => withTriggersLifted(db, ['results_no_update'], () => db.exec(`UPDATE results SET stars = 1 WHERE product_id = ${p0}`)))), new RegExp(`sản phẩm "${productName}".*đã bị sửa`))
    await row('backup with the chain broken (one event edited, not re-hashed)', restore(backupWith((db) =>
      withTriggersLifted(db, ['audit_events_no_update'], () => db.exec(`UPDATE audit_events SET actor = 'secretary' WHERE seq = 2`))
    )), /Chuỗi nhật ký bị phá vỡ tại sự kiện số 2/)

    const pad = (t: string, n: number) => (t.length > n ? `${t.slice(0, n - 1)}…` : t.padEnd(n))
    const lines = [
      `${pad('edit', 66)} | ${pad('outcome', 26)} | message`,
      `${'-'.repeat(66)}-+-${'-'.repeat(26)}-+-${'-'.repeat(40)}`,
      ...matrix.map(([name, o]) => `${pad(name, 66)} | ${pad(o.how, 26)} | ${o.message.replace(/\s+/g, ' ').slice(0, 160)}`)
    ]
    console.log(`\nTamper matrix (${matrix.length} edits, ${matrix.filter(([, o]) => o.how === 'NOT DETECTED').length} not detected):\n${lines.join('\n')}\n`)
    for (const [name, o, mustSay] of matrix) {
      expect(o.how, name).not.toBe('NOT DETECTED')
      expect(o.message, name).toMatch(mustSay)
    }

    // The untouched data passes, anchored head included.
    expect((await audit(copyWith(() => {}), head)).how).toBe('NOT DETECTED')

    // Going back past a finalization (the automatic backup taken just before it) needs a stated reason, and the
    // restore is recorded in the restored data's own chain.
    const live = copyWith(() => {})
    mkdirSync(join(live, 'backups'))
    const io = captureIo()
    expect(await runRestore([join(backups, beforeFinalize), '--data-dir', live, '--yes'], io)).toBe(2)
    expect(io.out()).toMatch(/có từ trước khi chốt kết quả phiên họp số 1.*Hãy ghi rõ lý do/)
    const reason = 'Phục hồi theo yêu cầu của Chủ tịch Hội đồng để chấm lại'
    expect(await runRestore([join(backups, beforeFinalize), '--data-dir', live, '--yes', '--reason', reason], captureIo())).toBe(0)
    const db = new Database(join(live, DB_FILE_NAME), { readonly: true })
    const last = db.prepare('SELECT kind, actor, content FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { kind: string; actor: string; content: string }
    db.close()
    expect(last).toMatchObject({ kind: 'backup.restore', actor: 'cli' })
    expect(JSON.parse(last.content).data).toMatchObject({ fileName: beforeFinalize, reason, undoneFinalizations: [{ sessionId: s.sessionId }], sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })
    expect((await audit(live)).how).toBe('NOT DETECTED')
  }, 120_000)
})
