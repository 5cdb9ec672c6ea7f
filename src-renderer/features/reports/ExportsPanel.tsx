import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { downloadExport } from './download'
import { ExportProgress, useExportRun } from './ExportProgress'
import { formatDay } from '../../../src-main/shared/vn-format'

/** Xuất dữ liệu: PTNT_OCOP (QĐ 5277), the national system's product record, the decision annex, the reports' data. */
export function ExportsPanel() {
  const { t } = useTranslation('reports')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const [sessionId, setSessionId] = useState<string | null>(null)
  const sessions = useQuery('sessions.list', {})
  const finalized = (sessions.data ?? []).filter((s) => s.status === 'finalized')
  const exporting = useExportRun()
  /** One export at a time: its button shows as busy, the others wait; the error (if any) is shown above. */
  const run = async (key: string, work: () => Promise<string | null>) => setError(await exporting.run(key, work))
  const busy = (key: string) => ({ loading: exporting.busy === key, disabled: exporting.busy !== null && exporting.busy !== key })
  const decisions = useQuery('exports.annexDecisions', {})
  const [decision, setDecision] = useState<string | null>(null)
  const recorded = decisions.data ?? []
  const chosenDecision = decision === null ? undefined : recorded[Number(decision)]
  return (
    <Stack>
      {error && <Alert color="red">{error}</Alert>}
      <ExportProgress busy={exporting.busy} step={exporting.step} />
      <Card withBorder>
        <Title order={4}>{t('exports.ptnt')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('exports.ptntHint')}
        </Text>
        <Group>
          <Button data-testid="export-ptnt-xlsx" {...busy('ptnt-xlsx')} onClick={() => run('ptnt-xlsx', () => downloadExport(api, 'exports.ptntOcop', { format: 'xlsx' }))}>XLSX</Button>
          <Button variant="light" data-testid="export-ptnt-csv" {...busy('ptnt-csv')} onClick={() => run('ptnt-csv', () => downloadExport(api, 'exports.ptntOcop', { format: 'csv' }))}>CSV</Button>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={4}>{t('exports.national')}</Title>
        <Text size="sm" c="dimmed" mb="sm">
          {t('exports.nationalHint')}
        </Text>
        <Group>
          <Button data-testid="export-national-xlsx" {...busy('national-xlsx')} onClick={() => run('national-xlsx', () => downloadExport(api, 'exports.nationalRecords', { format: 'xlsx' }))}>XLSX</Button>
          <Button variant="light" data-testid="export-national-json" {...busy('national-json')} onClick={() => run('national-json', () => downloadExport(api, 'exports.nationalRecords', { format: 'json' }))}>JSON</Button>
        </Group>
      </Card>
      <Card withBorder>
        <Title order={4}>{t('exports.annex')}</Title>
        <Group align="flex-end">
          <Select label={t('issue.session')} data={finalized.map((s) => ({ value: String(s.id), label: `${s.roundName} — ${formatDay(s.date)}` }))} value={sessionId} onChange={setSessionId} w={300} data-testid="annex-session" />
          <Button data-testid="export-annex" {...busy('annex')} disabled={!sessionId || busy('annex').disabled} onClick={() => run('annex', () => downloadExport(api, 'exports.annex', { sessionId: Number(sessionId) }))}>
            XLSX
          </Button>
        </Group>
        <Text size="sm" fw={600} mt="md">{t('exports.annexRecorded')}</Text>
        <Text size="sm" c="dimmed" mb="xs">{recorded.length ? t('exports.annexRecordedHint') : t('exports.annexRecordedNone')}</Text>
        {recorded.length ? (
          <Group align="flex-end">
            <Select
              aria-label={t('exports.annexRecorded')}
              data={recorded.map((d, i) => ({ value: String(i), label: t('exports.annexDecision', { no: d.decisionNo, authority: d.issuingAuthority, count: d.certificates }) }))}
              value={decision}
              onChange={setDecision}
              w={460}
              data-testid="annex-decision"
            />
            <Button
              data-testid="export-annex-recorded"
              {...busy('annex-recorded')}
              disabled={!chosenDecision || busy('annex-recorded').disabled}
              onClick={() => chosenDecision && run('annex-recorded', () => downloadExport(api, 'exports.annex', { decisionNo: chosenDecision.decisionNo, issuingAuthority: chosenDecision.issuingAuthority }))}
            >
              XLSX
            </Button>
          </Group>
        ) : null}
      </Card>
      <Card withBorder>
        <Title order={4}>{t('exports.charts')}</Title>
        <Button mt="sm" variant="light" {...busy('charts')} onClick={() => run('charts', () => downloadExport(api, 'reports.exportXlsx', { withinDays: 180 }))}>
          XLSX
        </Button>
      </Card>
    </Stack>
  )
}
