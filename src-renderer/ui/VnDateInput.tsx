import { DateInput, type DateInputProps } from '@mantine/dates'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseVnDay } from '../../src-main/shared/vn-format'

export interface VnDateInputProps extends Omit<DateInputProps, 'value' | 'onChange' | 'valueFormat' | 'dateParser' | 'defaultValue'> {
  /** The day as stored, `YYYY-MM-DD`, or null/'' when empty. */
  value?: string | null
  /** The day `YYYY-MM-DD`, or '' when empty or refused (forms keep date fields as strings). */
  onChange: (day: string) => void
}

/**
 * The one date field of the office: dd/mm/yyyy, Vietnamese calendar (DatesProvider locale vi in main.tsx), typing
 * `15032026` or `15/03/2026` works, a day that does not exist (31/02/2026) is refused with a message — the field is
 * emptied rather than keeping a value the person did not mean.
 */
export function VnDateInput({ value, onChange, error, ...rest }: VnDateInputProps) {
  const { t } = useTranslation('office')
  const [refused, setRefused] = useState<string | null>(null)
  const parse = (text: string): string | null => {
    const day = parseVnDay(text)
    // Only a finished entry is judged: eight digits, or d/m/yyyy; partial typing is left alone.
    const finished = /^\s*(\d{8}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})\s*$/.test(text)
    if (day) setRefused(null)
    else if (finished) {
      setRefused(text.trim())
      onChange('')
    }
    return day
  }
  return (
    <DateInput
      {...rest}
      value={value || null}
      onChange={(v) => {
        if (v) setRefused(null)
        onChange(v ? String(v).slice(0, 10) : '')
      }}
      valueFormat="DD/MM/YYYY"
      dateParser={parse}
      placeholder={rest.placeholder ?? t('date.placeholder')}
      fixOnBlur={!refused}
      error={refused ? t('date.invalid', { text: refused }) : error}
      popoverProps={{ withinPortal: true, ...rest.popoverProps }}
    />
  )
}
