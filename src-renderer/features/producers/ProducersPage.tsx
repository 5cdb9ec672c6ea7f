import { Alert, Anchor, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { useQuery } from '../../api/context'
import { useRecordView } from '../../routing/hooks'
import { CommuneSelect } from '../catalogue/CommuneSelect'
import { ImportButton } from '../catalogue-import/ImportButton'
import { Pager } from '../catalogue/Pager'
import { ProducerDetail } from './ProducerDetail'
import { ProducerEdit } from './ProducerEdit'
import { ProducerForm } from './ProducerForm'

const PAGE_SIZE = 50

/** Chủ thể OCOP: paged list (search without diacritics, commune filter, Vietnamese order), form and detail. */
export function ProducersPage() {
  const { t } = useTranslation('catalogue')
  const [view, setView] = useRecordView()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 250)
  const [commune, setCommune] = useState<string | null>(null)
  const [page, setPage] = useState(1)
  const province = useQuery('settings.getProvince', {})
  const provinceCode = province.data?.provinceCode ?? null
  const list = useQuery('producers.list', { page, pageSize: PAGE_SIZE, ...(query.trim() ? { query } : {}), ...(commune ? { communeCode: commune } : {}) }, { skip: view.kind !== 'list' })

  if (view.kind === 'new')
    return <ProducerForm defaultProvince={provinceCode} onSaved={(p) => setView({ kind: 'detail', id: p.id })} onCancel={() => setView({ kind: 'list' })} />
  if (view.kind === 'edit')
    return <ProducerEdit id={view.id} defaultProvince={provinceCode} onDone={(id) => setView({ kind: 'detail', id })} />
  if (view.kind === 'detail')
    return <ProducerDetail id={view.id} onEdit={(p) => setView({ kind: 'edit', id: p.id })} onBack={() => setView({ kind: 'list' })} />

  return (
    <Stack data-testid="producers-page">
      <Group justify="space-between">
        <Title order={2}>{t('producers.title')}</Title>
        <Group>
          <ImportButton onImported={list.reload} />
          <Button onClick={() => setView({ kind: 'new' })}>{t('producers.add')}</Button>
        </Group>
      </Group>
      {province.data && !provinceCode ? <Alert color="yellow">{t('province.notSet')}</Alert> : null}
      <Group align="end">
        <TextInput
          label={t('common.search')}
          placeholder={t('common.searchHint')}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value)
            setPage(1)
          }}
          w={320}
        />
        <CommuneSelect provinceCode={provinceCode} value={commune} onChange={(c) => { setCommune(c); setPage(1) }} placeholder={t('common.allCommunes')} clearable />
      </Group>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      <Table striped highlightOnHover withTableBorder data-loading={list.loading}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('producers.name')}</Table.Th>
            <Table.Th>{t('producers.kind')}</Table.Th>
            <Table.Th>{t('producers.representative')}</Table.Th>
            <Table.Th>{t('common.commune')}</Table.Th>
            <Table.Th>{t('producers.products')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.items.map((p) => (
            <Table.Tr key={p.id} data-producer-id={p.id} style={{ cursor: 'pointer' }} onClick={() => setView({ kind: 'detail', id: p.id })}>
              <Table.Td><Anchor component={Link} href={`/${p.id}`} onClick={(e: MouseEvent) => e.stopPropagation()}>{p.name}</Anchor></Table.Td>
              <Table.Td>{t(`kinds.${p.kind}`)}</Table.Td>
              <Table.Td>{p.repName ?? <Text span size="sm" c="dimmed">{t('producers.unknown')}</Text>}</Table.Td>
              <Table.Td>{p.communeName ?? <Text span size="sm" c="dimmed">{t('producers.unknown')}</Text>}</Table.Td>
              <Table.Td>{p.productCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.data ? <Pager total={list.data.total} page={page} pageSize={PAGE_SIZE} onPage={setPage} /> : null}
    </Stack>
  )
}
