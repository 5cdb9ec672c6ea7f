import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { checkRecordedCertificate, statusFromCertificates } from '../../../src-main/domain/recorded-certificate'
import { certificateNumberWithYear, composeAddress } from '../../../src-main/domain/export-text'
import { call, ok, testCore } from '../../utils/core'
import { seedProducer } from '../catalogue/helpers'

let core: Core
const fixed = new Date('2026-06-10T03:00:00Z')
beforeEach(async () => {
  core = await testCore(undefined, () => fixed)
})
afterEach(() => core.close())

const base = {
  stars: 3,
  numberText: '15/GCN-UBND',
  issuedOn: null,
  issuedYear: 2024,
  issuingAuthority: 'UBND huyện Đắk Song (cũ), tỉnh Đắk Nông (cũ)',
  decisionNo: '1887/QĐ-UBND',
  decisionDate: '2024-11-20',
  printedExpiry: null,
  sourceNote: 'Quyết định 1887/QĐ-UBND, bản scan lưu tại Chi cục PTNT'
}

async function product(name = 'Cà phê rang xay') {
  const producer = await seedProducer(core)
  return ok(core, 'products.create', { producerId: producer.id, name, setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2024 })
}

describe('recording certificates issued before the app', () => {
  it('domain: expiry printed, else 36 months from issue, else from the decision; refused with none of them', () => {
    expect(checkRecordedCertificate({ ...base, decisionDate: '2024-11-20' })).toMatchObject({ ok: true, value: { expiryDate: '2027-11-20', expiryPrinted: false, issuedOn: null, year: 2024 } })
    expect(checkRecordedCertificate({ ...base, issuedOn: '2024-11-25' })).toMatchObject({ ok: true, value: { expiryDate: '2027-11-25' } })
    expect(checkRecordedCertificate({ ...base, printedExpiry: '2027-12-31' })).toMatchObject({ ok: true, value: { expiryDate: '2027-12-31', expiryPrinted: true } })
    const none = checkRecordedCertificate({ ...base, decisionDate: null })
    expect(none.ok ? null : none.issues.map((i) => i.path)).toEqual(['printedExpiry'])
    const wrongYear = checkRecordedCertificate({ ...base, issuedOn: '2023-05-01' })
    expect(wrongYear.ok ? null : wrongYear.issues[0]!.message).toMatch(/không thuộc năm 2024/)
  })

  it('domain: status from certificates', () => {
    const c = (stars: number, status: 'valid' | 'expired' | 'revoked', expiryDate: string, issuedKey: string) => ({ stars, status, expiryDate, issuedKey })
    expect(statusFromCertificates([], '2026-06-10')).toBeNull()
    expect(statusFromCertificates([c(3, 'valid', '2024-01-01', '2021-01-01'), c(4, 'valid', '2027-01-01', '2024-01-01')], '2026-06-10')).toEqual({ status: 'certificate-valid', stars: 4 })
    expect(statusFromCertificates([c(3, 'valid', '2025-01-01', '2022-01-01')], '2026-06-10')).toEqual({ status: 'expired', stars: 3 })
    expect(statusFromCertificates([c(3, 'expired', '2024-01-01', '2021-01-01'), c(4, 'revoked', '2027-01-01', '2024-01-01')], '2026-06-10')).toEqual({ status: 'revoked', stars: 4 })
  })

  it('export texts: the number carries the year once; the address names commune and province once', () => {
    expect(certificateNumberWithYear('01/GCN-OCOP', 2026)).toBe('01/GCN-OCOP (2026)')
    expect(certificateNumberWithYear('01/2024/GCN-UBND', 2024)).toBe('01/2024/GCN-UBND')
    expect(certificateNumberWithYear('12024/GCN', 2024)).toBe('12024/GCN (2024)')
    expect(composeAddress('Thôn 2', 'Xã Tà Nung', 'Tỉnh Lâm Đồng')).toBe('Thôn 2, Xã Tà Nung, Tỉnh Lâm Đồng')
    expect(composeAddress('Thôn 2, xã Tà Nung, tỉnh Lâm Đồng', 'Xã Tà Nung', 'Tỉnh Lâm Đồng')).toBe('Thôn 2, xã Tà Nung, tỉnh Lâm Đồng')
    expect(composeAddress('Thôn 2, Tà Nung', 'Xã Tà Nung', 'Tỉnh Lâm Đồng')).toBe('Thôn 2, Tà Nung, Tỉnh Lâm Đồng')
    expect(composeAddress('', 'Xã Tà Nung', 'Tỉnh Lâm Đồng')).toBe('Xã Tà Nung, Tỉnh Lâm Đồng')
  })

  it('records through the API: in the lifecycle, no session or score, status from facts, audited, no duplicate', async () => {
    const p = await product()
    const cert = await ok(core, 'certificates.record', { productId: p.id, ...base })
    expect(cert).toMatchObject({ recorded: true, number: '15/GCN-UBND', issuedOn: null, issuedYear: 2024, decisionDate: '2024-11-20', expiryDate: '2027-11-20', state: 'valid', issuingAuthority: base.issuingAuthority })
    const after = await ok(core, 'products.get', { id: p.id })
    expect(after).toMatchObject({ status: 'certificate-valid', stars: 3 })
    expect(after.history.at(-1)!.reason).toMatch(/Ghi nhận giấy chứng nhận cấp trước khi dùng ứng dụng/)
    // Nothing invented: no session, no register number, no result.
    expect(core.db.prepare('SELECT session_id, number, number_id FROM certificates WHERE id = ?').get(cert.id)).toEqual({ session_id: null, number: null, number_id: null })
    expect(core.db.prepare('SELECT count(*) FROM results').pluck().get()).toBe(0)
    expect(core.db.prepare('SELECT count(*) FROM document_numbers').pluck().get()).toBe(0)
    expect(core.db.prepare("SELECT kind FROM audit_events ORDER BY seq DESC LIMIT 1").pluck().get()).toBe('certificate.recorded')
    // In the lists, the dashboard and the re-evaluation reminders like any other certificate.
    const expiring = await ok(core, 'certificates.list', { filter: 'expiring', withinDays: 180, asOf: '2027-06-01' })
    expect(expiring.map((c) => c.id)).toEqual([cert.id])
    const dash = await ok(core, 'reports.dashboard', { asOf: '2027-06-01', withinDays: 180, reminderLeadDays: 30 })
    expect(dash.totals).toMatchObject({ recognised: 1, validCertificates: 1, reminders: 1 })
    // The same printed number of the same authority and year is not recorded twice; a second valid one conflicts.
    const again = await call(core, 'certificates.record', { productId: p.id, ...base })
    expect(!again.ok && again.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/đã được ghi nhận/) })
    const second = await call(core, 'certificates.record', { productId: p.id, ...base, numberText: '16/GCN-UBND' })
    expect(!second.ok && second.error.message).toMatch(/còn hiệu lực/)
    // An older, expired certificate of the same product is history; the status stays valid.
    await ok(core, 'certificates.record', { productId: p.id, ...base, numberText: '03/GCN-UBND', issuedYear: 2020, decisionDate: '2020-10-01' })
    expect((await ok(core, 'products.get', { id: p.id })).status).toBe('certificate-valid')
    // Exports: PTNT_OCOP lists both, the national record the valid one with its year.
    const n = JSON.parse(Buffer.from((await ok(core, 'exports.nationalRecords', { format: 'json', asOf: '2026-06-10' })).base64, 'base64').toString('utf8'))
    expect(n.products.map((x: { ocop_certificate_number: string; issued_on: string | null }) => [x.ocop_certificate_number, x.issued_on])).toEqual([['15/GCN-UBND (2024)', null]])
  })

  it('an unknown date without a decision date needs the printed expiry; an empty export says so', async () => {
    const p = await product()
    const empty = await call(core, 'exports.ptntOcop', { format: 'xlsx' })
    expect(!empty.ok && empty.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringMatching(/Chưa có giấy chứng nhận/) })
    const r = await call(core, 'certificates.record', { productId: p.id, ...base, decisionDate: null })
    expect(!r.ok && r.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'printedExpiry' }] })
    const expired = await ok(core, 'certificates.record', { productId: p.id, ...base, decisionDate: null, issuedYear: 2021, printedExpiry: '2024-08-31' })
    expect(expired).toMatchObject({ state: 'expired', expiryPrinted: true })
    expect((await ok(core, 'products.get', { id: p.id })).status).toBe('expired')
  })
})
