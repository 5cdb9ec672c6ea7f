import { periodicReport, standardPeriod, validOn, type CertificateFact } from '../../../src-main/domain/periodic-report'

const cert = (id: number, over: Partial<CertificateFact> = {}): CertificateFact => ({
  id,
  productId: id,
  stars: 4,
  sector: 'Thực phẩm',
  communeName: 'Phường Xuân Hương - Đà Lạt',
  issuedOn: '2024-06-30',
  expiryDate: '2027-06-30',
  revokedOn: null,
  recorded: false,
  ...over
})

describe('periodic OCOP report', () => {
  it('counts the period and the portfolio at its end, with the expiry day valid and the revocation day not', () => {
    const h1 = standardPeriod(2027, 'h1')
    expect(h1).toEqual({ from: '2027-01-01', to: '2027-06-30' })
    const r = periodicReport(h1, {
      results: [
        { productId: 1, finalizedOn: '2027-01-01', stars: 4, registrationType: 'lan-dau' },
        { productId: 2, finalizedOn: '2027-06-30', stars: 5, registrationType: 'nang-hang' },
        { productId: 3, finalizedOn: '2027-07-01', stars: 3, registrationType: 'lan-dau' },
        { productId: 4, finalizedOn: '2027-03-10', stars: 0, registrationType: 'danh-gia-lai' },
        { productId: 5, finalizedOn: '2026-12-31', stars: 2, registrationType: 'lan-dau' }
      ],
      certificates: [
        cert(1),
        cert(2, { expiryDate: '2027-06-29' }),
        cert(3, { expiryDate: '2026-12-31' }),
        cert(4, { revokedOn: '2027-06-30', stars: 3, sector: 'Đồ uống' }),
        cert(5, { issuedOn: '2027-02-01', expiryDate: '2030-02-01', stars: 3 }),
        cert(6, { issuedOn: '2027-07-01', expiryDate: '2030-07-01' }),
        cert(7, { expiryDate: '2027-03-01', revokedOn: '2027-02-01' })
      ],
      inspections: [
        { inspectedOn: '2027-04-01', kind: 'periodic', outcome: 'recommendations', failedItems: ['label-mark'] },
        { inspectedOn: '2027-05-01', kind: 'ad-hoc', outcome: 'revocation-proposed', failedItems: ['label-mark', 'quality-standard'] },
        { inspectedOn: '2027-07-02', kind: 'periodic', outcome: 'no-action', failedItems: [] }
      ]
    })
    expect(r.evaluations).toEqual({
      total: 3,
      byType: { 'lan-dau': 1, 'nang-hang': 1, 'danh-gia-lai': 1 },
      byStars: [{ key: '0', count: 1 }, { key: '1', count: 0 }, { key: '2', count: 0 }, { key: '3', count: 0 }, { key: '4', count: 1 }, { key: '5', count: 1 }],
      recognised: 1,
      proposedFiveStar: 1
    })
    // Expired in H1: no. 3 (last valid day 31/12/2026, first invalid 01/01/2027) and no. 2 (invalid from 30/06);
    // no. 1 is still valid on 30/06 (its expiry day); no. 7 was revoked before it expired.
    expect(r.certificates).toEqual({ issued: 1, issuedByStars: [{ key: '3', count: 1 }, { key: '4', count: 0 }, { key: '5', count: 0 }], revoked: 2, expired: 2 })
    expect(r.portfolio.valid).toBe(2)
    expect(r.portfolio.byStars).toEqual([{ key: '3', count: 1 }, { key: '4', count: 1 }, { key: '5', count: 0 }])
    expect(r.portfolio.bySector).toEqual([{ key: 'Thực phẩm', count: 2 }])
    expect(r.inspections).toEqual({
      total: 2,
      adHoc: 1,
      byOutcome: { 'no-action': 0, recommendations: 1, 'revocation-proposed': 1 },
      failedItems: [{ key: 'label-mark', count: 2 }, { key: 'quality-standard', count: 1 }]
    })
  })

  it('validity on a day follows the certificate rule', () => {
    expect(validOn(cert(1), '2027-06-30')).toBe(true)
    expect(validOn(cert(1), '2027-07-01')).toBe(false)
    expect(validOn(cert(1), '2024-06-29')).toBe(false)
    expect(validOn(cert(1, { revokedOn: '2026-01-01' }), '2025-12-31')).toBe(true)
    expect(validOn(cert(1, { revokedOn: '2026-01-01' }), '2026-01-01')).toBe(false)
    expect(() => periodicReport({ from: '2027-02-01', to: '2027-01-01' }, { results: [], certificates: [], inspections: [] })).toThrow(RangeError)
  })
})
