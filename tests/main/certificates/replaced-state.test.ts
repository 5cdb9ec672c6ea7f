import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { certificateState } from '../../../src-main/domain/certificate'
import { periodicReport, validOn, type CertificateFact } from '../../../src-main/domain/periodic-report'
import { CERTIFICATE_STATES } from '../../../src-main/shared/certificates'

const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

describe('a replaced certificate (RULES 27a)', () => {
  it('stays replaced on every day, before or after its expiry: the stored state wins over the date', () => {
    fc.assert(
      fc.property(day, day, (expiry, asOf) => {
        expect(certificateState('replaced', expiry, asOf)).toBe('replaced')
        expect(certificateState('revoked', expiry, asOf)).toBe('revoked')
        // Valid and expired stored states are read from the date alone.
        for (const stored of ['valid', 'expired'] as const) expect(certificateState(stored, expiry, asOf)).toBe(asOf > expiry ? 'expired' : 'valid')
      })
    )
    expect(CERTIFICATE_STATES).toContain('replaced')
  })

  it('counts in the periodic report as valid until the day it is replaced, never as expired afterwards', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 1094 }), day, (issuedOn, offset, asOf) => {
        const base: CertificateFact = { id: 1, productId: 1, stars: 3, sector: 'Thực phẩm', communeName: 'Xã A', issuedOn, expiryDate: '2199-01-01', revokedOn: null, recorded: false }
        const replacedOn = new Date(Date.parse(`${issuedOn}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10)
        const c = { ...base, expiryDate: new Date(Date.parse(`${issuedOn}T00:00:00Z`) + 1095 * 86_400_000).toISOString().slice(0, 10), replacedOn }
        expect(validOn(c, asOf)).toBe(issuedOn <= asOf && asOf < replacedOn)
        // Replaced before its expiry: its expiry day does not make it "expired in the period".
        const r = periodicReport({ from: issuedOn, to: '2199-12-31' }, { results: [], certificates: [c], inspections: [] })
        expect(r.certificates.expired).toBe(0)
        expect(r.certificates.issued).toBe(1)
      })
    )
  })
})
