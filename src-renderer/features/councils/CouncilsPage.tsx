import { Alert, Badge, Button, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { useRecordView } from '../../routing/hooks'
import { CouncilEditor } from './CouncilEditor'
import { formatDay } from '../../../src-main/shared/vn-format'

const fmt = (d: string | null) => formatDay(d, '…')

/** Hội đồng: the province's councils, each opened in the editor. */
export function CouncilsPage() {
  const { t } = useTranslation('councils')
  const [view, setView] = useRecordView()
  const open: number | 'new' | null = view.kind === 'new' ? 'new' : view.kind === 'list' ? null : view.id
  const setOpen = (o: number | 'new' | null) => setView(o === null ? { kind: 'list' } : o === 'new' ? { kind: 'new' } : { kind: 'detail', id: o })
  const [notice, setNotice] = useState<string | null>(null)
  const list = useQuery('councils.list', {})
  const detail = useQuery('councils.get', { id: typeof open === 'number' ? open : 1 }, { skip: typeof open !== 'number' })

  if (open === 'new')
    return <CouncilEditor council={null} versions={[]} onBack={() => { setOpen(null); list.reload() }} onSaved={(c, n) => { setNotice(n); setOpen(c.id); list.reload() }} />
  if (typeof open === 'number') {
    if (detail.error) return <Alert color="red">{detail.error.message}</Alert>
    if (!detail.data || detail.data.council.id !== open) return <Loader />
    return (
      <CouncilEditor
        key={`${open}-${detail.data.council.updatedAt}`}
        council={detail.data.council}
        versions={detail.data.versions}
        notice={notice}
        onBack={() => { setOpen(null); setNotice(null); list.reload() }}
        onSaved={(_c, n) => { setNotice(n); detail.reload() }}
      />
    )
  }
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('title')}</Title>
        <Button onClick={() => { setNotice(null); setOpen('new') }}>{t('list.new')}</Button>
      </Group>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      {!list.data ? (
        <Loader />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('list.empty')}</Text>
      ) : (
        <Table withTableBorder striped highlightOnHover data-testid="council-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.name')}</Table.Th>
              <Table.Th>{t('list.decision')}</Table.Th>
              <Table.Th>{t('list.period')}</Table.Th>
              <Table.Th>{t('list.members')}</Table.Th>
              <Table.Th>{t('list.status')}</Table.Th>
              <Table.Th>{t('list.version')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id} data-council-id={c.id} data-status={c.status}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.decisionNo} ({fmt(c.decisionDate)})</Table.Td>
                <Table.Td>{fmt(c.periodFrom)} – {fmt(c.periodTo)}</Table.Td>
                <Table.Td>{c.memberCount}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}><Badge tt="none" variant="light" color={c.status === 'active' ? 'green' : 'gray'}>{t(`status.${c.status}`)}</Badge></Table.Td>
                <Table.Td>{c.versionNo ?? '—'}</Table.Td>
                <Table.Td><Button size="xs" variant="light" onClick={() => { setNotice(null); setOpen(c.id) }}>{t('list.open')}</Button></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  )
}
