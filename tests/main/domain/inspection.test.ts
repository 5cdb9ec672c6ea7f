import fc from 'fast-check'
import { overdueFollowUps, proposePlan, recordProblems, type PlanFacts, type RecordInput } from '../../../src-main/domain/inspection'
import { INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'

const fact = (productId: number, over: Partial<PlanFacts> = {}): PlanFacts => ({ productId, stars: 4, expiryDate: '2029-05-01', mean: 80, lastInspectedOn: '2026-03-01', ...over })
const allPass = INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' }))
const record = (over: Partial<RecordInput> = {}): RecordInput => ({ findings: allPass, outcome: 'no-action', recommendation: '', deadline: null, inspectedOn: '2027-04-10', revocationGround: null, ...over })

describe('inspection plan proposal (Điều 9)', () => {
  it('takes expiring certificates, means near the band bound and never-inspected products, with every reason', () => {
    const out = proposePlan(
      [
        fact(1),
        fact(2, { expiryDate: '2027-11-30' }),
        fact(3, { mean: 71.5 }),
        fact(4, { lastInspectedOn: null }),
        fact(5, { expiryDate: '2027-01-01', mean: 50.2, stars: 3, lastInspectedOn: null }),
        fact(6, { mean: null, lastInspectedOn: null })
      ],
      2027,
      3
    )
    expect(out).toEqual([
      { productId: 5, reasons: ['expiring', 'near-band', 'never-inspected'] },
      { productId: 2, reasons: ['expiring'] },
      { productId: 3, reasons: ['near-band'] },
      { productId: 4, reasons: ['never-inspected'] },
      { productId: 6, reasons: ['never-inspected'] }
    ])
  })

  it('boundaries: expiry on 1 January and 31 December are in the year; a mean exactly the margin above is not near', () => {
    const out = proposePlan([fact(1, { expiryDate: '2027-01-01' }), fact(2, { expiryDate: '2027-12-31' }), fact(3, { expiryDate: '2028-01-01' }), fact(4, { mean: 73 }), fact(5, { mean: 72.99 })], 2027, 3)
    expect(out.map((c) => c.productId).sort()).toEqual([1, 2, 5])
  })

  it('every proposed product has a reason and every product with a reason is proposed, once', () => {
    const arb = fc.array(
      fc.record({
        stars: fc.constantFrom(3 as const, 4 as const, 5 as const),
        expiryDate: fc.constantFrom('2026-12-31', '2027-01-01', '2027-06-15', '2027-12-31', '2028-01-01'),
        mean: fc.option(fc.double({ min: 50, max: 100, noNaN: true }), { nil: null }),
        lastInspectedOn: fc.option(fc.constant('2026-01-01'), { nil: null })
      }),
      { maxLength: 30 }
    )
    fc.assert(
      fc.property(arb, (rows) => {
        const facts = rows.map((r, i) => ({ productId: i + 1, ...r }))
        const out = proposePlan(facts, 2027, 3)
        expect(new Set(out.map((c) => c.productId)).size).toBe(out.length)
        for (const f of facts) {
          const expected = (f.expiryDate.startsWith('2027') ? 1 : 0) + (f.mean !== null && f.mean - { 3: 50, 4: 70, 5: 90 }[f.stars] < 3 ? 1 : 0) + (f.lastInspectedOn === null ? 1 : 0)
          expect(out.find((c) => c.productId === f.productId)?.reasons.length ?? 0).toBe(expected)
        }
        for (let i = 1; i < out.length; i++) expect(out[i - 1]!.reasons.length).toBeGreaterThanOrEqual(out[i]!.reasons.length)
      })
    )
  })
})

describe('inspection record coherence', () => {
  it('accepts a clean record and refuses missing items, repeated items and unexplained findings', () => {
    expect(recordProblems(record())).toEqual([])
    const missing = recordProblems(record({ findings: allPass.slice(1) }))
    expect(missing.map((p) => p.message)).toEqual(['Chưa ghi kết quả kiểm tra: Tiêu chuẩn chất lượng sản phẩm đã công bố và kết quả kiểm nghiệm còn hiệu lực'])
    const twice = recordProblems(record({ findings: [...allPass, allPass[0]!] }))
    expect(twice[0]!.path).toBe(`findings.${allPass.length}.item`)
    const bare = recordProblems(record({ findings: [{ item: 'label-mark', result: 'advice', note: ' ' }, ...allPass.filter((f) => f.item !== 'label-mark')], outcome: 'recommendations', recommendation: 'Sửa nhãn', deadline: '2027-06-01' }))
    expect(bare).toEqual([{ path: 'findings.0.note', message: 'Ghi rõ nội dung khuyến nghị' }])
  })

  it('ties the outcome to the findings: no "no action" after a failure, recommendations need text and a later deadline, revocation needs a failure and a ground', () => {
    const failed = [{ item: 'quality-standard' as const, result: 'fail' as const, note: 'Phiếu kiểm nghiệm hết hạn từ 01/2027' }, ...allPass.slice(1)]
    expect(recordProblems(record({ findings: failed })).map((p) => p.path)).toEqual(['outcome'])
    expect(recordProblems(record({ findings: failed, outcome: 'recommendations' })).map((p) => p.path)).toEqual(['recommendation', 'deadline'])
    expect(recordProblems(record({ findings: failed, outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại', deadline: '2027-04-10' })).map((p) => p.message)).toEqual(['Thời hạn khắc phục phải sau ngày kiểm tra'])
    expect(recordProblems(record({ findings: failed, outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại', deadline: '2027-05-10' }))).toEqual([])
    expect(recordProblems(record({ outcome: 'revocation-proposed', revocationGround: 'b' })).map((p) => p.message)).toEqual(['Chỉ đề nghị thu hồi khi có nội dung không đạt'])
    expect(recordProblems(record({ findings: failed, outcome: 'revocation-proposed' })).map((p) => p.path)).toEqual(['revocationGround'])
    expect(recordProblems(record({ findings: failed, outcome: 'revocation-proposed', revocationGround: 'b' }))).toEqual([])
    expect(recordProblems(record({ deadline: '2027-05-01' })).map((p) => p.path)).toEqual(['deadline'])
  })

  it('overdue follow-ups: recommendations past their deadline (strictly) with no follow-up', () => {
    const rows = [
      { id: 1, productId: 1, outcome: 'recommendations' as const, deadline: '2027-05-01', followedUpBy: [] },
      { id: 2, productId: 2, outcome: 'recommendations' as const, deadline: '2027-05-02', followedUpBy: [] },
      { id: 3, productId: 3, outcome: 'recommendations' as const, deadline: '2027-04-01', followedUpBy: [7] },
      { id: 4, productId: 4, outcome: 'no-action' as const, deadline: null, followedUpBy: [] }
    ]
    expect(overdueFollowUps(rows, '2027-05-02').map((r) => r.id)).toEqual([1])
  })
})
