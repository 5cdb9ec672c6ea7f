import { BarChart } from '@mantine/charts'
import { Card, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../src-main/shared/vn-format'

export interface CountChartProps {
  title: string
  data: ReadonlyArray<Record<string, string | number>>
  series: Array<{ name: string; label: string; color: string }>
  testId: string
  /** Horizontal bars with the full label on the left: for long names (sectors, communes). */
  horizontal?: boolean
  /** Shown under the title, e.g. "15 of 18 communes". */
  note?: string
}

/**
 * One bar chart of counts; the same rows go to the XLSX export. The drawing is hidden from assistive technology
 * and from Tab: a table of the same numbers is its text alternative (WCAG 1.1.1), read by screen readers.
 */
export function CountChart({ title, data, series, testId, horizontal = false, note }: CountChartProps) {
  const { t } = useTranslation('office')
  const titleId = useId()
  const total = data.reduce((s, r) => s + series.reduce((a, x) => a + Number(r[x.name] ?? 0), 0), 0)
  const max = Math.max(0, ...data.map((r) => series.reduce((a, x) => a + Number(r[x.name] ?? 0), 0)))
  // Counts are whole numbers: one tick per unit up to 5, then let the axis choose whole steps.
  const countAxis = { allowDecimals: false, tickCount: Math.min(max + 1, 6), domain: [0, Math.max(1, max)] as [number, number] }
  const longest = Math.max(0, ...data.map((r) => String(r.label ?? '').length))
  return (
    <Card withBorder data-testid={testId} data-total={total} role="figure" aria-labelledby={titleId}>
      <Title order={4} mb={note ? 2 : 'sm'} id={titleId}>
        {title}
      </Title>
      {note ? (
        <Text size="sm" c="dimmed" mb="sm" data-testid={`${testId}-note`}>
          {note}
        </Text>
      ) : null}
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          {t('chart.empty')}
        </Text>
      ) : (
        <>
          <div aria-hidden="true">
            <BarChart
              h={horizontal ? Math.max(160, data.length * 30 + 40) : 240}
              data={[...data]}
              dataKey="label"
              series={series}
              type={series.length > 1 ? 'stacked' : 'default'}
              orientation={horizontal ? 'vertical' : 'horizontal'}
              withLegend={series.length > 1}
              legendProps={{ verticalAlign: 'bottom', height: 40 }}
              tickLine="none"
              valueFormatter={(v) => formatNumber(v)}
              xAxisProps={horizontal ? countAxis : { interval: 0 }}
              yAxisProps={horizontal ? { width: Math.min(220, Math.max(80, longest * 7.5)), interval: 0 } : countAxis}
              barChartProps={{ accessibilityLayer: false }}
              maxBarWidth={56}
            />
          </div>
          <VisuallyHidden>
            <Table data-testid={`${testId}-table`}>
              <caption>{title}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('chart.item')}</Table.Th>
                  {series.map((s) => (
                    <Table.Th scope="col" key={s.name}>{s.label}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.map((r) => (
                  <Table.Tr key={String(r.label)}>
                    <Table.Th scope="row">{String(r.label)}</Table.Th>
                    {series.map((s) => (
                      <Table.Td key={s.name}>{formatNumber(Number(r[s.name] ?? 0))}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}
    </Card>
  )
}
