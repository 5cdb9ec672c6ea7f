import { ok, tempDir, testCore } from '../utils/core'

describe('core start-up', () => {
  it('a second start with the same data folder keeps the data and does not reload the criteria', async () => {
    const dir = tempDir()
    const first = await testCore(dir, () => new Date('2026-11-01T08:00:00Z'))
    await ok(first, 'settings.setUi', { language: 'en' })
    const loadedAt = first.db.prepare('SELECT DISTINCT loaded_at FROM criteria_sets').all()
    first.close()

    const second = await testCore(dir, () => new Date('2026-11-28T08:00:00Z'))
    expect(await ok(second, 'settings.getUi', {})).toEqual({ language: 'en' })
    expect(second.db.prepare('SELECT DISTINCT loaded_at FROM criteria_sets').all()).toEqual(loadedAt)
    expect(second.db.prepare('SELECT count(*) n FROM criteria_sets').get()).toEqual({ n: 26 })
    const info = await ok(second, 'app.info', {})
    expect(info).toMatchObject({ name: 'OCOP Council', dataDir: dir, criteriaVersion: 'qd26-2026@2', mode: 'browser' })
    second.close()
  })
})
