import { Alert, Anchor, Card, Group, List, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { FINDING_RESULT_CODES } from '../../../src-main/shared/inspection'
import { formatDay, formatNumber, vnDayOf } from '../../../src-main/shared/vn-format'
import { useQuery } from '../../api/context'
import { inspectionRecordPath } from '../inspections/recordLink'
import { CountChart } from './CountChart'

/**
 * Kiểm tra sau công nhận on the dashboard (QĐ 26/2026 Điều 9): this year's planned products inspected, findings by
 * kind (chart with its table), and recommendations past their deadline with no follow-up, each linking to its record.
 */
export function InspectionsCard() {
  const { t } = useTranslation('dashboard')
  const year = Number(vnDayOf(new Date())!.slice(0, 4))
  const q = useQuery('inspections.summary', { year })
  const d = q.data
  const findings = d
    ? FINDING_RESULT_CODES.map((kind) => ({ label: t(`inspections:result.${kind}`), count: d.findings.reduce((s, x) => s + x[kind], 0) }))
    : []
  return (
    <Card withBorder data-testid="dashboard-inspections">
      <Stack gap="sm">
        <Title order={3}>{t('inspections.title', { year })}</Title>
        {q.error ? <Alert color="red">{q.error.message}</Alert> : null}
        {!d ? (
          q.error ? null : <Loader size="sm" aria-label={t('inspections.loading')} />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Stack gap={0} data-testid="inspections-planned" data-done={d.plannedDone} data-planned={d.planned}>
                <Text size="sm" c="dimmed">{t('inspections.planned')}</Text>
                <Text fz={24} fw={700}>{t('inspections.plannedValue', { done: formatNumber(d.plannedDone), planned: formatNumber(d.planned) })}</Text>
              </Stack>
              <Stack gap={0} data-testid="inspections-count">
                <Text size="sm" c="dimmed">{t('inspections.records')}</Text>
                <Text fz={24} fw={700}>{formatNumber(d.inspections)}</Text>
                <Text size="xs" c="dimmed">{t('inspections.adHoc', { n: formatNumber(d.adHoc) })}</Text>
              </Stack>
              <Stack gap={0} data-testid="inspections-overdue-count">
                <Text size="sm" c="dimmed">{t('inspections.overdue')}</Text>
                <Text fz={24} fw={700} c={d.overdue.length > 0 ? 'red.9' : undefined}>{formatNumber(d.overdue.length)}</Text>
              </Stack>
            </SimpleGrid>
            <CountChart testId="chart-findings" title={t('inspections.findings')} data={findings} series={[{ name: 'count', label: t('inspections.findingsCount'), color: 'teal.6' }]} />
            <Title order={4}>{t('inspections.overdueTitle')}</Title>
            {d.overdue.length === 0 ? (
              <Text size="sm" c="dimmed">{t('inspections.noOverdue')}</Text>
            ) : (
              <List size="sm" data-testid="inspections-overdue">
                {d.overdue.map((o) => (
                  <List.Item key={o.inspectionId} data-inspection-id={o.inspectionId}>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} href={`~/inspections${inspectionRecordPath(Number(o.inspectedOn.slice(0, 4)), o.inspectionId)}`}>
                        {t('inspections.overdueLink', { name: o.productName, day: formatDay(o.inspectedOn) })}
                      </Anchor>
                      <Text size="sm">{t('inspections.deadline', { day: formatDay(o.deadline) })}</Text>
                    </Group>
                  </List.Item>
                ))}
              </List>
            )}
          </>
        )}
      </Stack>
    </Card>
  )
}
