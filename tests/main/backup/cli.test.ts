import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { runBackup, runRestore, runVerifyDb } from '../../../src-main/cli/backup'
import type { CliIo } from '../../../src-main/cli/rate'
import { ok, tempDir, testCore } from '../../utils/core'

function io(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = []
  const err: string[] = []
  return { out, err, readFile: () => '', readStdin: async () => '', stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) }
}

describe('backup CLI', () => {
  it('backs up to a file, verifies it, and restores it only with --yes', async () => {
    const core = await testCore()
    await ok(core, 'settings.setUi', { language: 'en' })
    core.close()
    const dataDir = core.dataDir
    const out = join(tempDir(), 'sao-luu.sqlite')

    const b = io()
    expect(await runBackup(['--data-dir', dataDir, '--out', out], b)).toBe(0)
    expect(b.out.join('')).toMatch(/^Đã sao lưu: .*sao-luu\.sqlite \(lược đồ \d+/)
    const v = io()
    expect(await runVerifyDb([out], v)).toBe(0)
    expect(v.out.join('')).toContain('hợp lệ')

    const c = await testCore(dataDir)
    await ok(c, 'settings.setUi', { language: 'vi' })
    c.close()

    const noYes = io()
    expect(await runRestore([out, '--data-dir', dataDir], noYes)).toBe(2)
    expect(noYes.err.join('')).toMatch(/thêm --yes để xác nhận/)
    const r = io()
    expect(await runRestore([out, '--data-dir', dataDir, '--yes'], r)).toBe(0)
    expect(r.out.join('')).toMatch(/Dữ liệu trước đó được giữ trong .*ocop-before-.*-khoi-phuc\.sqlite/)
    const after = await testCore(dataDir)
    expect((await ok(after, 'settings.getUi', {})).language).toBe('en')
    after.close()

    const bad = io()
    expect(await runVerifyDb([join(dataDir, 'khong-co.sqlite')], bad)).toBe(2)
    expect(bad.err.join('')).toMatch(/Không mở được tệp khong-co\.sqlite/)
    const manual = io()
    expect(await runBackup(['--data-dir', dataDir], manual)).toBe(0)
    expect(existsSync(manual.out.join('').replace(/^Đã sao lưu: (.*?) \(.*$/s, '$1'))).toBe(true)
    expect(await runBackup(['--data-dir', join(dataDir, 'khong-co')], io())).toBe(2)
  })
})
