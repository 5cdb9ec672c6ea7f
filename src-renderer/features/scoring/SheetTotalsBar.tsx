import { Badge, Group, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CriteriaSet } from '../../../src-main/shared/criteria'
import type { LiveTotals } from './liveTotals'

/** Running points per part and in total, kept in view while the member scrolls the sheet. */
export function SheetTotalsBar({ set, totals, answered, count }: { set: CriteriaSet; totals: LiveTotals; answered: number; count: number }) {
  const { t } = useTranslation('scoring')
  return (
    <Paper withBorder p="xs" shadow="xs" data-testid="sheet-totals" style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 5 }}>
      <Group gap="md" justify="space-between">
        <Group gap="md">
          {set.parts.map((p) => (
            <Text key={p.code} size="sm" data-part-total={p.code}>
              {t('totals.part', { code: p.code })}: <b>{totals.parts[p.code]}</b>/{p.maxPoints}
            </Text>
          ))}
          <Text size="sm" fw={700} data-total={totals.total}>
            {t('totals.total')}: {totals.total}/{set.maxPoints}
          </Text>
        </Group>
        <Badge variant="light" color={answered === count ? 'green' : 'gray'} data-answered={answered}>
          {t('totals.answered', { answered, count })}
        </Badge>
      </Group>
      <Text size="xs" c="dimmed" mt={2}>{t('totals.keys')}</Text>
    </Paper>
  )
}
