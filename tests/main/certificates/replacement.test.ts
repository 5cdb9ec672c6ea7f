import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { call, ok } from '../../utils/core'
import { seedProducer } from '../catalogue/helpers'
import { memberCtx, scoreAndSubmit, seedCouncil, SET6 } from '../sessions/helpers'
import { atThreeStarMarkers, certCore, issueDecision } from './helpers'

// Vietnam's day `today` (10/06/2026 at first); each reading one second later.
let tick = 0
let today = '2026-06-10'
const clock = () => new Date(Date.parse(`${today}T03:00:00Z`) + 1000 * tick++)
let core: Core
beforeEach(async () => {
  tick = 0
  today = '2026-06-10'
  core = await certCore(clock)
})
afterEach(() => core.close())

/** A product holding a 3★ certificate recorded from before the app (valid until 20/11/2026: re-evaluation window 24/05 – 23/07/2026). */
async function certified(producerId: number, name: string) {
  const p = await ok(core, 'products.create', { producerId, name, setId: SET6, registrationType: 'lan-dau', year: 2023 })
  const c = await ok(core, 'certificates.record', {
    productId: p.id,
    stars: 3,
    numberText: `${p.id}/GCN-UBND`,
    issuedOn: '2023-11-20',
    issuedYear: 2023,
    issuingAuthority: 'UBND tỉnh Lâm Đồng',
    decisionNo: `${p.id}/QĐ-UBND`,
    decisionDate: '2023-11-20',
    printedExpiry: null,
    sourceNote: ''
  })
  return { productId: p.id, certificateId: c.id }
}

const cert = async (id: number) => (await ok(core, 'certificates.list', { filter: 'all' })).find((c) => c.id === id)!

/** A finalized session of `products` (already dossier-complete) on 20/07/2026, every member scoring the same answers. */
async function rated(products: number[]) {
  const versionId = await seedCouncil(core)
  const round = await ok(core, 'rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-07-30' })
  const s = await ok(core, 'sessions.create', { roundId: round.id, date: '2026-07-20', startTime: '08:00', place: 'Hội trường UBND tỉnh', councilVersionId: versionId })
  await ok(core, 'sessions.setAgenda', { id: s.id, productIds: products })
  await ok(core, 'sessions.setStatus', { id: s.id, to: 'open' })
  for (const m of s.members) await ok(core, 'attendance.set', { sessionId: s.id, memberId: m.id, status: 'present' })
  const scorers = s.members.filter((m) => m.role !== 'secretary')
  for (const m of scorers) for (const productId of products) await ok(core, 'conflicts.declare', { sessionId: s.id, productId, memberId: m.id, kind: 'none', text: '' })
  await ok(core, 'sessions.setStatus', { id: s.id, to: 'scoring' })
  const set = (await ok(core, 'criteria.get', { setId: SET6 })).set
  for (const m of scorers) for (const productId of products) await scoreAndSubmit(core, s.id, productId, m.id, atThreeStarMarkers(set), memberCtx(m.id))
  await ok(core, 'sessions.setStatus', { id: s.id, to: 'review' })
  const results = await ok(core, 'sessions.finalize', { id: s.id })
  return { sessionId: s.id, results }
}

describe('a certificate replaced at re-evaluation or upgrade (RULES 27a)', () => {
  it('issues the new certificate in place of the valid one of a re-registered product; refuses one not re-registered', async () => {
    const producerId = (await seedProducer(core)).id
    const reevaluated = await certified(producerId, 'Trà atiso túi lọc')
    const putBack = await certified(producerId, 'Mứt dâu tây')
    await ok(core, 'products.reregister', { productId: reevaluated.productId, type: 'danh-gia-lai', reason: 'Hồ sơ đánh giá lại' })
    // The dossier is not under test: both are marked complete; the second comes back without a re-registration.
    core.db.prepare("UPDATE products SET status = 'dossier-complete', dossier_completed_at = '2026-07-01T00:00:00.000Z' WHERE id IN (?, ?)").run(reevaluated.productId, putBack.productId)
    const { sessionId, results } = await rated([reevaluated.productId, putBack.productId])
    expect(results.map((r) => [r.stars, r.outcome])).toEqual([[3, 'recognised-by-province'], [3, 'recognised-by-province']])

    today = '2026-07-26'
    // While the product comes back, its 3★ certificate is what it holds: valid, and counted as recognised.
    const dash = await ok(core, 'reports.dashboard', { withinDays: 1095, reminderLeadDays: 365 })
    expect(dash.totals).toMatchObject({ recognised: 2, validCertificates: 2, expiring: 2, reminders: 2 })
    expect(dash.byStars.find((s) => s.key === '3')!.count).toBe(2)

    const decisionNo = await issueDecision(core, sessionId, { number: 215, date: '2026-07-25' })
    const refused = await call(core, 'certificates.issue', { sessionId, issuedOn: '2026-07-25', productIds: [putBack.productId] })
    expect(refused.ok ? null : refused.error).toMatchObject({ code: 'CONFLICT', message: '"Mứt dâu tây" đã có giấy chứng nhận còn hiệu lực' })

    const [issued] = await ok(core, 'certificates.issue', { sessionId, issuedOn: '2026-07-25', productIds: [reevaluated.productId] })
    expect(issued).toMatchObject({ productId: reevaluated.productId, stars: 3, expiryDate: '2029-07-25', state: 'valid', decisionNo, replacedBy: null })
    const old = await cert(reevaluated.certificateId)
    expect(old).toMatchObject({ state: 'replaced', replacedBy: { id: issued!.id, number: issued!.number, decisionNo, on: '2026-07-25' } })
    // Stored, not computed: the row itself says replaced, with the link and the day.
    expect(core.db.prepare('SELECT status, replaced_by, replaced_on FROM certificates WHERE id = ?').get(reevaluated.certificateId)).toEqual({ status: 'replaced', replaced_by: issued!.id, replaced_on: '2026-07-25' })
    expect(await ok(core, 'products.get', { id: reevaluated.productId })).toMatchObject({ status: 'certificate-valid', stars: 3 })

    // Audited in the same transaction, and the chain still verifies.
    const events = core.db.prepare("SELECT content FROM audit_events WHERE kind = 'certificate.replaced'").pluck().all() as string[]
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0]!)).toMatchObject({ data: { certificateId: reevaluated.certificateId, replacedBy: issued!.id, decisionNo, on: '2026-07-25' } })

    // The replaced certificate counts nowhere as valid: lists, expiring, reminders, dashboard.
    const valid = await ok(core, 'certificates.list', { filter: 'valid' })
    expect(valid.map((c) => c.id).sort()).toEqual([issued!.id, putBack.certificateId].sort())
    expect((await ok(core, 'certificates.list', { filter: 'replaced' })).map((c) => c.id)).toEqual([reevaluated.certificateId])
    const within = await ok(core, 'certificates.list', { filter: 'expiring', withinDays: 1095 })
    expect(within.map((c) => c.id)).not.toContain(reevaluated.certificateId)
    const after = await ok(core, 'reports.dashboard', { withinDays: 1095, reminderLeadDays: 365 })
    expect(after.totals).toMatchObject({ recognised: 2, validCertificates: 2 })
    expect(after.byStars.map((s) => s.count)).toEqual([2, 0, 0])
    expect(after.reminders.map((c) => c.id)).not.toContain(reevaluated.certificateId)
    // A replaced certificate cannot be revoked (only the valid one can).
    const revoke = await call(core, 'certificates.revoke', { certificateId: reevaluated.certificateId, ground: 'b', detail: 'x', conclusionRef: '1/KL', conclusionDate: '2026-07-26', decidedOn: '2026-07-27', signerTitle: 'Chủ tịch', signerName: 'A' })
    expect(revoke.ok ? null : revoke.error.code).toBe('CONFLICT')
    // The product not re-registered keeps its certificate and its refusal.
    expect((await cert(putBack.certificateId)).state).toBe('valid')
  })
})
