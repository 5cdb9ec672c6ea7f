import { formatScore, starBand } from '../../../src-main/domain/star-band'

describe('starBand — QĐ 26/2026 Điều 3.3, "đến dưới" boundaries exact', () => {
  it.each([
    [0, 1], [29.99, 1], [30, 2], [49.99, 2], [49.999999, 2], [50, 3], [69.99, 3], [69.999, 3], [70, 4],
    [89.99, 4], [89.9999, 4], [90, 5], [100, 5]
  ])('%s points → %s★ band', (mean, stars) => {
    expect(starBand(mean)).toBe(stars)
  })
})

describe('formatScore — 2 decimals, never shown across a threshold', () => {
  it.each([
    [70, '70,00'], [209 / 3, '69,67'], [72.125, '72,13'], [5, '5,00'], [69.996, '69,99'], [89.999, '89,99'], [49.995, '49,99'], [90.004, '90,00']
  ])('%s → %s', (value, text) => {
    expect(formatScore(value)).toBe(text)
  })
})
