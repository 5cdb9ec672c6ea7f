import { BarChart } from '@mantine/charts'
import { Card, Text, Title } from '@mantine/core'

/** One bar chart of counts; the same rows go to the XLSX export. */
export function CountChart({ title, data, series, testId }: { title: string; data: ReadonlyArray<Record<string, string | number>>; series: Array<{ name: string; label: string; color: string }>; testId: string }) {
  const total = data.reduce((s, r) => s + series.reduce((a, x) => a + Number(r[x.name] ?? 0), 0), 0)
  return (
    <Card withBorder data-testid={testId} data-total={total}>
      <Title order={4} mb="sm">
        {title}
      </Title>
      {total === 0 ? (
        <Text c="dimmed" size="sm">
          —
        </Text>
      ) : (
        <BarChart h={220} data={[...data]} dataKey="label" series={series} type={series.length > 1 ? 'stacked' : 'default'} withLegend={series.length > 1} tickLine="y" />
      )}
    </Card>
  )
}
