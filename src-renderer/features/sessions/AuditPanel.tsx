import { Alert, Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconChevronLeft, IconChevronRight, IconRefresh } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useQuery } from '../../api/context'
import { formatDateTime } from '../../../src-main/shared/vn-format'

const PAGE = 20

/** The session's audit events, newest first, a page at a time (keyset on seq, so new events never shift a page). */
export function AuditPanel({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  // Cursors of the pages already passed: the last one is where the current page starts (undefined = newest).
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined])
  const beforeSeq = cursors.at(-1)
  const list = useQuery('audit.list', { sessionId: session.id, limit: PAGE + 1, ...(beforeSeq === undefined ? {} : { beforeSeq }) })
  const { reload } = list
  // A status change or finalize made from this screen writes events: show them without asking.
  useEffect(() => reload(), [reload, session.status, session.finalizedAt])
  const rows = list.data?.slice(0, PAGE) ?? []
  const hasOlder = (list.data?.length ?? 0) > PAGE
  const actorOf = (actor: string) => {
    const m = /^member:(\d+)$/.exec(actor)
    if (!m) return t(`audit.actor.${actor}`, { defaultValue: actor })
    const seat = session.members.find((x) => x.id === Number(m[1]))
    return t('audit.actor.member', { name: seat?.fullName ?? `#${m[1]}` })
  }

  return (
    <Paper withBorder p="sm" data-testid="audit-list" data-page={cursors.length}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={3} size="h5">{t('audit.title')}</Title>
          <Button size="compact-sm" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => {
            setCursors([undefined])
            reload()
          }} data-testid="audit-newest">
            {t('audit.newest')}
          </Button>
        </Group>
        {list.error ? <Alert color="red" role="alert">{list.error.message}</Alert> : null}
        {!list.data && !list.error ? <Loader size="sm" /> : null}
        {list.data && rows.length === 0 ? <Text size="sm" c="dimmed">{t('audit.empty')}</Text> : null}
        {rows.length > 0 ? (
          <Table striped withTableBorder verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('audit.seq')}</Table.Th>
                <Table.Th w={170}>{t('audit.at')}</Table.Th>
                <Table.Th>{t('audit.actorCol')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.object')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.seq} data-seq={e.seq} data-kind={e.kind}>
                  <Table.Td>{e.seq}</Table.Td>
                  <Table.Td>{formatDateTime(e.at, { withSeconds: true })}</Table.Td>
                  <Table.Td>{actorOf(e.actor)}</Table.Td>
                  <Table.Td>{e.summary}</Table.Td>
                  <Table.Td>{e.object || '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : null}
        <Group justify="space-between">
          <Button size="compact-sm" variant="default" leftSection={<IconChevronLeft size={14} />} disabled={cursors.length === 1}
            onClick={() => setCursors((c) => c.slice(0, -1))} data-testid="audit-newer">
            {t('audit.newer')}
          </Button>
          <Text size="xs" c="dimmed">{t('audit.page', { n: cursors.length })}</Text>
          <Button size="compact-sm" variant="default" rightSection={<IconChevronRight size={14} />} disabled={!hasOlder}
            onClick={() => setCursors((c) => [...c, rows.at(-1)!.seq])} data-testid="audit-older">
            {t('audit.older')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
