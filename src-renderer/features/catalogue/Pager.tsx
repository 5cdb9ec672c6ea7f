import { Group, Pagination, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function Pager({ total, page, pageSize, onPage }: { total: number; page: number; pageSize: number; onPage: (p: number) => void }) {
  const { t } = useTranslation('catalogue')
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed" data-total={total}>
        {t('common.total', { count: total })}
      </Text>
      {total > pageSize ? <Pagination total={Math.ceil(total / pageSize)} value={page} onChange={onPage} size="sm" /> : null}
    </Group>
  )
}
