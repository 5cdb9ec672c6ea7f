import { Select, type ComboboxItem, type ComboboxParsedItem, type OptionsFilter } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { foldVietnamese } from '../../../src-main/shared/text'
import { useQuery } from '../../api/context'

/** Matches typed text against option labels with diacritics and case ignored ("da lat" finds "Đà Lạt"). */
const loose = (s: string): string => foldVietnamese(s).replace(/[^a-z0-9]+/g, ' ').trim()
/** Punctuation is ignored too, so "rau cu" finds "Rau, củ, quả". Grouped options are filtered inside each group. */
export const foldFilter: OptionsFilter = ({ options, search }) => {
  const q = loose(search)
  if (!q) return options
  const keep = (o: ComboboxItem): boolean => loose(o.label).includes(q)
  const out: ComboboxParsedItem[] = []
  for (const o of options) {
    if ('group' in o) {
      const items = o.items.filter(keep)
      if (items.length) out.push({ ...o, items })
    } else if (keep(o)) out.push(o)
  }
  return out
}

export interface CommuneSelectProps {
  provinceCode: string | null
  value: string | null
  onChange: (code: string | null) => void
  label?: string
  placeholder?: string
  error?: string | undefined
  clearable?: boolean
  withAsterisk?: boolean
  /** Disabled even with a province (the producer form's "Chưa rõ xã"). */
  disabled?: boolean
}

/** Commune-level unit (xã, phường, đặc khu) of one province, searchable without diacritics. */
export function CommuneSelect({ provinceCode, value, onChange, label, placeholder, error, clearable, withAsterisk, disabled }: CommuneSelectProps) {
  const { t } = useTranslation('catalogue')
  const communes = useQuery('admin.communes', { provinceCode: provinceCode ?? '00' }, { skip: !provinceCode })
  return (
    <Select
      label={label ?? t('common.commune')}
      placeholder={placeholder}
      data={(communes.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
      value={value}
      onChange={onChange}
      searchable
      filter={foldFilter}
      clearable={clearable}
      withAsterisk={withAsterisk}
      error={error}
      disabled={!provinceCode || disabled === true}
      nothingFoundMessage="—"
      data-testid="commune-select"
    />
  )
}
