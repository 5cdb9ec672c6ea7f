import fc from 'fast-check'
import { disputedCriteria } from '../../../src-main/domain/disputed-criteria'

const crit = (code: string, points: number[]) => ({ code, options: points.map((p, i) => ({ id: `${code}.${'abcdef'[i]}`, points: p })) })
const A = crit('1.1', [0, 1, 3, 5])
const B = crit('1.2', [0, 2, 4])
const C = crit('2.1', [0, 1])

describe('disputed criteria of a re-score round', () => {
  it('lists criteria whose spread is at least half the largest, largest first, then in sheet order', () => {
    const sheets = [
      { '1.1': '1.1.a', '1.2': '1.2.a', '2.1': '2.1.a' },
      { '1.1': '1.1.d', '1.2': '1.2.c', '2.1': '2.1.b' }
    ]
    // spreads: 1.1 → 5, 1.2 → 4, 2.1 → 1 (below half of 5)
    expect(disputedCriteria([A, B, C], sheets)).toEqual(['1.1', '1.2'])
  })
  it('counts an unanswered or "không áp dụng" criterion as 0 points, as the engine does', () => {
    expect(disputedCriteria([B], [{ '1.2': 'NA' }, { '1.2': '1.2.c' }])).toEqual(['1.2'])
    expect(disputedCriteria([B], [{}, { '1.2': '1.2.a' }])).toEqual([])
  })
  it('is empty with fewer than two sheets or when everyone agreed', () => {
    expect(disputedCriteria([A], [{ '1.1': '1.1.d' }])).toEqual([])
    expect(disputedCriteria([A, B], [{ '1.1': '1.1.b', '1.2': '1.2.b' }, { '1.1': '1.1.b', '1.2': '1.2.b' }])).toEqual([])
  })
  it('always includes a criterion with the largest spread and never one with none (property)', () => {
    const sheetArb = fc.record({ '1.1': fc.constantFrom('1.1.a', '1.1.b', '1.1.c', '1.1.d'), '1.2': fc.constantFrom('1.2.a', '1.2.b', '1.2.c'), '2.1': fc.constantFrom('2.1.a', '2.1.b') })
    fc.assert(
      fc.property(fc.array(sheetArb, { minLength: 2, maxLength: 9 }), (sheets) => {
        const out = disputedCriteria([A, B, C], sheets)
        const spread = (c: typeof A) => {
          const pts = sheets.map((s) => c.options.find((o) => o.id === (s as Record<string, string>)[c.code])!.points)
          return Math.max(...pts) - Math.min(...pts)
        }
        const spreads = [A, B, C].map((c) => ({ code: c.code, s: spread(c) }))
        const top = Math.max(...spreads.map((x) => x.s))
        for (const x of spreads) {
          if (x.s === 0) expect(out).not.toContain(x.code)
          if (x.s === top && top > 0) expect(out).toContain(x.code)
        }
        expect(new Set(out).size).toBe(out.length)
      })
    )
  })
})
