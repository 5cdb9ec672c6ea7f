import { Alert, Button, Group, Loader, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatDay, vnDayOf } from '../../../src-main/shared/vn-format'
import { standardPeriod } from '../../../src-main/domain/periodic-report'
import { INSPECTION_ITEMS, type InspectionItem } from '../../../src-main/shared/inspection'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64 } from '../catalogue/files'
import { OfficeDocumentActions } from '../office-documents/OfficeDocumentActions'

/** Báo cáo định kỳ: the 6-month or yearly results of the OCOP programme, on screen and as the XLSX tables. */
export function PeriodicPanel() {
  const { t } = useTranslation('reports')
  const api = useApi()
  const [year, setYear] = useState(Number(vnDayOf(new Date())!.slice(0, 4)))
  const [kind, setKind] = useState<'h1' | 'year'>('h1')
  const [error, setError] = useState<string | null>(null)
  const period = standardPeriod(year, kind)
  const report = useQuery('reports.periodic', period)
  const download = async () => {
    const r = await api.call('reports.periodicXlsx', period)
    if (r.ok) downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
    setError(r.ok ? null : r.error.message)
  }
  const rows = (list: Array<{ label: string; count: number }>, testId: string) => (
    <Table withTableBorder striped data-testid={testId}>
      <Table.Tbody>
        {list.map((r) => (
          <Table.Tr key={r.label}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td w={90} ta="right">{r.count}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
  const stars = (k: string) => (k === '0' ? t('periodic.noStars') : t('periodic.stars', { n: k }))
  return (
    <Stack gap="sm" data-testid="periodic-panel">
      <Group align="flex-end">
        <NumberInput label={t('periodic.year')} w={110} min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)} />
        <SegmentedControl value={kind} onChange={(v) => setKind(v as 'h1' | 'year')} data={[{ value: 'h1', label: t('periodic.h1') }, { value: 'year', label: t('periodic.wholeYear') }]} aria-label={t('periodic.kind')} />
        <Button variant="light" onClick={() => void download()} data-testid="periodic-xlsx">{t('periodic.download')}</Button>
        <OfficeDocumentActions docRef={{ kind: 'periodic-report', ...period }} testId="periodic-doc" />
      </Group>
      {error || report.error ? <Alert color="red" role="alert">{error ?? report.error!.message}</Alert> : null}
      {!report.data ? (
        <Loader size="sm" aria-label={t('periodic.loading')} />
      ) : (
        <>
          <Text size="sm" fw={600}>{t('periodic.title', { from: formatDay(period.from), to: formatDay(period.to) })}</Text>
          <SimpleGrid cols={2}>
            {rows(
              [
                { label: t('periodic.evaluated'), count: report.data.evaluations.total },
                { label: t('periodic.first'), count: report.data.evaluations.byType['lan-dau'] },
                { label: t('periodic.upgrade'), count: report.data.evaluations.byType['nang-hang'] },
                { label: t('periodic.reevaluation'), count: report.data.evaluations.byType['danh-gia-lai'] },
                { label: t('periodic.recognised'), count: report.data.evaluations.recognised },
                { label: t('periodic.fiveStar'), count: report.data.evaluations.proposedFiveStar },
                ...report.data.evaluations.byStars.filter((x) => x.count > 0).map((x) => ({ label: stars(x.key), count: x.count }))
              ],
              'periodic-evaluations'
            )}
            {rows(
              [
                { label: t('periodic.issued'), count: report.data.certificates.issued },
                { label: t('periodic.revoked'), count: report.data.certificates.revoked },
                { label: t('periodic.expired'), count: report.data.certificates.expired },
                { label: t('periodic.valid'), count: report.data.portfolio.valid },
                ...report.data.portfolio.byStars.map((x) => ({ label: `— ${stars(x.key)}`, count: x.count })),
                { label: t('periodic.inspections'), count: report.data.inspections.total },
                { label: t('periodic.adHoc'), count: report.data.inspections.adHoc },
                ...report.data.inspections.failedItems.map((x) => ({ label: t('periodic.failed', { item: INSPECTION_ITEMS[x.key as InspectionItem] ?? x.key }), count: x.count }))
              ],
              'periodic-certificates'
            )}
          </SimpleGrid>
          <SimpleGrid cols={2}>
            {rows(report.data.portfolio.bySector.map((x) => ({ label: x.key, count: x.count })), 'periodic-sectors')}
            {rows(report.data.portfolio.byCommune.map((x) => ({ label: x.key, count: x.count })), 'periodic-communes')}
          </SimpleGrid>
        </>
      )}
    </Stack>
  )
}
