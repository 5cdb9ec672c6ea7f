import { Alert, Badge, Button, Code, Loader, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'

/** Per-member join codes for browser scoring; the plain code is shown once, when issued. */
export function JoinCodesTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const list = useQuery('joinCodes.list', { sessionId: session.id })
  const [issued, setIssued] = useState<Record<number, string>>({})
  const [error, setError] = useState<string | null>(null)
  if (list.error) return <Alert color="red">{list.error.message}</Alert>
  if (!list.data) return <Loader />

  const issue = async (memberId: number) => {
    const r = await api.call('joinCodes.issue', { sessionId: session.id, memberId })
    if (!r.ok) return setError(r.error.message)
    setIssued((i) => ({ ...i, [memberId]: r.value.code }))
    list.reload()
  }
  const revoke = async (id: number) => {
    const r = await api.call('joinCodes.revoke', { id })
    setError(r.ok ? null : r.error.message)
    list.reload()
  }
  return (
    <Stack gap="sm" data-testid="join-codes">
      <Text size="sm" c="dimmed">{t('joinCodes.help')}</Text>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {session.members.filter((m) => m.scores).map((m) => {
            const active = list.data!.find((c) => c.memberId === m.id && c.status === 'active')
            return (
              <Table.Tr key={m.id} data-member-id={m.id}>
                <Table.Td fw={600}>{m.fullName}</Table.Td>
                <Table.Td>{issued[m.id] ? <Code data-testid={`join-code-${m.id}`} fz="md">{issued[m.id]}</Code> : active ? <Badge variant="light">{t('joinCodes.active', { at: active.issuedAt.slice(0, 16).replace('T', ' ') })}</Badge> : null}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" onClick={() => void issue(m.id)} data-testid={`issue-code-${m.id}`}>{t(active ? 'joinCodes.reissue' : 'joinCodes.issue')}</Button>
                  {active ? <Button size="xs" variant="subtle" color="red" ml="xs" onClick={() => void revoke(active.id)}>{t('joinCodes.revoke')}</Button> : null}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
