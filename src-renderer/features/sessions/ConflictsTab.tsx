import { Alert, Loader, NativeSelect, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONFLICT_KINDS, type ConflictKind, type Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'

/** Declarations member × product, as the members made them or as the office records them for a member. */
export function ConflictsTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const list = useQuery('conflicts.list', { sessionId: session.id })
  const [error, setError] = useState<string | null>(null)
  if (list.error) return <Alert color="red">{list.error.message}</Alert>
  if (!list.data) return <Loader />
  const scorers = session.members.filter((m) => m.scores)
  const find = (memberId: number, productId: number) => list.data!.find((c) => c.memberId === memberId && c.productId === productId)

  const declare = async (memberId: number, productId: number, kind: ConflictKind) => {
    let text = ''
    if (kind !== 'none') {
      text = window.prompt(t('conflicts.reasonPrompt')) ?? ''
      if (kind === 'other' && !text.trim()) return setError(t('conflicts.reasonRequired'))
    }
    const r = await api.call('conflicts.declare', { sessionId: session.id, memberId, productId, kind, text })
    setError(r.ok ? null : r.error.message)
    list.reload()
  }
  return (
    <Stack gap="sm" data-testid="conflicts">
      <Text size="sm" c="dimmed">{t('conflicts.help')}</Text>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('conflicts.member')}</Table.Th>
            {session.agenda.map((a) => <Table.Th key={a.productId}>{a.name}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {scorers.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td fw={600}>{m.fullName}</Table.Td>
              {session.agenda.map((a) => {
                const c = find(m.id, a.productId)
                return (
                  <Table.Td key={a.productId} data-conflict={`${m.id}:${a.productId}`} data-kind={c?.kind ?? ''} bg={c && c.kind !== 'none' ? 'orange.0' : undefined}>
                    <NativeSelect
                      size="xs"
                      aria-label={t('conflicts.cell', { member: m.fullName, product: a.name })}
                      value={c?.kind ?? ''}
                      onChange={(e) => void declare(m.id, a.productId, e.currentTarget.value as ConflictKind)}
                      data={[{ value: '', label: t('conflicts.notDeclared'), disabled: true }, ...CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflicts.kind.${k}`) }))]}
                    />
                    {c && c.text ? <Text size="xs" c="dimmed">{c.text}</Text> : null}
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
