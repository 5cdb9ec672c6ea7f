import { Badge, Group, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Criterion, LeafCriterion } from '../../../src-main/shared/criteria'
import { StarMarker } from './StarMarker'

function Notes({ c }: { c: Criterion }) {
  const { t } = useTranslation('criteria')
  const knockoutTexts = new Set(c.knockouts.map((k) => k.text))
  return (
    <>
      {c.knockouts.map((k) => (
        <Table.Tr key={k.text} data-knockout={k.kind}>
          <Table.Td colSpan={2} pl="xl">
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
                {t(k.kind === 'reject' ? 'knockout.reject' : 'knockout.stop')}
              </Badge>
              <Text size="sm" fs="italic">{k.text}</Text>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
      {c.notes
        .filter((n) => !knockoutTexts.has(n))
        .map((n) => (
          <Table.Tr key={n}>
            <Table.Td colSpan={2} pl="xl">
              <Text size="sm" fs="italic" c="dimmed">{n}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
    </>
  )
}

function Options({ c }: { c: LeafCriterion }) {
  const { t } = useTranslation('criteria')
  return (
    <>
      {c.options.map((o) => (
        <Table.Tr key={o.id} data-option-id={o.id}>
          <Table.Td pl="xl">
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text span aria-hidden>□</Text>
              <Text span size="sm" style={{ flex: 1 }}>{o.text}</Text>
              {o.marker ? <StarMarker level={o.marker} /> : null}
              {o.reconstructed ? (
                <Badge size="xs" variant="outline" color="gray" title={o.reconstructed}>{t('reconstructed')}</Badge>
              ) : null}
            </Group>
          </Table.Td>
          <Table.Td ta="center">{o.points}</Table.Td>
        </Table.Tr>
      ))}
    </>
  )
}

/**
 * One criterion as printed on the sheet: heading row with its maximum, its options, then notes and knockouts.
 * `hideHeading`: the section is itself the criterion (same code), so the section row already is its heading.
 */
export function CriterionRows({ c, depth = 0, hideHeading = false }: { c: Criterion; depth?: number; hideHeading?: boolean }) {
  return (
    <>
      {hideHeading ? null : <Table.Tr id={`crit-${c.code}`} data-criterion={c.code} bg={depth ? undefined : 'gray.0'}>
        <Table.Td pl={depth ? 'lg' : 'sm'}>
          <Text size="sm" fw={600}>
            {c.code}. {c.text}
          </Text>
        </Table.Td>
        <Table.Td ta="center" fw={600}>{c.maxPoints}</Table.Td>
      </Table.Tr>}
      {'subCriteria' in c ? c.subCriteria.map((sc) => <CriterionRows key={sc.code} c={sc} depth={depth + 1} />) : <Options c={c} />}
      <Notes c={c} />
    </>
  )
}
