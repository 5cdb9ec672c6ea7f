import { execFileSync } from 'node:child_process'
import { closeSync, copyFileSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { createRegistry } from '../../../src-main/api/registry'
import { DB_FILE_NAME } from '../../../src-main/core'
import { openConnection } from '../../../src-main/db/connection'
import { silentLogger } from '../../../src-main/logger'
import { call, ok, tempDir, testCore } from '../../utils/core'

/**
 * Issue 11, item 10: a full disk, a lock held by another process, a read-only folder, a damaged file and a
 * zero-length file each give their own Vietnamese message (no stack, no English), and nothing saved before is lost.
 */
const mounts: string[] = []
/** A small tmpfs at a fresh folder, or the reason it cannot be mounted here (not root, no CAP_SYS_ADMIN). */
function tmpfs(sizeMb: number): { dir: string } | { skip: string } {
  const dir = tempDir('ocop-tmpfs-')
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir], { stdio: 'pipe' })
    mounts.push(dir)
    return { dir }
  } catch (err) {
    return { skip: `cannot mount a tmpfs here (${(err as Error).message.split('\n')[0]})` }
  }
}
afterAll(() => {
  for (const m of mounts) execFileSync('umount', ['-l', m], { stdio: 'ignore' })
})

const round = (n: number) => ({ year: 2026, name: `Đợt ${n} năm 2026`, deadline: '2026-12-15' })
const vietnamese = (m: string) => {
  expect(m).not.toMatch(/SQLITE_|Error:|\bat .*\.ts:\d+/)
  expect(m).toMatch(/[àáảãạăâđêôơư]/)
}

describe('storage faults', () => {
  it('a database locked by another process: STORAGE_BUSY after the busy timeout, then the write goes through', async () => {
    const core = await testCore()
    await ok(core, 'rounds.create', round(1))
    const other = new Database(join(core.dataDir, DB_FILE_NAME))
    other.exec('BEGIN IMMEDIATE')
    const r = await call(core, 'rounds.create', round(2))
    other.exec('ROLLBACK')
    other.close()
    expect(!r.ok && r.error.code).toBe('STORAGE_BUSY')
    if (!r.ok) vietnamese(r.error.message)
    await ok(core, 'rounds.create', round(2))
    expect((await ok(core, 'rounds.list', {})).rounds.map((x) => x.name).sort()).toEqual(['Đợt 1 năm 2026', 'Đợt 2 năm 2026'])
    core.close()
  }, 30_000)

  it('a read-only database: a write through the registry gives STORAGE_READONLY; a read-only folder refuses to open', async () => {
    const core = await testCore()
    await ok(core, 'rounds.create', round(1))
    const file = join(core.dataDir, DB_FILE_NAME)
    core.close()
    const ro = openConnection(file, { readonly: true })
    const registry = createRegistry(silentLogger)
    registry.handle('rounds.create', (i) => ro.transaction(() => ro.prepare('INSERT INTO rounds (year, name, deadline, created_at) VALUES (?, ?, ?, ?)').run(i.year, i.name, i.deadline, 'x'))() as never)
    const r = await registry.dispatch('rounds.create', round(2), { actor: { kind: 'local' }, requestId: 't' })
    ro.close()
    expect(!r.ok && r.error.code).toBe('STORAGE_READONLY')
    if (!r.ok) vietnamese(r.error.message)

    const fs = tmpfs(64)
    if ('skip' in fs) return console.log(`read-only folder case skipped: ${fs.skip}`)
    copyFileSync(file, join(fs.dir, DB_FILE_NAME))
    execFileSync('mount', ['-o', 'remount,ro', fs.dir])
    const refused = await testCore(fs.dir).then(
      () => null,
      (err: { code: string; message: string }) => err
    )
    expect(refused?.code).toBe('STORAGE_READONLY')
    vietnamese(refused!.message)
    execFileSync('mount', ['-o', 'remount,rw', fs.dir])
    const again = await testCore(fs.dir)
    expect((await ok(again, 'rounds.list', {})).rounds.map((x) => x.name)).toEqual(['Đợt 1 năm 2026'])
    again.close()
  }, 60_000)

  it('a full disk: STORAGE_FULL, nothing acknowledged is lost, writes resume once space is freed', async () => {
    const fs = tmpfs(24)
    if ('skip' in fs) return console.log(`disk-full case skipped: ${fs.skip}`)
    const core = await testCore(fs.dir)
    const saved: string[] = []
    for (let i = 1; i <= 3; i++) saved.push((await ok(core, 'rounds.create', round(i))).name)
    // Fill the rest of the disk.
    const filler = join(fs.dir, 'filler.bin')
    const fd = openSync(filler, 'w')
    const chunk = Buffer.alloc(256 * 1024, 1)
    try {
      for (let i = 0; i < 1000; i++) writeSync(fd, chunk)
    } catch {
      // ENOSPC: the disk is full now.
    } finally {
      closeSync(fd)
    }
    let fault: { code: string; message: string } | null = null
    for (let i = 4; i < 400 && !fault; i++) {
      const r = await call(core, 'rounds.create', { year: 2026, name: `Đợt ${i} năm 2026`, deadline: '2026-12-15' })
      if (r.ok) saved.push(r.value.name)
      else fault = r.error
    }
    expect(fault?.code).toBe('STORAGE_FULL')
    vietnamese(fault!.message)
    rmSync(filler)
    saved.push((await ok(core, 'rounds.create', round(999))).name)
    core.close()
    const reopened = await testCore(fs.dir)
    expect((await ok(reopened, 'rounds.list', {})).rounds.map((x) => x.name).sort()).toEqual([...saved].sort())
    reopened.close()
    console.log(`disk full: ${saved.length - 1} rounds acknowledged before STORAGE_FULL, all ${saved.length} present after reopening`)
  }, 120_000)

  it('a damaged file: STORAGE_CORRUPT at start-up, the file is left as it was', async () => {
    const core = await testCore()
    await ok(core, 'rounds.create', round(1))
    core.close()
    const file = join(core.dataDir, DB_FILE_NAME)
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0)
    closeSync(fd)
    const size = statSync(file).size
    const err = await testCore(core.dataDir).then(
      () => null,
      (e: { code: string; message: string }) => e
    )
    expect(err?.code).toBe('STORAGE_CORRUPT')
    vietnamese(err!.message)
    expect(err!.message).toMatch(/khôi phục từ bản sao lưu/)
    expect(statSync(file).size).toBe(size)
  })

  it('a zero-length file with backups: refused, the newest backup named, nothing re-initialised', async () => {
    const core = await testCore()
    await ok(core, 'rounds.create', round(1))
    const entry = await ok(core, 'backup.create', {})
    core.close()
    const file = join(core.dataDir, DB_FILE_NAME)
    for (const ext of ['', '-wal', '-shm']) rmSync(`${file}${ext}`, { force: true })
    writeFileSync(file, '')
    const err = await testCore(core.dataDir).then(
      () => null,
      (e: { code: string; message: string }) => e
    )
    expect(err?.code).toBe('DB_EMPTY')
    expect(err!.message).toContain(entry.fileName)
    vietnamese(err!.message)
    expect(statSync(file).size).toBe(0)
    // Without any backup a zero-length file is a fresh install.
    const fresh = tempDir()
    writeFileSync(join(fresh, DB_FILE_NAME), '')
    mkdirSync(join(fresh, 'backups'))
    const c = await testCore(fresh)
    c.close()
  })
})
