import { SIMILAR_NAME_THRESHOLD, nameSimilarity } from '../../../src-main/domain/similarity'

describe('nameSimilarity', () => {
  it('ignores diacritics, đ, case, spacing and punctuation', () => {
    expect(nameSimilarity('Cà phê Arabica Cầu Đất', 'ca phe  arabica cau dat.')).toBe(1)
    expect(nameSimilarity('Đông trùng hạ thảo', 'DONG TRUNG HA THAO')).toBe(1)
  })
  it('scores a small change above the warning threshold and different products below it', () => {
    expect(nameSimilarity('Trà Atiso túi lọc', 'Trà Atiso túi lọc Đà Lạt')).toBeGreaterThanOrEqual(SIMILAR_NAME_THRESHOLD)
    expect(nameSimilarity('Trà Atiso', 'Mứt dâu tây')).toBeLessThan(0.3)
    expect(nameSimilarity('', 'Mứt dâu')).toBe(0)
  })
  it('is symmetric', () => {
    expect(nameSimilarity('Mật ong rừng', 'Mật ong hoa cà phê')).toBe(nameSimilarity('Mật ong hoa cà phê', 'Mật ong rừng'))
  })
})
