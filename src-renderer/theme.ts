import { createTheme } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'green',
  fontFamily: '"Liberation Sans", "Noto Sans", Arial, sans-serif',
  headings: { fontFamily: '"Liberation Sans", "Noto Sans", Arial, sans-serif' }
})
