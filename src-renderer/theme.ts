import { createTheme, type MantineColorsTuple } from '@mantine/core'

/**
 * All the office's colours, in one place (issue 15: WCAG 2 AA). Mantine's palettes keep shades 0–5 (backgrounds,
 * borders); shades 6–9 are darkened so that shade 6 — the filled button, the light badge's text, links, "dimmed"
 * text — reaches 4.5:1 on white, on striped rows (gray.0) and on its own light tint. tests/renderer/theme.test.ts
 * checks every ratio; tests/e2e/a11y.spec.mjs checks the screens with axe-core.
 */
export const PALETTES = {
  green: ['#ebfbee', '#d3f9d8', '#b2f2bb', '#8ce99a', '#69db7c', '#51cf66', '#267334', '#22682f', '#1e5c2a', '#1b5124'],
  red: ['#fff5f5', '#ffe3e3', '#ffc9c9', '#ffa8a8', '#ff8787', '#ff6b6b', '#b13a3a', '#9f3434', '#8e2e2e', '#7c2929'],
  orange: ['#fff4e6', '#ffe8cc', '#ffd8a8', '#ffc078', '#ffa94d', '#ff922b', '#9d4e0c', '#8d460b', '#7e3e0a', '#6e3708'],
  yellow: ['#fff9db', '#fff3bf', '#ffec99', '#ffe066', '#ffd43b', '#fcc419', '#845d03', '#775403', '#6a4a02', '#5c4102'],
  blue: ['#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#1967aa', '#175d99', '#145288', '#124877'],
  gray: ['#f8f9fa', '#f1f3f5', '#e9ecef', '#dee2e6', '#ced4da', '#adb5bd', '#5f656a', '#495057', '#343a40', '#212529'],
  teal: ['#e6fcf5', '#c3fae8', '#96f2d7', '#63e6be', '#38d9a9', '#20c997', '#0b7253', '#0a674b', '#095b42', '#08503a'],
  grape: ['#f8f0fc', '#f3d9fa', '#eebefa', '#e599f7', '#da77f2', '#cc5de8', '#963bad', '#87359c', '#782f8a', '#692979'],
  violet: ['#f3f0ff', '#e5dbff', '#d0bfff', '#b197fc', '#9775fa', '#845ef7', '#6c47d7', '#6140c2', '#5639ac', '#4c3297'],
  cyan: ['#e3fafc', '#c5f6fa', '#99e9f2', '#66d9e8', '#3bc9db', '#22b8cf', '#0e6e7c', '#0d6370', '#0b5863', '#0a4d57'],
  indigo: ['#edf2ff', '#dbe4ff', '#bac8ff', '#91a7ff', '#748ffc', '#5c7cfa', '#3f5bcb', '#3952b7', '#3249a2', '#2c408e'],
  lime: ['#f4fce3', '#e9fac8', '#d8f5a2', '#c0eb75', '#a9e34b', '#94d82d', '#476f10', '#40640e', '#39590d', '#324e0b'],
  pink: ['#fff0f6', '#ffdeeb', '#fcc2d7', '#faa2c1', '#f783ac', '#f06595', '#af3761', '#9e3257', '#8c2c4e', '#7a2744']
} satisfies Record<string, MantineColorsTuple>

export const theme = createTheme({
  primaryColor: 'green',
  primaryShade: 6,
  colors: PALETTES as unknown as Record<string, MantineColorsTuple>,
  fontFamily: '"Liberation Sans", "Noto Sans", Arial, sans-serif',
  headings: { fontFamily: '"Liberation Sans", "Noto Sans", Arial, sans-serif' }
})

/** "dimmed" text and placeholders use the darkened gray.6 instead of Mantine's lighter defaults. */
export const cssVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-6)', '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {}
})
