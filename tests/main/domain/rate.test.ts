import { rateProduct, ratingToJson, type RatingResult } from '../../../src-main/domain/rate'
import type { RateInputRaw } from '../../../src-main/domain/rate-input'
import { AppError } from '../../../src-main/shared/result'
import { answersForTotal, inputFor, membersWithTotals, setNo, VERSION, type MemberSpec } from './fixtures'
import { SET11_SHEET_56, SET26_SHEET_84, SET6_SHEET_70 } from './hand-worked'

const SET6 = setNo(6)
const rate = (input: RateInputRaw, set = SET6): RatingResult => rateProduct(input, set, VERSION)
const same = (set: ReturnType<typeof setNo>, answers: Record<string, string>, n = 3): MemberSpec[] =>
  Array.from({ length: n }, (_, i) => ({ id: `m${i + 1}`, answers }))

describe('rateProduct — hand-worked councils', () => {
  it('set 6: three scoring members, the secretary does not score; mean 71,33 → 4★ recognised by the province', () => {
    const members: MemberSpec[] = [
      { id: 'm1', answers: SET6_SHEET_70 }, // A 31, B 15, C 24 = 70
      { id: 'm2', answers: { ...SET6_SHEET_70, '4.3': '4.3.e' } }, // 4.3: 2 → 5: A 31, B 18, C 24 = 73
      { id: 'm3', answers: { ...SET6_SHEET_70, '1.2': '1.2.c' } }, // 1.2: 1 → 2: A 32, B 15, C 24 = 71
      { id: 'm4', role: 'Thư ký', answers: { ...SET6_SHEET_70, '11': '11.c' } }
    ]
    const r = rate(inputFor(SET6, members))
    expect(r.criteria).toEqual({ setId: 'QD26-2026-06', setNo: 6, setName: 'Chế biến từ gạo, ngũ cốc', version: VERSION })
    expect(r.members.map((m) => [m.id, m.eligible, m.sheets[0]?.parts, m.sheets[0]?.total, m.sheets[0]?.counted])).toEqual([
      ['m1', true, { A: 31, B: 15, C: 24 }, 70, true],
      ['m2', true, { A: 31, B: 18, C: 24 }, 73, true],
      ['m3', true, { A: 32, B: 15, C: 24 }, 71, true],
      ['m4', false, { A: 31, B: 15, C: 26 }, 72, false]
    ])
    expect(r.members[3]?.reasons).toEqual(['Thư ký Hội đồng không chấm điểm theo Quy chế'])
    expect(r.score).toMatchObject({ sheets: 3, mean: 214 / 3, meanText: '71,33', min: 70, max: 73, spread: 3, needsRescore: false })
    expect(r.band).toBe(4)
    expect(r.markers.map((l) => [l.level, l.status, l.failing])).toEqual([[3, 'met', []], [4, 'met', []], [5, 'not-met', ['1.5', '6.4', '6.5', '7', '4.1'].sort(byPrinted)]])
    expect([r.stars, r.outcome, r.status]).toEqual([4, 'recognised-by-province', 'final'])
    expect(r.warnings).toEqual([])
  })

  it('set 11: 56 points but 5.3 misses its *** minimum → 2★, no decision, no certificate', () => {
    const r = rate(inputFor(setNo(11), same(setNo(11), SET11_SHEET_56)), setNo(11))
    expect(r.members[0]?.sheets[0]?.parts).toEqual({ A: 31, B: 7, C: 18 })
    expect([r.score?.mean, r.band, r.stars, r.outcome]).toEqual([56, 3, 2, 'none'])
    expect(r.markers[0]).toMatchObject({ level: 3, status: 'not-met', failing: ['5.3'] })
    expect(r.reasons.filter((x) => x.kind === 'marker').map((x) => x.criterionCode)).toEqual(['5.3', null])
  })

  it('set 26 (tourism): 84 points, only 3.4 and 3.5 carry markers → 4★', () => {
    const r = rate(inputFor(setNo(26), same(setNo(26), SET26_SHEET_84)), setNo(26))
    expect(r.members[0]?.sheets[0]?.parts).toEqual({ A: 34, B: 20, C: 30 })
    expect([r.band, r.stars, r.outcome]).toEqual([4, 4, 'recognised-by-province'])
    expect(r.markers[1]?.criteria.map((c) => c.criterionCode)).toEqual(['3.4', '3.5'])
  })
})

function byPrinted(a: string, b: string): number {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  return (pa[0]! - pb[0]!) || ((pa[1] ?? 0) - (pb[1] ?? 0))
}

describe('rateProduct — band boundaries with real councils (100 members, integer totals)', () => {
  it.each([
    [50, 3, 2, 3],
    [70, 4, 3, 4],
    [90, 5, 4, 5]
  ] as const)('mean %s.00 → %s★ but 0.01 under it → %s★', (threshold, level, below, at) => {
    const under = inputFor(SET6, membersWithTotals(SET6, [...Array(99).fill(threshold), threshold - 1], level))
    const exact = inputFor(SET6, membersWithTotals(SET6, Array(100).fill(threshold), level))
    const r1 = rate(under)
    const r2 = rate(exact)
    expect(r1.score?.mean).toBeCloseTo(threshold - 0.01, 10)
    expect(r1.score?.meanText).toBe(`${threshold - 1},99`)
    expect([r1.band, r1.stars]).toEqual([below, below])
    expect([r2.score?.mean, r2.band, r2.stars]).toEqual([threshold, at, at])
    // The single lower sheet decides the result alone: leave-one-out names it.
    expect(r1.warnings.filter((w) => w.kind === 'leave-one-out').map((w) => [w.memberId, w.starsWithout])).toEqual([['m100', at]])
    expect(r1.warnings.find((w) => w.kind === 'near-boundary')?.threshold).toBe(threshold)
  })
})

describe('rateProduct — star-marker minimums cap the stars', () => {
  it('92 points missing the ***** minimum of 1.5 → 4★ recognised by the province', () => {
    const answers = answersForTotal(SET6, 92, 5, { '1.5': '1.5.c' })
    const r = rate(inputFor(SET6, same(SET6, answers)))
    expect([r.score?.mean, r.band, r.stars, r.outcome, r.status]).toEqual([92, 5, 4, 'recognised-by-province', 'final'])
    expect(r.markers[2]).toMatchObject({ level: 5, status: 'not-met', failing: ['1.5'] })
    expect(r.reasons.find((x) => x.criterionCode === '1.5')?.message).toBe('Yêu cầu tối thiểu 5 sao, tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): chưa đạt, cần ít nhất 3 điểm')
  })

  it('75 points missing the **** minimum of 5.1 → 3★', () => {
    const answers = answersForTotal(SET6, 75, 4, { '5.1': '5.1.d' })
    const r = rate(inputFor(SET6, same(SET6, answers)))
    expect([r.score?.mean, r.band, r.stars, r.outcome]).toEqual([75, 4, 3, 'recognised-by-province'])
    expect(r.markers[1]).toMatchObject({ level: 4, status: 'not-met', failing: ['5.1'] })
  })

  it('≥ 90 with every ***** minimum → proposed to the ministry for 5★', () => {
    const r = rate(inputFor(SET6, membersWithTotals(SET6, [91, 93, 95], 5)))
    expect([r.stars, r.outcome]).toEqual([5, 'proposed-5-star'])
  })
})

describe('rateProduct — Quy chế marker policies on a split council', () => {
  const split = (): MemberSpec[] => [
    { id: 'm1', answers: answersForTotal(SET6, 95, 5) },
    { id: 'm2', answers: answersForTotal(SET6, 95, 5) },
    { id: 'm3', answers: answersForTotal(SET6, 93, 5, { '1.5': '1.5.c' }) }
  ]
  it('agreed (default): needs a recorded agreed option before the result is final', () => {
    const r = rate(inputFor(SET6, split()))
    // The agreed option on 1.5 decides 4★ or 5★: the stars stay undetermined, 4★ only "tạm tính".
    expect([r.stars, r.outcome, r.provisionalStars, r.status]).toEqual([null, null, 4, 'pending'])
    expect(r.markers[2]).toMatchObject({ status: 'needs-agreement', pending: ['1.5'] })
    expect(r.reasons.filter((x) => x.kind === 'agreement').map((x) => x.criterionCode)).toEqual(['1.5'])
    expect(r.reasons.find((x) => x.kind === 'outcome')?.message).toBe('Chưa xác định hạng sao: Hội đồng cần thống nhất phương án ở tiêu chí có dấu sao; tạm tính 4 sao, chưa phải kết quả')
    expect(r.reasons.map((x) => x.message).join('\n')).not.toContain('công nhận')
    // m3 alone splits the council: without that sheet every member meets 1.5 and the result is 5★ — but the council's
    // own stars are undetermined, so there is nothing to compare with and no leave-one-out warning.
    expect(r.warnings.filter((w) => w.kind === 'leave-one-out')).toEqual([])
    const agreed = rate(inputFor(SET6, split(), { agreedOptions: [{ criterionCode: '1.5', optionId: '1.5.d', reason: 'Hợp đồng liên kết đã thực hiện 18 tháng' }] }))
    expect([agreed.stars, agreed.outcome, agreed.provisionalStars, agreed.status]).toEqual([5, 'proposed-5-star', null, 'final'])
    expect(agreed.markers[2]?.criteria.find((c) => c.criterionCode === '1.5')).toMatchObject({ agreedOptionId: '1.5.d', membersMeeting: 2, membersShort: ['m3'] })
  })
  it('an open agreement below a level already failed does not leave the stars undetermined', () => {
    // 1.5 is split at 5★, but 6.4 fails the 5★ minimum for everyone: 4★ whatever the council agrees on 1.5.
    const fail = { '6.4': answersForTotal(SET6, 80, 4)['6.4']! }
    const members: MemberSpec[] = [
      { id: 'm1', answers: answersForTotal(SET6, 92, 5, fail) },
      { id: 'm2', answers: answersForTotal(SET6, 92, 5, fail) },
      { id: 'm3', answers: answersForTotal(SET6, 91, 5, { ...fail, '1.5': '1.5.c' }) }
    ]
    const r = rate(inputFor(SET6, members))
    expect(r.markers[2]).toMatchObject({ status: 'not-met', failing: ['6.4'], pending: ['1.5'] })
    expect([r.stars, r.outcome, r.provisionalStars, r.status]).toEqual([4, 'recognised-by-province', null, 'final'])
  })
  it('leave-one-out flags the sheet (by number, not name) whose sheet alone makes the result undetermined', () => {
    // Mean 88,33 → 4★ band, every **** minimum met: 4★ final although m1 and m2 split on the 5★ minimum of 1.5.
    // Without m3 the mean is 90,5 (5★ band) and the split on 1.5 decides the stars: undetermined.
    const members: MemberSpec[] = [
      { id: 'm1', answers: answersForTotal(SET6, 91, 5) },
      { id: 'm2', answers: answersForTotal(SET6, 90, 5, { '1.5': '1.5.c' }) },
      { id: 'm3', answers: answersForTotal(SET6, 84, 4) }
    ]
    const r = rate(inputFor(SET6, members))
    expect([r.band, r.stars, r.provisionalStars, r.status]).toEqual([4, 4, null, 'final'])
    expect(r.warnings.filter((w) => w.kind === 'leave-one-out').map((w) => [w.memberId, w.starsWithout])).toEqual([['m3', null]])
    // Read on the projector: the sheet by its place among the counted sheets, never the member's name.
    const message = r.warnings.find((w) => w.memberId === 'm3')?.message
    expect(message).toBe('Hạng sao phụ thuộc vào một phiếu: bỏ phiếu số 3 thì chưa xác định được hạng sao (Hội đồng sẽ phải thống nhất phương án hoặc quyết định) thay vì 4 sao')
    expect(message).not.toMatch(/Thành viên|m3/)
  })
  it('majority: 2 of 3 meet → met; mean-points: (3 + 3 + 2) / 3 < 3 → not met', () => {
    expect(rate(inputFor(SET6, split(), { quyChe: { markerPolicy: 'majority' } })).stars).toBe(5)
    expect(rate(inputFor(SET6, split(), { quyChe: { markerPolicy: 'mean-points' } })).stars).toBe(4)
  })
})

describe('rateProduct — eligibility, quorum, rounds', () => {
  it('a product that would pass only if the recused member counted stays 3★', () => {
    const members = [...membersWithTotals(SET6, [68, 69, 70], 4), { id: 'm004', answers: answersForTotal(SET6, 90, 5), recused: true }]
    const r = rate(inputFor(SET6, members))
    expect([r.score?.mean, r.stars]).toEqual([69, 3])
    expect(r.members[3]).toMatchObject({ id: 'm004', recused: true, eligible: false, reasons: ['Không tham gia chấm sản phẩm này (xung đột lợi ích): Người thân của chủ thể'] })
    const counted = rate(inputFor(SET6, members.map((m) => ({ ...m, recused: false }))))
    expect([counted.score?.mean, counted.stars]).toEqual([74.25, 4])
  })

  it('a re-score round changes the stars: round 1 spread 20 > 10 is pending at 4★, round 2 counts → 3★ final', () => {
    const round1 = membersWithTotals(SET6, [60, 75, 80], 4)
    const round2 = membersWithTotals(SET6, [65, 68, 70], 4)
    const first = rate(inputFor(SET6, round1))
    expect([first.stars, first.status, first.score?.spread, first.score?.needsRescore]).toEqual([4, 'pending', 20, true])
    expect(first.reasons.find((x) => x.kind === 'spread')?.message).toMatch(/^Chênh lệch điểm giữa các thành viên là 20 điểm \(60–80\), vượt quá 10 điểm/)
    const both = rate(inputFor(SET6, round1, { rounds: [
      { round: 1, sheets: round1.map((m) => ({ memberId: m.id, answers: m.answers })) },
      { round: 2, sheets: round2.map((m) => ({ memberId: m.id, answers: m.answers })) }
    ] }))
    expect([both.countingRound, both.stars, both.status, both.score?.spread]).toEqual([2, 3, 'final', 5])
    expect(both.members[0]?.sheets.map((s) => [s.round, s.total, s.counted])).toEqual([[1, 60, false], [2, 65, true]])
  })

  it('an unfinished later round keeps the result pending on the last complete round', () => {
    const ms = membersWithTotals(SET6, [72, 74, 76], 4)
    const r = rate(inputFor(SET6, ms, { rounds: [
      { round: 1, sheets: ms.map((m) => ({ memberId: m.id, answers: m.answers })) },
      { round: 2, sheets: [{ memberId: 'm001', answers: ms[0]!.answers }] }
    ] }))
    expect([r.countingRound, r.status, r.rounds]).toEqual([1, 'pending', [{ round: 1, complete: true, missing: [] }, { round: 2, complete: false, missing: ['m002', 'm003'] }]])
  })

  it('no complete round → incomplete, no stars', () => {
    const ms = membersWithTotals(SET6, [72, 74], 4)
    const r = rate(inputFor(SET6, [...ms, { id: 'm3', answers: {} }], { rounds: [{ round: 1, sheets: ms.map((m) => ({ memberId: m.id, answers: m.answers })) }] }))
    expect([r.status, r.stars, r.outcome, r.score]).toEqual(['incomplete', null, null, null])
  })

  it('quorum: fewer than 3/4 present, or the chair absent → invalid', () => {
    const ms = membersWithTotals(SET6, [72, 74, 76, 78], 4)
    const r = rate(inputFor(SET6, ms.map((m, i) => ({ ...m, present: i < 2 }))))
    expect([r.status, r.quorum.holds, r.quorum.present, r.quorum.required]).toEqual(['invalid', false, 2, 3])
    expect(r.quorum.reasons).toEqual(['Không đủ túc số: có mặt 2/4 thành viên, Quy chế yêu cầu ít nhất 3/4 (3 thành viên)'])
    const noChair = rate(inputFor(SET6, ms.map((m, i) => ({ ...m, present: i > 0 }))))
    expect(noChair.quorum.reasons).toEqual(['Chủ tịch Hội đồng vắng mặt, Quy chế yêu cầu Chủ tịch có mặt'])
    const relaxed = rate(inputFor(SET6, ms.map((m, i) => ({ ...m, present: i > 0 })), { quyChe: { chairMustAttend: false } }))
    expect(relaxed.status).toBe('final')
  })

  it('Quy chế secretaryScores: the secretary\'s sheet counts', () => {
    const ms: MemberSpec[] = [...membersWithTotals(SET6, [70, 70], 4), { id: 'm9', role: 'Thư ký', answers: answersForTotal(SET6, 91, 5) }]
    expect(rate(inputFor(SET6, ms)).score?.mean).toBe(70)
    expect(rate(inputFor(SET6, ms, { quyChe: { secretaryScores: true } })).score?.mean).toBe(77)
  })
})

describe('rateProduct — knockouts', () => {
  const withFlags = (flags: number): RateInputRaw => {
    const ms = membersWithTotals(SET6, [80, 82, 84], 4)
    return inputFor(SET6, ms, { rounds: [{ round: 1, sheets: ms.map((m, i) => ({ memberId: m.id, answers: m.answers, knockouts: i < flags ? [{ criterionCode: '2.1', note: 'Giống hệt sản phẩm Y' }] : [] })) }] })
  }
  it('every eligible member flags 2.1 → disqualified, no stars', () => {
    const r = rate(withFlags(3))
    expect([r.stars, r.outcome, r.status]).toEqual([0, 'disqualified', 'final'])
    expect(r.knockouts).toMatchObject([{ criterionCode: '2.1', kind: 'reject', status: 'applies', flaggedBy: ['m001', 'm002', 'm003'] }])
  })
  it('one member flags it → the council must decide; a recorded decision settles it', () => {
    const r = rate(withFlags(1))
    // The decision removes the stars or not: undetermined until it is recorded.
    expect([r.stars, r.outcome, r.provisionalStars, r.status]).toEqual([null, null, 4, 'pending'])
    expect(r.reasons.find((x) => x.kind === 'decision')?.criterionCode).toBe('2.1')
    const decided = rate({ ...withFlags(1), knockoutDecisions: [{ criterionCode: '2.1', applies: false, reason: 'Sản phẩm Y khác công thức' }] })
    expect([decided.stars, decided.status]).toEqual([4, 'final'])
  })
  it('the dossier rule "Hồ sơ bị loại khi …" decided by the council', () => {
    const ms = membersWithTotals(SET6, [80, 82, 84], 4)
    const r = rate(inputFor(SET6, ms, { knockoutDecisions: [{ applies: true, reason: 'Giấy chứng nhận ATTP hết hạn' }] }))
    expect([r.stars, r.outcome, r.knockouts[0]?.criterionCode]).toEqual([0, 'disqualified', null])
  })
})

describe('rateProduct — invalid input', () => {
  const issues = (input: unknown): string[] => {
    try {
      rate(input as RateInputRaw)
    } catch (e) {
      if (e instanceof AppError) return (e.issues ?? []).map((i) => `${i.path}: ${i.message}`)
    }
    return []
  }
  it('lists every problem with its path, member and round', () => {
    const ms = membersWithTotals(SET6, [80, 82], 4)
    const input = inputFor(SET6, ms, { present: ['m001', 'mX'] })
    input.rounds[0]!.sheets.push({ memberId: 'm002', answers: {} })
    expect(issues(input)).toEqual([
      'present.1: Không có thành viên "mX" trong Hội đồng',
      'rounds.0.sheets.2: Phiếu của Thành viên m002 (m002), vòng 1: thành viên đã có phiếu trong vòng này'
    ])
    expect(issues({ ...inputFor(SET6, ms), product: { id: 'p', name: 'x', criteriaSetId: 'QD26-2026-07' } })).toEqual([
      'product.criteriaSetId: Sản phẩm dùng bộ tiêu chí "QD26-2026-07", không phải QD26-2026-06 (Chế biến từ gạo, ngũ cốc)'
    ])
    expect(issues({ council: { members: [{ id: 'a', name: 'A', role: 'Trưởng ban' }] } })[0]).toMatch(/^council\.members\.0\.role: Vai trò phải là một trong/)
  })
})

describe('rateProduct — reproducible', () => {
  it('the same input gives byte-identical JSON', () => {
    const input = inputFor(SET6, membersWithTotals(SET6, [68, 75, 77], 4))
    expect(ratingToJson(rate(input))).toBe(ratingToJson(rate(structuredClone(input))))
  })
})
