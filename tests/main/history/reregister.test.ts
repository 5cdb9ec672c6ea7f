import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { checkReregistration } from '../../../src-main/domain/product-status'
import { call, ok, testCore } from '../../utils/core'
import { seedProducer } from '../catalogue/helpers'

let core: Core
// 10/06/2026 in Vietnam; each reading one second later, as a real clock moves between two requests.
let tick = 0
const clock = () => new Date(Date.UTC(2026, 5, 10, 3, 0, tick++))
beforeEach(async () => {
  producerId = null
  tick = 0
  core = await testCore(undefined, clock)
})
afterEach(() => core.close())

/** A product holding a certificate recorded from before the app (status certificate-valid). */
let producerId: number | null = null
async function certified(name: string, c: { stars: number; decisionDate: string; printedExpiry?: string }) {
  producerId ??= (await seedProducer(core)).id
  const p = await ok(core, 'products.create', { producerId, name, setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2023 })
  await ok(core, 'dossier.attach', { productId: p.id, itemKey: 'mau-01', fileName: 'mau-01-2023.pdf', contentBase64: Buffer.from('%PDF-1.4 lần đầu').toString('base64') })
  await ok(core, 'certificates.record', {
    productId: p.id,
    stars: c.stars,
    numberText: `${p.id}/GCN-UBND`,
    issuedOn: null,
    issuedYear: Number(c.decisionDate.slice(0, 4)),
    issuingAuthority: 'UBND tỉnh Lâm Đồng',
    decisionNo: `${p.id}/QĐ-UBND`,
    decisionDate: c.decisionDate,
    printedExpiry: c.printedExpiry ?? null,
    sourceNote: 'Bản lưu tại Chi cục PTNT'
  })
  expect((await ok(core, 'products.get', { id: p.id })).status).toBe('certificate-valid')
  return p.id
}

describe('Đăng ký đánh giá lại / nâng hạng', () => {
  it('domain: upgrade below 5★ while valid; re-evaluation from 180 days before expiry, late after 120', () => {
    const cert = (stars: number, phase: 'before' | 'open' | 'missed' | 'over') => ({ stars, expiryDate: '2027-01-01', window: { opens: '2026-07-05', closes: '2026-09-03', phase } })
    expect(checkReregistration({ status: 'certificate-valid', type: 'nang-hang', certificate: cert(3, 'before') })).toEqual({ ok: true, late: false })
    expect(checkReregistration({ status: 'certificate-valid', type: 'nang-hang', certificate: cert(5, 'open') }).ok).toBe(false)
    const early = checkReregistration({ status: 'certificate-valid', type: 'danh-gia-lai', certificate: cert(4, 'before') })
    expect(early.ok ? null : early.message).toMatch(/từ ngày 05\/07\/2026/)
    expect(checkReregistration({ status: 'certificate-valid', type: 'danh-gia-lai', certificate: cert(4, 'open') })).toEqual({ ok: true, late: false })
    expect(checkReregistration({ status: 'certificate-valid', type: 'danh-gia-lai', certificate: cert(4, 'missed') })).toEqual({ ok: true, late: true })
    expect(checkReregistration({ status: 'certificate-valid', type: 'danh-gia-lai', certificate: cert(4, 'over') }).ok).toBe(false)
    expect(checkReregistration({ status: 'on-agenda', type: 'nang-hang', certificate: cert(3, 'open') }).ok).toBe(false)
    expect(checkReregistration({ status: 'certificate-valid', type: 'nang-hang', certificate: null }).ok).toBe(false)
  })

  it('starts a new dossier of that type, audited; the earlier files no longer count; the checklist completes it', async () => {
    // Expires 20/11/2026: the window is 24/05 – 23/07/2026, open on 10/06/2026.
    const inWindow = await certified('Trà atiso túi lọc', { stars: 3, decisionDate: '2023-11-20' })
    // Expires 20/11/2027: not yet in the window; an upgrade is possible at any time.
    const later = await certified('Cà phê rang xay', { stars: 4, decisionDate: '2024-11-20' })
    const late = await certified('Mứt dâu tây', { stars: 3, decisionDate: '2023-09-01', printedExpiry: '2026-09-01' })

    const early = await call(core, 'products.reregister', { productId: later, type: 'danh-gia-lai', reason: '' })
    expect(early.ok ? null : early.error).toMatchObject({ code: 'CONFLICT' })
    expect((await ok(core, 'products.get', { id: later })).status).toBe('certificate-valid')
    // The generic status change offers no way round the rule.
    const generic = await call(core, 'products.transition', { id: later, to: 'registered', reason: 'Đánh giá lại' })
    expect(generic.ok).toBe(false)

    const r = await ok(core, 'products.reregister', { productId: inWindow, type: 'danh-gia-lai', reason: 'Hồ sơ UBND xã gửi ngày 05/6/2026' })
    expect(r).toMatchObject({ productId: inWindow, registrationType: 'danh-gia-lai', late: false, certificate: { stars: 3, expiryDate: '2026-11-20' } })
    const p = await ok(core, 'products.get', { id: inWindow })
    expect(p).toMatchObject({ status: 'registered', registrationType: 'danh-gia-lai', stars: 3, dossierCompletedAt: null })
    expect(p.history.at(-1)).toMatchObject({ fromStatus: 'certificate-valid', toStatus: 'registered' })
    expect(p.history.at(-1)!.reason).toMatch(/^Đánh giá lại: giấy chứng nhận số .* \(3 sao, hết hạn 20\/11\/2026\) — Hồ sơ UBND xã/)
    const event = core.db.prepare("SELECT content FROM audit_events WHERE kind = 'product.reregister'").pluck().all() as string[]
    expect(event).toHaveLength(1)
    expect(JSON.parse(event[0]!).data).toMatchObject({ productId: inWindow, type: 'danh-gia-lai', late: false })

    const dossier = await ok(core, 'dossier.get', { productId: inWindow })
    expect(dossier.items.map((i) => i.key)).toContain('reevaluation-updates')
    expect(dossier.items.every((i) => !i.satisfied && i.files.length === 0)).toBe(true)
    const refused = await call(core, 'dossier.complete', { productId: inWindow })
    expect(refused.ok ? null : refused.error.code).toBe('VALIDATION')
    await ok(core, 'dossier.attach', { productId: inWindow, itemKey: 'reevaluation-updates', fileName: 'cap-nhat-2026.pdf', contentBase64: Buffer.from('%PDF-1.4 cập nhật').toString('base64') })
    for (const it of dossier.items.filter((i) => i.key !== 'reevaluation-updates')) await ok(core, 'dossier.check', { productId: inWindow, itemKey: it.key, checked: true })
    const done = await ok(core, 'dossier.complete', { productId: inWindow })
    expect(done.complete).toBe(true)
    expect((await ok(core, 'products.get', { id: inWindow })).status).toBe('dossier-complete')

    // Twice is refused: the product no longer holds the status a re-registration starts from.
    const again = await call(core, 'products.reregister', { productId: inWindow, type: 'nang-hang', reason: '' })
    expect(again.ok ? null : again.error.code).toBe('CONFLICT')

    expect(await ok(core, 'products.reregister', { productId: later, type: 'nang-hang', reason: '' })).toMatchObject({ registrationType: 'nang-hang', late: false })
    expect((await ok(core, 'dossier.get', { productId: later })).items.map((i) => i.key)).toContain('upgrade-evidence')
    expect(await ok(core, 'products.reregister', { productId: late, type: 'danh-gia-lai', reason: '' })).toMatchObject({ late: true })
  })
})
