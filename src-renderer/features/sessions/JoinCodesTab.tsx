import { Alert, Badge, Button, Code, Group, Image, Loader, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { JoinSlip } from '../../../src-main/shared/api/lan'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64 } from '../catalogue/files'
import { LanPanel } from './LanPanel'

/**
 * Per-member join codes for browser scoring; the plain code is shown once, when issued. LAN mode on top: the
 * address members open, join slips (A4 PDF and on screen, with QR codes), and who is connected from where.
 */
export function JoinCodesTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const list = useQuery('joinCodes.list', { sessionId: session.id })
  const [issued, setIssued] = useState<Record<number, string>>({})
  const [slips, setSlips] = useState<JoinSlip[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  if (list.error) return <Alert color="red">{list.error.message}</Alert>
  if (!list.data) return <Loader />

  const issue = async (memberId: number) => {
    const r = await api.call('joinCodes.issue', { sessionId: session.id, memberId })
    if (!r.ok) return setError(r.error.message)
    setIssued((i) => ({ ...i, [memberId]: r.value.code }))
    setSlips((s) => s.filter((x) => x.memberId !== memberId))
    list.reload()
  }
  const revoke = async (id: number) => {
    const r = await api.call('joinCodes.revoke', { id })
    setError(r.ok ? null : r.error.message)
    list.reload()
  }
  const printSlips = async () => {
    setBusy(true)
    const r = await api.call('joinCodes.slips', { sessionId: session.id })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setError(null)
    setSlips(r.value.slips)
    setIssued(Object.fromEntries(r.value.slips.map((s) => [s.memberId, s.code])))
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
    list.reload()
  }
  const finalized = session.status === 'finalized'
  return (
    <Stack gap="sm" data-testid="join-codes">
      <LanPanel session={session} />
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={820}>{t('joinCodes.help')}</Text>
        <Button onClick={() => void printSlips()} loading={busy} disabled={finalized} data-testid="print-slips">{t('joinCodes.slips')}</Button>
      </Group>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {session.members.filter((m) => m.scores).map((m) => {
            const active = list.data!.find((c) => c.memberId === m.id && c.status === 'active')
            return (
              <Table.Tr key={m.id} data-member-id={m.id}>
                <Table.Td fw={600}>{m.fullName}</Table.Td>
                <Table.Td>{issued[m.id] ? <Code data-testid={`join-code-${m.id}`} fz="md">{issued[m.id]}</Code> : active ? <Badge variant="light">{t('joinCodes.active', { at: new Date(active.issuedAt).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false }) })}</Badge> : null}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void issue(m.id)} disabled={finalized} data-testid={`issue-code-${m.id}`}>{t(active ? 'joinCodes.reissue' : 'joinCodes.issue')}</Button>
                  {active ? <Button size="xs" variant="subtle" color="red" ml="xs" onClick={() => void revoke(active.id)}>{t('joinCodes.revoke')}</Button> : null}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {slips.length > 0 ? (
        <SimpleGrid cols={{ base: 1, md: 2 }} data-testid="join-slips">
          {slips.map((s) => (
            <Paper key={s.memberId} withBorder p="sm" data-slip-member={s.memberId}>
              <Group wrap="nowrap" align="flex-start">
                <Image src={s.qrDataUrl} w={140} h={140} alt={t('joinCodes.qrAlt', { name: s.memberName })} />
                <Stack gap={4}>
                  <Text fw={700}>{s.memberName}</Text>
                  <Text size="sm" ff="monospace" data-testid={`slip-url-${s.memberId}`} style={{ wordBreak: 'break-all' }}>{s.url.replace(/#.*$/, '')}</Text>
                  <Code fz="xl" data-testid={`slip-code-${s.memberId}`}>{s.code}</Code>
                </Stack>
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  )
}
