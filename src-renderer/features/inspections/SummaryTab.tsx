import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { INSPECTION_ITEMS } from '../../../src-main/shared/inspection'
import { useQuery } from '../../api/context'
import { formatDay } from '../../../src-main/shared/vn-format'

/** The year at a glance: planned vs done, outcomes, findings by item, and follow-ups whose deadline has passed. */
export function SummaryTab({ year }: { year: number }) {
  const { t } = useTranslation('inspections')
  const s = useQuery('inspections.summary', { year })
  if (s.error) return <Alert color="red">{s.error.message}</Alert>
  if (!s.data) return <Loader size="sm" aria-label={t('loading')} />
  const d = s.data
  const stat = (label: string, value: string, testId: string) => (
    <Paper withBorder p="sm" data-testid={testId}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="xl" fw={700}>{value}</Text>
    </Paper>
  )
  return (
    <Stack gap="sm" data-testid="summary-tab">
      <SimpleGrid cols={4}>
        {stat(t('summary.planned'), `${d.plannedDone}/${d.planned}`, 'stat-planned')}
        {stat(t('summary.inspections'), `${d.inspections}`, 'stat-inspections')}
        {stat(t('summary.adHoc'), `${d.adHoc}`, 'stat-ad-hoc')}
        {stat(t('summary.overdue'), `${d.overdue.length}`, 'stat-overdue')}
      </SimpleGrid>
      <Group gap="lg">
        <Text size="sm">{t('outcome.no-action')}: {d.outcomes['no-action']}</Text>
        <Text size="sm">{t('outcome.recommendations')}: {d.outcomes.recommendations}</Text>
        <Text size="sm">{t('outcome.revocation-proposed')}: {d.outcomes['revocation-proposed']}</Text>
      </Group>
      <Table withTableBorder striped data-testid="findings-by-item">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('record.item')}</Table.Th>
            <Table.Th>{t('result.pass')}</Table.Th>
            <Table.Th>{t('result.fail')}</Table.Th>
            <Table.Th>{t('result.advice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.findings.map((f) => (
            <Table.Tr key={f.item} data-item={f.item}>
              <Table.Td>{INSPECTION_ITEMS[f.item]}</Table.Td>
              <Table.Td>{f.pass}</Table.Td>
              <Table.Td>{f.fail}</Table.Td>
              <Table.Td>{f.advice}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600}>{t('summary.overdueTitle')}</Text>
      {d.overdue.length === 0 ? (
        <Text size="sm" c="dimmed">{t('summary.noOverdue')}</Text>
      ) : (
        d.overdue.map((o) => <Text key={o.inspectionId} size="sm" data-testid="overdue">{t('summary.overdueLine', { name: o.productName, day: formatDay(o.deadline) })}</Text>)
      )}
    </Stack>
  )
}
