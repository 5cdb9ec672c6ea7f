import { Alert, Badge, Checkbox, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatScore } from '../../../src-main/domain/star-band'
import { useQuery } from '../../api/context'
import { OfficeDocumentActions } from '../office-documents/OfficeDocumentActions'

/**
 * Improvement advice of one finalized product: the fewest criterion improvements that reach the next star (points
 * for the band and every star-marker minimum), computed by the main process from the council's own answers. The
 * office ticks the criteria the council considers feasible; the plan is recomputed preferring them.
 */
export function AdvicePanel({ sessionId, productId }: { sessionId: number; productId: number }) {
  const { t } = useTranslation('advice')
  const [feasible, setFeasible] = useState<string[]>([])
  const advice = useQuery('advice.product', { sessionId, productId, feasible })
  if (advice.error) return <Alert color="red" role="alert">{advice.error.message}</Alert>
  if (!advice.data) return <Loader size="sm" aria-label={t('loading')} />
  const a = advice.data
  const toggle = (code: string, on: boolean) => setFeasible((list) => (on ? [...new Set([...list, code])] : list.filter((c) => c !== code)))
  return (
    <Paper withBorder p="sm" data-testid="advice-panel" data-product-id={productId}>
      <Stack gap="xs">
        <Title order={4}>{t('title', { name: a.productName })}</Title>
        {a.plan === null ? (
          <Alert color="gray" data-testid="advice-none">{a.message}</Alert>
        ) : (
          <>
            <Text size="sm" data-testid="advice-summary">
              {t('summary', { stars: a.stars, target: a.target, before: formatScore(a.plan.meanBefore), after: formatScore(a.plan.meanAfter), count: a.plan.changes.length })}
            </Text>
            <Table withTableBorder striped data-testid="advice-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('criterion')}</Table.Th>
                  <Table.Th>{t('current')}</Table.Th>
                  <Table.Th>{t('targetOption')}</Table.Th>
                  <Table.Th>{t('gain')}</Table.Th>
                  <Table.Th>{t('markers')}</Table.Th>
                  <Table.Th>{t('feasible')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {a.plan.changes.map((c) => (
                  <Table.Tr key={c.criterionCode} data-criterion={c.criterionCode}>
                    <Table.Td><Text size="sm" fw={600}>{c.criterionCode}</Text><Text size="xs">{c.criterionText}</Text></Table.Td>
                    <Table.Td><Text size="xs">{c.currentOptionText}</Text><Text size="xs" c="dimmed">{t('meanPoints', { points: formatScore(c.currentMeanPoints) })}</Text></Table.Td>
                    <Table.Td><Text size="xs">{c.targetOptionText}</Text><Text size="xs" c="dimmed">{t('points', { points: c.targetPoints })}</Text></Table.Td>
                    <Table.Td>+{formatScore(c.meanGain)}</Table.Td>
                    <Table.Td>{c.satisfiesMarkers.length > 0 ? c.satisfiesMarkers.map((l) => <Text key={l} size="xs" fw={600} c="orange.9" style={{ whiteSpace: 'nowrap' }}>{t('marker', { level: l })}</Text>) : '—'}</Table.Td>
                    <Table.Td>
                      <Checkbox aria-label={t('feasibleLabel', { code: c.criterionCode })} checked={feasible.includes(c.criterionCode)} onChange={(e) => toggle(c.criterionCode, e.currentTarget.checked)} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {feasible.length > 0 ? (
              <Group gap={4}>
                <Text size="xs" c="dimmed">{t('feasibleList')}</Text>
                {feasible.map((code) => <Badge key={code} size="sm" variant="outline" onClick={() => toggle(code, false)}>{code} ×</Badge>)}
              </Group>
            ) : null}
            <Text size="xs" c="dimmed">{t('explain')}</Text>
            {/* The letter to the producer (Phiếu góp ý), with the plan as now shown; once issued it keeps the plan it was issued with. */}
            <OfficeDocumentActions docRef={{ kind: 'advice-letter', sessionId, productId, feasible }} testId={`advice-letter-${productId}`} />
          </>
        )}
      </Stack>
    </Paper>
  )
}
