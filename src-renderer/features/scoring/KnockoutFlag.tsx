import { Checkbox, Group, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Knockout } from '../../../src-main/shared/criteria'
import type { SheetFlag } from './liveTotals'

export interface KnockoutFlagProps {
  /** null: the set's "Hồ sơ bị loại khi …" printed at the top of the sheet. */
  criterionCode: string | null
  rule: Knockout
  flag: SheetFlag | undefined
  readOnly: boolean
  busy: boolean
  error: string | null
  onChange: (flagged: boolean, note: string) => void
}

/** The member's mark on one printed knockout rule, with an optional note saved when the field is left. */
export function KnockoutFlag(p: KnockoutFlagProps) {
  const { t } = useTranslation('scoring')
  const flagged = p.flag !== undefined
  const [note, setNote] = useState(p.flag?.note ?? '')
  useEffect(() => setNote(p.flag?.note ?? ''), [p.flag?.note])
  const kind = p.criterionCode === null ? 'dossier' : p.rule.kind
  const label = t(`knockout.flag.${kind}`, { code: p.criterionCode ?? '' })
  return (
    <Stack
      gap={4}
      px="xs"
      py={4}
      data-knockout-rule={p.criterionCode ?? 'dossier'}
      data-knockout-kind={p.rule.kind}
      data-knockout-flagged={flagged || undefined}
      bg={flagged ? (p.rule.kind === 'reject' ? 'red.0' : 'orange.0') : undefined}
      style={{ borderRadius: 4 }}
    >
      <Checkbox
        color={p.rule.kind === 'reject' ? 'red' : 'orange'}
        size="md"
        // Touch target of at least 44 px: the label (which toggles the box) is padded to that height.
        styles={{ body: { alignItems: 'center' }, label: { paddingTop: 12, paddingBottom: 12 } }}
        label={label}
        checked={flagged}
        disabled={p.readOnly || p.busy}
        onChange={(e) => p.onChange(e.currentTarget.checked, e.currentTarget.checked ? note.trim() : '')}
      />
      {flagged && p.readOnly && p.flag?.note ? (
        <Text size="xs" fs="italic" pl={32} data-knockout-note>{t('knockout.noteShown', { note: p.flag.note })}</Text>
      ) : null}
      {flagged && !p.readOnly ? (
        <Group pl={32}>
          <TextInput
            size="xs"
            style={{ flex: 1 }}
            label={t('knockout.note')}
            placeholder={t('knockout.notePlaceholder')}
            value={note}
            maxLength={1000}
            disabled={p.busy}
            onChange={(e) => setNote(e.currentTarget.value)}
            onBlur={() => {
              if (note.trim() !== (p.flag?.note ?? '')) p.onChange(true, note.trim())
            }}
            data-knockout-note-input
          />
        </Group>
      ) : null}
      {p.error ? <Text size="xs" c="red.8" role="alert">{t('knockout.error', { message: p.error })}</Text> : null}
    </Stack>
  )
}
