import { Alert, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LanState } from '../../../src-main/shared/api/lan'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'

/** How often the office list of connected devices is read again while the tab is open. */
const REFRESH_MS = 5000

const timeVn = (iso: string): string => new Date(iso).toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false })

/** Browser and system in a few words, from the user agent. */
export function deviceOf(ua: string): string {
  const browser = /Edg\//.test(ua) ? 'Edge' : /Chrome\//.test(ua) ? 'Chrome' : /Firefox\//.test(ua) ? 'Firefox' : /Safari\//.test(ua) ? 'Safari' : ua.slice(0, 24) || '?'
  const os = /iPad/.test(ua) ? 'iPad' : /iPhone/.test(ua) ? 'iPhone' : /Android/.test(ua) ? 'Android' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : ''
  return os ? `${browser} · ${os}` : browser
}

/**
 * LAN mode for this session: open or close the listener on one of this machine's network cards, the address
 * members open, what plain HTTP exposes, and which member is connected from which device.
 */
export function LanPanel({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const status = useQuery('lan.status', {})
  const [address, setAddress] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { reload } = status
  useEffect(() => {
    const h = setInterval(reload, REFRESH_MS)
    return () => clearInterval(h)
  }, [reload])
  const lan: LanState | undefined = status.data
  if (!lan) return null
  if (!lan.available) return <Text size="sm" c="dimmed">{t('lan.unavailable')}</Text>
  const finalized = session.status === 'finalized'
  const chosen = address ?? lan.interfaces[0]?.address ?? null
  const run = async (f: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(true)
    const r = await f()
    setBusy(false)
    setError(r.ok ? null : (r.error?.message ?? null))
    reload()
  }
  const names = new Map(session.members.map((m) => [m.id, m.fullName]))
  const forOther = lan.open && lan.sessionId !== null && lan.sessionId !== session.id
  // Listening (e.g. `--lan` at start) but not for this session: members cannot join it until the secretary opens it.
  const notForThis = lan.open && lan.sessionId !== session.id
  const served = lan.url ? new URL(lan.url).hostname : null
  return (
    <Paper withBorder p="sm" data-testid="lan-panel">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end">
          {lan.open ? (
            <Text fw={600} data-testid="lan-url">
              {t('lan.openAt')} <Text span ff="monospace" fz="lg">{lan.url}</Text>
            </Text>
          ) : (
            <Select
              label={t('lan.interface')}
              data={lan.interfaces.map((i) => ({ value: i.address, label: `${i.address} (${i.name})` }))}
              value={chosen}
              onChange={setAddress}
              allowDeselect={false}
              w={300}
              disabled={finalized || lan.interfaces.length === 0}
              data-testid="lan-interface"
            />
          )}
          {lan.open ? (
            <Group gap="xs">
              {notForThis && served ? (
                <Button size="md" loading={busy} disabled={finalized} onClick={() => void run(() => api.call('lan.open', { sessionId: session.id, address: served }))} data-testid="lan-open">{t('lan.openHere')}</Button>
              ) : null}
              <Button color="red" variant="light" loading={busy} onClick={() => void run(() => api.call('lan.close', {}))} data-testid="lan-close">{t('lan.close')}</Button>
            </Group>
          ) : (
            <Button loading={busy} disabled={finalized || !chosen} onClick={() => void run(() => api.call('lan.open', { sessionId: session.id, address: chosen! }))} data-testid="lan-open">{t('lan.open')}</Button>
          )}
        </Group>
        {lan.interfaces.length === 0 && !lan.open ? <Alert color="orange">{t('lan.noInterface')}</Alert> : null}
        {forOther ? <Alert color="orange">{t('lan.otherSession', { id: lan.sessionId })}</Alert> : null}
        {lan.open && lan.sessionId === null ? <Alert color="orange" data-testid="lan-no-session">{t('lan.noSession')}</Alert> : null}
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
        <Alert color={lan.https ? 'green' : 'yellow'} variant="light" data-testid="lan-security">{t(lan.https ? 'lan.https' : 'lan.plainHttp')}</Alert>
        <Text size="sm" c="dimmed">{t('lan.closesWhen')}</Text>
        <Table withTableBorder striped data-testid="lan-connections">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('lan.member')}</Table.Th>
              <Table.Th>{t('lan.address')}</Table.Th>
              <Table.Th>{t('lan.device')}</Table.Th>
              <Table.Th>{t('lan.lastSeen')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {!lan.connections.some((c) => names.has(c.memberId)) ? (
              <Table.Tr><Table.Td colSpan={5}><Text size="sm" c="dimmed">{t('lan.nobody')}</Text></Table.Td></Table.Tr>
            ) : (
              lan.connections.filter((c) => names.has(c.memberId)).map((c) => (
                <Table.Tr key={`${c.memberId}-${c.address}-${c.userAgent}`} data-member-id={c.memberId} data-live={c.live || undefined}>
                  <Table.Td fw={600}>{names.get(c.memberId)}</Table.Td>
                  <Table.Td ff="monospace">{c.address.replace(/^::ffff:/, '')}</Table.Td>
                  <Table.Td title={c.userAgent}>{deviceOf(c.userAgent)}</Table.Td>
                  <Table.Td>{timeVn(c.lastSeen)}</Table.Td>
                  <Table.Td>{c.live ? <Badge color="green">{t('lan.live')}</Badge> : <Badge color="gray" variant="light">{t('lan.idle')}</Badge>}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
