import { Group, NumberInput, Stack, Tabs, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { vnDayOf } from '../../../src-main/shared/vn-format'
import { useLocation } from 'wouter'
import { PlanTab } from './PlanTab'
import { parseInspectionRecordPath } from './recordLink'
import { RecordsTab } from './RecordsTab'
import { SummaryTab } from './SummaryTab'


/** Kiểm tra sau công nhận (QĐ 26/2026 Điều 9): the year's plan, the inspection records, and the summary. */
export function InspectionsPage() {
  const { t } = useTranslation('inspections')
  const [loc] = useLocation()
  // `/records/<year>/<id>` (a link from the dashboard) opens that record in the Biên bản tab of its year.
  const link = parseInspectionRecordPath(loc)
  const [year, setYear] = useState<number>(link?.year ?? Number(vnDayOf(new Date())!.slice(0, 4)))
  return (
    <Stack data-testid="inspections-page">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={2}>{t('title')}</Title>
          <Text size="sm" c="dimmed">{t('subtitle')}</Text>
        </Stack>
        <NumberInput label={t('year')} w={120} min={2000} max={2100} value={year} onChange={(v) => typeof v === 'number' && v >= 2000 && v <= 2100 && setYear(v)} />
      </Group>
      <Tabs defaultValue={link ? 'records' : 'plan'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="plan">{t('tabs.plan')}</Tabs.Tab>
          <Tabs.Tab value="records" data-testid="tab-records">{t('tabs.records')}</Tabs.Tab>
          <Tabs.Tab value="summary" data-testid="tab-summary">{t('tabs.summary')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="plan" pt="md"><PlanTab year={year} /></Tabs.Panel>
        <Tabs.Panel value="records" pt="md"><RecordsTab year={year} openId={link?.id ?? null} /></Tabs.Panel>
        <Tabs.Panel value="summary" pt="md"><SummaryTab year={year} /></Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
