import { describe, expect, it } from 'vitest'
import { call, ok, testCore } from '../../utils/core'

describe('products.evaluations and products.exportInfo', () => {
  it('lists the sessions that had the product on the agenda and reads back the export fields', async () => {
    const core = await testCore()
    const db = core.db
    const at = '2026-05-01T00:00:00.000Z'
    const producer = Number(
      db.prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
        VALUES ('htx', 'HTX Chè', 'htx che', 'htx che', 'Phạm Thị Mai', 'nu', 'Kinh', '68', '24778', ?, ?)`).run(at, at).lastInsertRowid
    )
    const productId = Number(
      db.prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, dossier_completed_at, created_at, updated_at)
        VALUES ('68-24778-001-2026', 'F-1', '68', '24778', 1, 2026, 'Trà Ô long', 'tra o long', 'tra', ?, 'QD26-2026-06', 'lan-dau', 'dossier-complete', ?, ?, ?)`).run(producer, at, at, at).lastInsertRowid
    )
    expect(await ok(core, 'products.evaluations', { productId })).toEqual([])
    const c = await ok(core, 'councils.create', {
      name: 'Hội đồng tỉnh', periodFrom: '2026-07-01', periodTo: null, decisionNo: '9/QĐ-UBND', decisionDate: '2026-06-20', signerName: 'Trần Văn Ký', signerTitle: 'Chủ tịch',
      members: [{ role: 'chair', fullName: 'Trần Văn An' }, { role: 'member', fullName: 'Lê Thị Bích' }, { role: 'member', fullName: 'Phạm Văn Cường' }, { role: 'secretary', fullName: 'Ngô Thị Lan' }]
    })
    const versionId = (await ok(core, 'councils.activate', { id: c.id })).currentVersion!.id
    const round = await ok(core, 'rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
    const s = await ok(core, 'sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường', councilVersionId: versionId })
    await ok(core, 'sessions.setAgenda', { id: s.id, productIds: [productId] })
    await ok(core, 'reevaluation.setMode', { sessionId: s.id, mode: 'written-opinions' })
    expect(await ok(core, 'products.evaluations', { productId })).toEqual([
      { sessionId: s.id, roundName: 'Đợt 2 năm 2026', date: '2026-11-20', sessionStatus: 'draft', mode: 'written-opinions', stars: null, mean: null, outcome: null, resultStatus: null, finalizedAt: null }
    ])

    expect(await ok(core, 'products.exportInfo', { productId })).toEqual({ productId, annualRevenue: null, revenueYear: null, story: '', updatedAt: null })
    await ok(core, 'exports.setProductInfo', { productId, annualRevenue: 1_250_000_000, revenueYear: 2025, story: 'Chè trồng trên đồi Cầu Đất' })
    expect(await ok(core, 'products.exportInfo', { productId })).toMatchObject({ annualRevenue: 1_250_000_000, revenueYear: 2025, story: 'Chè trồng trên đồi Cầu Đất' })

    const missing = await call(core, 'products.evaluations', { productId: 999 })
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'NOT_FOUND', message: 'Không tìm thấy sản phẩm' })
    core.close()
  })
})
