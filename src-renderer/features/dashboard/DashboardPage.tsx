import { Alert, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { CertificateTable } from '../reports/CertificateTable'
import { downloadExport } from '../reports/download'
import { formatNumber } from '../../../src-main/shared/vn-format'
import { FirstRunRedirect } from '../first-run/FirstRunRedirect'
import { CountChart } from './CountChart'
import { InspectionsCard } from './InspectionsCard'

const WITHIN_DAYS = 180
/** The commune chart shows the communes with most products; the note says how many of all it shows. */
const COMMUNES_SHOWN = 15

/** Tổng quan: products by stars, sector, commune and round; certificates expiring; re-evaluation reminders. */
export function DashboardPage() {
  const { t } = useTranslation('dashboard')
  const api = useApi()
  const q = useQuery('reports.dashboard', { withinDays: WITHIN_DAYS, reminderLeadDays: 30 })
  const [error, setError] = useState<string | null>(null)
  const d = q.data
  const one = (label: string) => [{ name: 'count', label, color: 'teal.6' }]
  return (
    <Stack data-testid="dashboard-page">
      <FirstRunRedirect />
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Button variant="light" onClick={async () => setError(await downloadExport(api, 'reports.exportXlsx', { withinDays: WITHIN_DAYS }))} data-testid="dashboard-export">
          {t('export')}
        </Button>
      </Group>
      {(q.error || error) && <Alert color="red">{q.error?.message ?? error}</Alert>}
      {d && (
        <>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            {(['products', 'recognised', 'validCertificates', 'expiring', 'reminders'] as const).map((k) => (
              <Card withBorder key={k} data-testid={`total-${k}`}>
                <Text size="sm" c="dimmed">
                  {t(`totals.${k}`)}
                </Text>
                <Text fz={28} fw={700}>
                  {formatNumber(d.totals[k])}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <CountChart testId="chart-stars" title={t('charts.stars')} data={d.byStars} series={one(t('charts.products'))} />
            <CountChart
              testId="chart-round"
              title={t('charts.round')}
              data={d.byRound}
              series={[
                { name: 'star3', label: t('charts.star3'), color: 'yellow.5' },
                { name: 'star4', label: t('charts.star4'), color: 'orange.6' },
                { name: 'star5', label: t('charts.star5'), color: 'red.7' },
                { name: 'notRecognised', label: t('charts.notRecognised'), color: 'gray.5' }
              ]}
            />
            <CountChart testId="chart-sector" horizontal title={t('charts.sector')} data={d.bySector} series={one(t('charts.products'))} />
            <CountChart
              testId="chart-commune"
              horizontal
              title={t('charts.commune')}
              note={d.byCommune.length > COMMUNES_SHOWN ? t('office:chart.topOf', { shown: COMMUNES_SHOWN, total: d.byCommune.length }) : undefined}
              data={d.byCommune.slice(0, COMMUNES_SHOWN)}
              series={one(t('charts.products'))}
            />
          </SimpleGrid>
          <InspectionsCard />
          <Title order={3}>{t('reminders', { count: d.reminders.length })}</Title>
          <Text size="sm" c="dimmed">
            {t('remindersHint')}
          </Text>
          <CertificateTable rows={d.reminders} empty={t('office:chart.noReminders')} />
          <Title order={3}>{t('expiring', { days: WITHIN_DAYS })}</Title>
          <CertificateTable rows={d.expiring} empty={t('office:chart.noExpiring', { days: WITHIN_DAYS })} />
        </>
      )}
    </Stack>
  )
}
