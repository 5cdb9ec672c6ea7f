import { Alert, Badge, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CriteriaSet } from '../../../src-main/shared/criteria'
import { CriterionRows } from './CriterionRows'

export interface CriteriaSheetProps {
  set: CriteriaSet
  version: string
}

/** A criteria set laid out as the Phụ lục II sheet: parts, sections, criteria, options with points and markers. */
export function CriteriaSheet({ set, version }: CriteriaSheetProps) {
  const { t } = useTranslation('criteria')
  return (
    <Stack gap="md" data-set-id={set.id}>
      <div>
        <Title order={2}>
          {t('sheet.title', { no: set.no })}: {set.name}
        </Title>
        <Group gap="xs" mt={4}>
          <Badge variant="light">{t('sheet.classification', { code: set.classificationCode })}</Badge>
          <Badge variant="light" color="gray">{t('sheet.version', { version })}</Badge>
          {set.ministries.map((m) => (
            <Badge key={m} variant="outline" color="gray">{m}</Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed" mt={4}>
          {set.sector} › {set.group}
          {set.subgroup ? ` › ${set.subgroup}` : ''}
        </Text>
      </div>
      {set.disqualification.map((d) => (
        <Alert key={d} color="red" variant="light" title={t('sheet.disqualification')}>
          {d}
        </Alert>
      ))}
      {set.parts.map((part) => (
        <Paper key={part.code} withBorder p="sm" data-part={part.code}>
          <Title order={3} size="h4" mb="xs">
            {t('sheet.part', { code: part.code })}: {part.title} ({t('sheet.points', { n: part.maxPoints })})
          </Title>
          <Table withTableBorder withColumnBorders verticalSpacing={4} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('sheet.criteria')}</Table.Th>
                <Table.Th w={110} ta="center">{t('sheet.scale')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {part.sections.map((sec) => [
                <Table.Tr key={`s${sec.code}`} bg="green.0" data-section={sec.code}>
                  <Table.Td fw={700}>
                    {sec.code}. {sec.title}
                  </Table.Td>
                  <Table.Td ta="center" fw={700}>{sec.maxPoints}</Table.Td>
                </Table.Tr>,
                ...sec.criteria.map((c) => <CriterionRows key={c.code} c={c} hideHeading={c.code === sec.code} />)
              ])}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Paper withBorder p="sm">
        <Group justify="space-between">
          <Text fw={700}>{t('sheet.total')}</Text>
          <Text fw={700} data-total>{set.maxPoints}</Text>
        </Group>
      </Paper>
      <Text size="sm" fs="italic">{t('sheet.markerNote')}</Text>
    </Stack>
  )
}
