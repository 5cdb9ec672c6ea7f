import { Alert, Badge, Button, Group, Loader, Stack, Table, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Producer } from '../../../src-main/shared/contract'
import { useQuery } from '../../api/context'
import { MergeProducer } from './MergeProducer'

export function ProducerDetail({ id, onEdit, onBack }: { id: number; onEdit: (p: Producer) => void; onBack: () => void }) {
  const { t } = useTranslation('catalogue')
  const q = useQuery('producers.get', { id })
  const products = useQuery('products.list', { producerId: id, pageSize: 200 })
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return <Loader />
  const p = q.data
  const unknown = <Badge color="orange" variant="light">{t('producers.unknown')}</Badge>
  const row = (label: string, value: ReactNode) => (
    <Table.Tr>
      <Table.Th w={280}>{label}</Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  )
  return (
    <Stack maw={900} data-testid="producer-detail" data-producer-id={p.id}>
      <Group justify="space-between">
        <Title order={3}>{p.name}</Title>
        <Group>
          <Button variant="default" onClick={onBack}>{t('common.back')}</Button>
          <MergeProducer keep={p} onMerged={() => { q.reload(); products.reload() }} />
          <Button onClick={() => onEdit(p)}>{t('common.edit')}</Button>
        </Group>
      </Group>
      <Table withTableBorder>
        <Table.Tbody>
          {row(t('producers.kind'), t(`kinds.${p.kind}`))}
          {row(t('producers.regNo'), p.regNo)}
          {row(t('producers.repName'), p.repName ?? unknown)}
          {row(t('producers.repGender'), p.repGender === null ? unknown : t(`genders.${p.repGender}`))}
          {row(t('producers.repEthnicity'), p.repEthnicity ?? unknown)}
          {row(t('producers.repDisability'), p.repDisability === null ? unknown : p.repDisability ? t('producers.yes') : t('producers.no'))}
          {row(
            t('producers.qualifies32'),
            <Badge color={p.qualifies32 ? 'green' : p.qualifies32 === null ? 'orange' : 'gray'} data-qualifies32={String(p.qualifies32)}>
              {p.qualifies32 === null ? t('producers.qualifies32Unknown') : p.qualifies32 ? t('producers.yes') : t('producers.no')}
            </Badge>
          )}
          {row(t('producers.address'), [p.street, p.communeName ?? `(${t('producers.unknownCommuneShort')})`, p.provinceName].filter(Boolean).join(', '))}
          {p.oldAddress ? row(t('producers.oldAddress'), p.oldAddress) : null}
          {row(t('producers.phone'), p.phone)}
          {row(t('producers.email'), p.email)}
          {row(t('producers.products'), p.productCount)}
        </Table.Tbody>
      </Table>
      {products.data?.items.length ? (
        <Table withTableBorder data-testid="producer-products">
          <Table.Thead>
            <Table.Tr><Table.Th>{t('products.code')}</Table.Th><Table.Th>{t('products.name')}</Table.Th><Table.Th>{t('products.status')}</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {products.data.items.map((x) => (
              <Table.Tr key={x.id}><Table.Td>{x.code}</Table.Td><Table.Td>{x.name}</Table.Td><Table.Td>{t(`statuses.${x.status}`)}{x.stars ? ` ${x.stars}★` : ''}</Table.Td></Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  )
}
