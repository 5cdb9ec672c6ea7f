import { Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Criterion } from '../../../src-main/shared/criteria'

/** The knockout ("Bị loại" / "Dừng đánh giá") and other notes printed under a criterion on the sheet. */
export function CriterionNotes({ c }: { c: Criterion }) {
  const { t } = useTranslation('criteria')
  const knockoutTexts = new Set(c.knockouts.map((k) => k.text))
  const notes = c.notes.filter((n) => !knockoutTexts.has(n) && n !== c.appliesOnlyWhen)
  if (c.knockouts.length === 0 && notes.length === 0) return null
  return (
    <Stack gap={2} px="xs" py={4}>
      {c.knockouts.map((k) => (
        <Group key={k.text} gap="xs" wrap="nowrap" align="flex-start" data-knockout={k.kind}>
          <Badge color={k.kind === 'reject' ? 'red' : 'orange'} variant="light" size="sm" style={{ flexShrink: 0 }}>
            {t(k.kind === 'reject' ? 'knockout.reject' : 'knockout.stop')}
          </Badge>
          <Text size="xs" fs="italic">{k.text}</Text>
        </Group>
      ))}
      {notes.map((n) => (
        <Text key={n} size="xs" fs="italic" c="dimmed">{n}</Text>
      ))}
    </Stack>
  )
}
