import { faceWidths, FACES } from '../../../scripts/build-font-metrics'
import { certificateFit } from '../../../src-main/documents/certificate'
import { shortRule, SHORT_RULE_RATIO, TIEU_NGU, TIEU_NGU_WIDTH } from '../../../src-main/documents/layout/decree30'
import { fitSize, textWidth, wrapLines } from '../../../src-main/documents/layout/text-metrics'
import { WIDTHS } from '../../../src-main/documents/layout/tinos-metrics'
import { FONTS } from './helpers'

/** The measuring side of the Decree 30 module: the generated width table, rule lengths, shrink-to-fit. */
describe('Decree 30 layout rules', () => {
  it('the width table is what the Tinos files say (regenerate with npm run font-metrics)', () => {
    for (const face of Object.keys(FACES) as Array<keyof typeof FACES>) expect(WIDTHS[face]).toBe(faceWidths(FONTS, face).join(','))
  })

  it('measures Vietnamese text: the tiêu ngữ in Tinos Bold 13 pt is 159 pt, precomposed and decomposed alike', () => {
    expect(TIEU_NGU_WIDTH).toBeCloseTo(159.14, 1)
    expect(textWidth(TIEU_NGU.normalize('NFD'), 'B', 13)).toBeCloseTo(TIEU_NGU_WIDTH, 5)
    expect(wrapLines('Về việc công nhận kết quả đánh giá, phân hạng', 'B', 14, 150).length).toBeGreaterThan(1)
  })

  it('rules under the issuer and the trích yếu are 1/3 to 1/2 of the longest line above (NĐ 30)', () => {
    expect(SHORT_RULE_RATIO).toBeGreaterThanOrEqual(1 / 3)
    expect(SHORT_RULE_RATIO).toBeLessThanOrEqual(1 / 2)
    const issuer = 'ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG'
    expect(shortRule(issuer, 'B', 12, 205)).toBeCloseTo(0.4 * textWidth('ỦY BAN NHÂN DÂN', 'B', 12), 1)
    // A subject that wraps: the rule follows its longest printed line, not a short last one.
    const subject = 'Về việc công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP đợt 1 năm 2026'
    const lines = wrapLines(subject, 'B', 14, 467)
    expect(lines).toHaveLength(2)
    expect(shortRule(subject, 'B', 14, 467)).toBeCloseTo(0.4 * textWidth(lines[0]!, 'B', 14), 1)
  })

  it('a certificate shrinks a long name to at most two lines, and keeps short ones at full size', () => {
    const base = { producer: 'Chủ thể: Hộ kinh doanh X', address: 'Địa chỉ: Thôn A, xã B, tỉnh Lâm Đồng', code: 'Mã số sản phẩm: 68-1', decision: 'Theo Quyết định số 01/QĐ-UBND.' }
    expect(certificateFit({ ...base, name: 'CÀ PHÊ ARABICA' }).name).toBe(22)
    const long = 'BÁNH TRÁNG GẠO LỨT MÈ ĐEN NƯỚNG THAN HOA TRUYỀN THỐNG LÀNG NGHỀ ĐỨC TRỌNG HẢO HẠNG ĐẶC BIỆT LOẠI MỘT'
    const fit = certificateFit({ ...base, name: long })
    expect(fit.name).toBeLessThan(22)
    expect(fitSize(long, 'B', 400, 2, 22, 13)).toBeGreaterThanOrEqual(13)
    expect(fit.gap).toBeGreaterThan(0)
  })
})
