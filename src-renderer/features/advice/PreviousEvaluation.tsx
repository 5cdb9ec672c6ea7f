import { Alert, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { formatScore } from '../../../src-main/domain/star-band'
import type { ProductHistoryView } from '../../../src-main/shared/api/history'
import { useQuery } from '../../api/context'
import { formatDay } from '../../../src-main/shared/vn-format'


/**
 * The product's previous evaluation beside the current one (re-evaluation, upgrade): stars, mean, parts and the
 * certificate; criterion by criterion when the app holds the earlier sheets, with those that moved by more than one
 * option since marked. Renders nothing for a product evaluated for the first time.
 */
export function PreviousEvaluation({ sessionId, productId, compact = false }: { sessionId: number; productId: number; compact?: boolean }) {
  const { t } = useTranslation('advice')
  const q = useQuery('history.previous', { sessionId, productId })
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  const p = q.data?.previous
  if (!p) return null
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-gray-0)" data-testid="previous-evaluation" data-source={p.source}>
      <Stack gap={4}>
        <Text fw={600} size="sm">
          {p.source === 'app'
            ? t('previous.fromSession', { date: formatDay(p.date), stars: p.stars ?? '—', mean: p.mean === null ? '—' : formatScore(p.mean) })
            : t('previous.recorded', { stars: p.stars ?? '—', date: formatDay(p.date) })}
        </Text>
        {p.parts ? <Text size="xs">{t('previous.parts', { a: formatScore(p.parts.A), b: formatScore(p.parts.B), c: formatScore(p.parts.C) })}</Text> : null}
        {p.certificate ? <Text size="xs">{t('previous.certificate', { number: p.certificate.number, issued: formatDay(p.certificate.issuedOn), expiry: formatDay(p.certificate.expiryDate), stars: p.certificate.stars })}</Text> : null}
        {!compact && q.data!.moved.length > 0 ? <Text size="xs" c="orange.9" data-testid="moved-count">{t('previous.moved', { count: q.data!.moved.length })}</Text> : null}
        {!compact && p.criteria.length > 0 ? <PreviousCriteria view={q.data!} /> : null}
      </Stack>
    </Paper>
  )
}

function PreviousCriteria({ view }: { view: ProductHistoryView }) {
  const { t } = useTranslation('advice')
  const moved = new Map(view.moved.map((m) => [m.criterionCode, m]))
  return (
    <Table withTableBorder fz="xs" data-testid="previous-criteria">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('criterion')}</Table.Th>
          <Table.Th>{t('previous.option')}</Table.Th>
          <Table.Th>{t('previous.spread')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {view.previous!.criteria.map((c) => {
          const m = moved.get(c.criterionCode)
          return (
            <Table.Tr key={c.criterionCode} data-criterion={c.criterionCode} data-moved={m ? 'true' : undefined}>
              <Table.Td>{c.criterionCode}</Table.Td>
              <Table.Td>{c.optionText} ({t('points', { points: c.points })})</Table.Td>
              <Table.Td>{c.spread}</Table.Td>
              <Table.Td>{m ? <Group gap={4}><Badge color="orange" variant="light">{t('previous.movedBadge', { steps: m.steps > 0 ? `+${m.steps}` : String(m.steps) })}</Badge></Group> : null}</Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
