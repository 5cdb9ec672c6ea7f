import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { ok, testCore } from '../../utils/core'
import { producerInput } from '../catalogue/helpers'

let core: Core
beforeEach(async () => {
  core = await testCore(undefined, () => new Date('2026-07-01T03:00:00Z'))
})
afterEach(() => core.close())

describe('first-run set-up', () => {
  it('is needed on an empty database; finishing it is kept in the settings with its time', async () => {
    expect(await ok(core, 'settings.firstRun', {})).toEqual({ needed: true, finishedAt: null, skipped: false, province: false, documents: false, councils: 0 })
    await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
    // The province alone does not end the set-up: the office says when it is done.
    expect(await ok(core, 'settings.firstRun', {})).toMatchObject({ needed: true, province: true })
    expect(await ok(core, 'settings.finishFirstRun', { skipped: false })).toMatchObject({ needed: false, finishedAt: '2026-07-01T03:00:00.000Z', skipped: false })
    expect(core.db.prepare("SELECT value FROM app_settings WHERE key = 'firstRun'").pluck().get()).toBe('{"at":"2026-07-01T03:00:00.000Z","skipped":false}')
  })

  it('"Để sau" puts it off for good', async () => {
    expect(await ok(core, 'settings.finishFirstRun', { skipped: true })).toMatchObject({ needed: false, skipped: true, province: false })
  })

  it('a database with data counts as set up (restored backup, import, older install)', async () => {
    await ok(core, 'producers.create', producerInput())
    expect(await ok(core, 'settings.firstRun', {})).toMatchObject({ needed: false, finishedAt: null })
  })
})
