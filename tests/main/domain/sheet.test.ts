import { scoreSheet, type ScoredSheet } from '../../../src-main/domain/sheet'
import { setNo } from './fixtures'
import { SET11_SHEET_56, SET26_SHEET_84, SET6_SHEET_70 } from './hand-worked'

const SET6 = setNo(6)
const SET11 = setNo(11)
const SET26 = setNo(26)

function ok(result: ReturnType<typeof scoreSheet>): ScoredSheet {
  if (!result.ok) throw new Error(result.errors.join('\n'))
  return result.sheet
}
const sections = (s: ScoredSheet): Record<string, number> => Object.fromEntries(s.sections.map((x) => [x.code, x.points]))

describe('scoreSheet — hand-worked examples', () => {
  it('set 6: A 31, B 15, C 24, total 70', () => {
    const s = ok(scoreSheet(SET6, { memberId: 'm1', answers: SET6_SHEET_70, knockouts: [] }))
    expect(sections(s)).toEqual({ 1: 14, 2: 8, 3: 9, 4: 7, 5: 8, 6: 11, 7: 3, 8: 4, 9: 3, 10: 2, 11: 1 })
    expect(s.parts).toEqual({ A: 31, B: 15, C: 24 })
    expect(s.total).toBe(70)
  })

  it('set 11: sub-criteria summed into section 6, "NA" on 5.2 counts 0: A 31, B 7, C 18, total 56', () => {
    const s = ok(scoreSheet(SET11, { memberId: 'm1', answers: SET11_SHEET_56, knockouts: [] }))
    expect(sections(s)).toEqual({ 1: 14, 2: 8, 3: 9, 4: 7, 5: 0, 6: 10, 7: 3, 8: 2, 9: 1, 10: 1, 11: 1 })
    expect(s.parts).toEqual({ A: 31, B: 7, C: 18 })
    expect(s.answers.find((a) => a.criterionCode === '5.2')).toEqual({ criterionCode: '5.2', optionId: null, points: 0, status: 'not-applicable' })
  })

  it('set 26: alternatives cases, A 34, B 20, C 30, total 84', () => {
    const s = ok(scoreSheet(SET26, { memberId: 'm1', answers: SET26_SHEET_84, knockouts: [] }))
    expect(s.parts).toEqual({ A: 34, B: 20, C: 30 })
    expect(s.total).toBe(84)
  })
})

describe('scoreSheet — errors name the criterion code and text', () => {
  const errors = (set = SET6, answers: Record<string, string | string[]>, knockouts: Array<{ criterionCode?: string }> = []): string[] => {
    const r = scoreSheet(set, { memberId: 'm1', answers, knockouts })
    return r.ok ? [] : r.errors
  }
  it('missing answer', () => {
    const rest = Object.fromEntries(Object.entries(SET6_SHEET_70).filter(([code]) => code !== '1.4'))
    expect(errors(SET6, rest)).toEqual(['Tiêu chí 1.4 (Năng lực sản xuất để đáp ứng yêu cầu phân phối (Khả năng…): chưa chấm'])
  })
  it('unknown criterion, parent criterion, unknown option, option of another criterion, two options', () => {
    expect(errors(SET6, { ...SET6_SHEET_70, '12': '12.a' })).toEqual(['Không có tiêu chí "12" trong bộ tiêu chí số 6 (Chế biến từ gạo, ngũ cốc)'])
    expect(errors(SET11, { ...SET11_SHEET_56, '6.1': '6.1.1.a' })[0]).toBe('Tiêu chí 6.1 (Ngoại hình) có tiêu chí con: hãy chấm từng tiêu chí 6.1.1, 6.1.2')
    expect(errors(SET6, { ...SET6_SHEET_70, '1.5': '1.5.z' })).toEqual(['Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): không có phương án "1.5.z"'])
    expect(errors(SET6, { ...SET6_SHEET_70, '1.5': '1.6.a' })).toEqual(['Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): phương án "1.6.a" thuộc tiêu chí 1.6, không thuộc tiêu chí này'])
    expect(errors(SET6, { ...SET6_SHEET_70, '1.5': ['1.5.a', '1.5.b'] })).toEqual(['Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): chọn 2 phương án (1.5.a, 1.5.b); mỗi tiêu chí phải chọn đúng một phương án'])
    expect(errors(SET26, { ...SET26_SHEET_84, '8': ['8.a', '8.c'] })[0]).toMatch(/^Tiêu chí 8 \(Đáp ứng điều kiện kinh doanh dịch vụ\): chọn 2 phương án/)
  })
  it('"NA" only where the criterion says "Chỉ áp dụng khi …"', () => {
    expect(errors(SET6, { ...SET6_SHEET_70, '1.5': 'NA' })).toEqual(['Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): không được đánh dấu "không áp dụng" (chỉ dùng cho tiêu chí "Chỉ áp dụng khi …")'])
  })
  it('knockouts must name a printed rule', () => {
    expect(errors(SET6, SET6_SHEET_70, [{ criterionCode: '1.5' }])).toEqual(['Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất) không có quy định loại hoặc dừng đánh giá'])
    expect(errors(SET26, SET26_SHEET_84, [{}])).toEqual(['Bộ tiêu chí số 26 không có quy định "Hồ sơ bị loại khi …"'])
  })
})

describe('scoreSheet — knockouts', () => {
  it('records a reject knockout with its printed rule and the member note', () => {
    const s = ok(scoreSheet(SET6, { memberId: 'm1', answers: SET6_SHEET_70, knockouts: [{ criterionCode: '2.1', note: 'Trùng sản phẩm X' }] }))
    expect(s.knockouts).toEqual([{ criterionCode: '2.1', kind: 'reject', text: expect.stringMatching(/^Ghi chú: Bị loại nếu phát hiện giống hệt/), note: 'Trùng sản phẩm X' }])
  })
  it('after a stop knockout the remaining criteria may be left unscored (0 points)', () => {
    const answers = Object.fromEntries(Object.entries(SET6_SHEET_70).filter(([code]) => !/^(6\.[2-5]|7|8|9|10|11)$/.test(code)))
    const s = ok(scoreSheet(SET6, { memberId: 'm1', answers, knockouts: [{ criterionCode: '6.1' }] }))
    expect(s.knockouts[0]?.kind).toBe('stop')
    expect(s.parts).toEqual({ A: 31, B: 15, C: 3 })
    expect(s.answers.filter((a) => a.status === 'not-evaluated').map((a) => a.criterionCode)).toEqual(['6.2', '6.3', '6.4', '6.5', '7', '8', '9', '10', '11'])
  })
})
