import { DEFAULT_THEME } from '@mantine/core'
import { PALETTES } from '../../src-renderer/theme'

/** WCAG 2 relative luminance and contrast ratio of two #rrggbb colours. */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (hi + 0.05) / (lo + 0.05)
}
/** `color` at `alpha` over `bg`: Mantine's "light" variant background. */
const tint = (color: string, alpha: number, bg: string) =>
  '#' + [1, 3, 5].map((i) => Math.round(parseInt(color.slice(i, i + 2), 16) * alpha + parseInt(bg.slice(i, i + 2), 16) * (1 - alpha)).toString(16).padStart(2, '0')).join('')

describe('office colours (WCAG 2 AA, 4.5:1 for normal text)', () => {
  const white = '#ffffff'
  const striped = DEFAULT_THEME.colors.gray[0]
  for (const [name, shades] of Object.entries(PALETTES)) {
    const s6 = shades[6]
    it(`${name}.6 ${s6} reads on white, on striped rows, on its light tint, and white text reads on it`, () => {
      expect(contrast(s6, white)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(s6, striped)).toBeGreaterThanOrEqual(4.5)
      expect(contrast(s6, tint(s6, 0.12, striped))).toBeGreaterThanOrEqual(4.5)
      for (const darker of shades.slice(7)) expect(luminance(darker)).toBeLessThanOrEqual(luminance(s6) + 1e-9)
    })
  }
})
