import { scoreSheet, type ScoredSheet } from '../../../src-main/domain/sheet'
import { setNo } from './fixtures'

/** Hand-worked sheets: every chosen option written out, points checked section by section against the printed sets. */
const SET6 = setNo(6)
const SET11 = setNo(11)
const SET26 = setNo(26)

// Set 6 "Chế biến từ gạo, ngũ cốc": a 70-point sheet meeting every **** minimum but not 1.5's *****.
export const SET6_SHEET_70 = {
  '1.1': '1.1.c', '1.2': '1.2.b', '1.3': '1.3.b', '1.4': '1.4.c', '1.5': '1.5.c', '1.6': '1.6.b', '1.7': '1.7.b', // 3+1+2+3+2+2+1 = 14
  '2.1': '2.1.d', '2.2': '2.2.c', '2.3': '2.3.c', '2.4': '2.4.a', // 3+2+3+0 = 8
  '3.1': '3.1.c', '3.2': '3.2.a', '3.3': '3.3.b', '3.4': '3.4.b', '3.5': '3.5.b', // 3+0+2+2+2 = 9 → A 31
  '4.1': '4.1.c', '4.2': '4.2.c', '4.3': '4.3.c', // 3+2+2 = 7
  '5.1': '5.1.e', '5.2': '5.2.c', '5.3': '5.3.b', // 5+2+1 = 8 → B 15
  '6.1': '6.1.c', '6.2': '6.2.c', '6.3': '6.3.c', '6.4': '6.4.c', '6.5': '6.5.c', // 3+2+2+2+2 = 11
  '7': '7.c', '8': '8.b', '9': '9.b', '10': '10.b', '11': '11.a' // 3, 4, 3, 2, 1 → C 24; total 70
}

// Set 11 "Chè tươi, chè chế biến": no product story (5.2 not applicable), tea sensory sub-criteria 6.1.x / 6.2.x.
export const SET11_SHEET_56 = {
  '1.1': '1.1.c', '1.2': '1.2.b', '1.3': '1.3.c', '1.4': '1.4.c', '1.5': '1.5.c', '1.6': '1.6.b', '1.7': '1.7.b', // 3+1+2+3+2+2+1 = 14
  '2.1': '2.1.d', '2.2': '2.2.c', '2.3': '2.3.c', '2.4': '2.4.a', // 8
  '3.1': '3.1.c', '3.2': '3.2.a', '3.3': '3.3.b', '3.4': '3.4.b', '3.5': '3.5.b', // 9 → A 31
  '4.1': '4.1.c', '4.2': '4.2.c', '4.3': '4.3.c', // 7
  '5.1': '5.1.a', '5.2': 'NA', '5.3': '5.3.a', // 0 → B 7
  '6.1.1': '6.1.1.c', '6.1.2': '6.1.2.b', '6.2.1': '6.2.1.c', '6.2.2': '6.2.2.c', '6.2.3': '6.2.3.c', // 2+1+2+2+3 = 10
  '7': '7.c', '8': '8.a', '9': '9.a', '10': '10.a', '11': '11.a' // 3+2+1+1+1 = 8 → C 18; total 56
}

// Set 26 (tourism, non-food): criteria 8, 9, 15 choose one of two printed cases.
export const SET26_SHEET_84 = {
  '1.1': '1.1.b', '1.2': '1.2.c', '1.3': '1.3.c', '1.4': '1.4.b', // 3+5+3+2 = 13
  '2.1': '2.1.b', '2.2': '2.2.b', '2.3': '2.3.b', // 3+2+3 = 8
  '3.1': '3.1.c', '3.2': '3.2.b', '3.3': '3.3.c', '3.4': '3.4.b', '3.5': '3.5.b', // 3+1+4+3+2 = 13 → A 34
  '4.1': '4.1.b', '4.2': '4.2.c', '4.3': '4.3.b', '4.4': '4.4.c', '4.5': '4.5.b', // 3+3+2+3+2 = 13
  '5.1': '5.1.c', '5.2': '5.2.b', '5.3': '5.3.a', // 4+2+1 = 7 → B 20
  '6': '6.c', '7': '7.b', '8': '8.d', '9': '9.b', '10': '10.b', '11': '11.b', // 3+2+3+2+2+2 = 14
  '12': '12.b', '13': '13.c', '14': '14.c', '15': '15.d', '16': '16.b', '17': '17.b' // 2+3+4+3+2+2 = 16 → C 30; total 84
}

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
