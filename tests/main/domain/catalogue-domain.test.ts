import fc from 'fast-check'
import { dossierChecklist, missingItems } from '../../../src-main/domain/dossier'
import { isEthnicMinority, kindAllowedForSet, qualifiesForCriterion32, validateProducerAddress } from '../../../src-main/domain/producer'
import { formatFormNumber, formatProductCode, nextSerial, parseProductCode } from '../../../src-main/domain/product-code'
import { TRANSITIONS, checkTransition, reasonRequired } from '../../../src-main/domain/product-status'
import { viSortKey } from '../../../src-main/domain/vi-sort'
import { PRODUCT_STATUSES } from '../../../src-main/shared/catalogue'

describe('product code', () => {
  it('formats code and form number with a 3-digit serial', () => {
    const p = { provinceCode: '68', communeCode: '24778', serial: 7, year: 2026 }
    expect(formatProductCode(p)).toBe('68-24778-007-2026')
    expect(formatFormNumber(p)).toBe('007/PĐK-68-24778-2026')
    expect(() => formatProductCode({ ...p, serial: 1000 })).toThrow(/999/)
    expect(() => formatProductCode({ ...p, communeCode: '2477' })).toThrow(/Mã xã/)
  })
  it('parses what it formats, and nothing else', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 1, max: 999 }), fc.integer({ min: 2000, max: 2100 }), (pc, cc, serial, year) => {
        const parts = { provinceCode: String(pc).padStart(2, '0'), communeCode: String(cc).padStart(5, '0'), serial, year }
        expect(parseProductCode(formatProductCode(parts))).toEqual(parts)
      })
    )
    for (const bad of ['68-24778-7-2026', '68-24778-000-2026', '6824778-001-2026', '68-24778-001-26', 'x']) expect(parseProductCode(bad)).toBeNull()
  })
  it('takes the next serial and stops at 999', () => {
    expect(nextSerial(null)).toBe(1)
    expect(nextSerial(41)).toBe(42)
    expect(() => nextSerial(999)).toThrow(/999/)
  })
})

describe('status machine', () => {
  it('only allows listed transitions; terminal states have none', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRODUCT_STATUSES), fc.constantFrom(...PRODUCT_STATUSES), (from, to) => {
        const r = checkTransition({ from, to, reason: 'lý do', stars: to === 'recognised' ? (from === 'proposed-5-star' ? 5 : 4) : undefined }, null)
        expect(r.ok).toBe(TRANSITIONS[from].includes(to))
      })
    )
    for (const s of ['not-recognised', 'expired', 'revoked'] as const) expect(TRANSITIONS[s]).toEqual([])
  })
  it('needs stars to recognise, 5 stars only after the central proposal, and reasons for revocation and reverts', () => {
    expect(checkTransition({ from: 'rated', to: 'recognised' }, null)).toMatchObject({ ok: false })
    expect(checkTransition({ from: 'rated', to: 'recognised', stars: 5 }, null)).toMatchObject({ ok: false })
    expect(checkTransition({ from: 'proposed-5-star', to: 'recognised', stars: 5 }, null)).toEqual({ ok: true, stars: 5 })
    expect(checkTransition({ from: 'recognised', to: 'certificate-valid' }, 3)).toEqual({ ok: true, stars: 3 })
    expect(checkTransition({ from: 'on-agenda', to: 'rated', stars: 4 }, null)).toMatchObject({ ok: false })
    expect(reasonRequired('certificate-valid', 'revoked')).toBe(true)
    expect(reasonRequired('dossier-complete', 'registered')).toBe(true)
    expect(reasonRequired('rated', 'recognised')).toBe(false)
    expect(checkTransition({ from: 'certificate-valid', to: 'revoked', reason: '  ' }, 4)).toMatchObject({ ok: false })
  })
})

describe('dossier checklist', () => {
  it('follows Điều 6 by registration type and samples', () => {
    expect(dossierChecklist('danh-gia-lai', false).map((d) => d.key)).toEqual(['mau-01', 'mau-02', 'reevaluation-updates', 'commune-letter', 'mau-03'])
    const list = dossierChecklist('lan-dau', true)
    expect(missingItems(list, [{ key: 'samples', checked: false, fileCount: 3 }]).map((d) => d.key)).toContain('samples')
    const all = list.map((d) => ({ key: d.key, checked: d.key === 'samples', fileCount: d.key === 'samples' ? 0 : 1 }))
    expect(missingItems(list, all)).toEqual([])
  })
})

describe('producer rules', () => {
  it('criterion 3.2 and ethnic minority', () => {
    expect(isEthnicMinority('Kinh')).toBe(false)
    expect(isEthnicMinority('dân tộc Kinh')).toBe(false)
    expect(isEthnicMinority('Cơ Ho')).toBe(true)
    expect(qualifiesForCriterion32({ repGender: 'nam', repEthnicity: 'Kinh', repDisability: true })).toBe(true)
    expect(qualifiesForCriterion32({ repGender: 'nam', repEthnicity: 'Kinh', repDisability: false })).toBe(false)
    expect(kindAllowedForSet('hiep-hoi', 1)).toBe(false)
    expect(kindAllowedForSet('hiep-hoi', 26)).toBe(true)
  })
  it('address must name a commune of the province', () => {
    const lookup = (c: string) => (c === '24778' ? { provinceCode: '68' } : undefined)
    expect(validateProducerAddress({ provinceCode: '68', communeCode: '24778' }, lookup)).toEqual([])
    expect(validateProducerAddress({ provinceCode: '01', communeCode: '24778' }, lookup)[0]?.path).toBe('communeCode')
    expect(validateProducerAddress({ provinceCode: '68', communeCode: '99999' }, lookup)[0]?.message).toMatch(/Không có/)
  })
})

describe('Vietnamese sort key', () => {
  it('orders like Intl.Collator("vi")', () => {
    const collator = new Intl.Collator('vi')
    const letters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂĐƠàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ 0123']
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 8 }), (a, b) => {
        const x = a.join('').trim()
        const y = b.join('').trim()
        const byKey = Math.sign(viSortKey(x) < viSortKey(y) ? -1 : viSortKey(x) > viSortKey(y) ? 1 : 0)
        expect(byKey).toBe(Math.sign(collator.compare(x, y)))
      }),
      { numRuns: 3000 }
    )
  })
})
