import { Alert, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { formatNumber } from '../../../src-main/shared/vn-format'

/** Per-member analytics over finalized rounds: deviation from the council mean and leave-one-out decisiveness. */
export function MembersPanel() {
  const { t } = useTranslation('reports')
  const q = useQuery('reports.members', {})
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  const rows = q.data ?? []
  const fmt = (n: number) => formatNumber(n, 2)
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('members.hint')}
      </Text>
      {rows.length === 0 ? (
        <Text c="dimmed">{t('members.none')}</Text>
      ) : (
        <Table striped withTableBorder data-testid="members-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('members.name')}</Table.Th>
              <Table.Th>{t('members.rounds')}</Table.Th>
              <Table.Th>{t('members.products')}</Table.Th>
              <Table.Th>{t('members.meanDeviation')}</Table.Th>
              <Table.Th>{t('members.meanAbsDeviation')}</Table.Th>
              <Table.Th>{t('members.decisive')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((m) => (
              <Table.Tr key={m.name} data-decisive={m.decisive > 0}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.rounds}</Table.Td>
                <Table.Td>{m.products}</Table.Td>
                <Table.Td>{fmt(m.meanDeviation)}</Table.Td>
                <Table.Td>{fmt(m.meanAbsDeviation)}</Table.Td>
                <Table.Td>
                  {m.decisive} ({Math.round(m.decisiveShare * 100)}%)
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
