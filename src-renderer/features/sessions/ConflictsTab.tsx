import { ActionIcon, Alert, Loader, NativeSelect, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconPencil } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONFLICT_KINDS, type ConflictKind, type Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { ConflictForm } from './ConflictForm'

interface Editing {
  memberId: number
  productId: number
  kind: ConflictKind | ''
  text: string
}

/**
 * Declarations member × product, as the members made them or as the office records them for a member. "No conflict"
 * is recorded from the grid at once; a conflict opens the form under the grid for its reason.
 */
export function ConflictsTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const list = useQuery('conflicts.list', { sessionId: session.id })
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState<Editing | null>(null)
  if (list.error) return <Alert color="red">{list.error.message}</Alert>
  if (!list.data) return <Loader />
  const scorers = session.members.filter((m) => m.scores)
  const find = (memberId: number, productId: number) => list.data!.find((c) => c.memberId === memberId && c.productId === productId)
  const nameOf = (memberId: number) => session.members.find((m) => m.id === memberId)?.fullName ?? ''
  const productOf = (productId: number) => session.agenda.find((a) => a.productId === productId)?.name ?? ''

  const save = async (memberId: number, productId: number, kind: ConflictKind, text: string) => {
    const r = await api.call('conflicts.declare', { sessionId: session.id, memberId, productId, kind, text })
    if (r.ok) list.reload()
    return r
  }

  const choose = async (memberId: number, productId: number, kind: ConflictKind) => {
    if (kind !== 'none') return setEditing({ memberId, productId, kind, text: find(memberId, productId)?.text ?? '' })
    setEditing(null)
    const r = await save(memberId, productId, 'none', '')
    setError(r.ok ? null : r.error.message)
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
                const isEditing = editing?.memberId === m.id && editing.productId === a.productId
                return (
                  <Table.Td key={a.productId} data-conflict={`${m.id}:${a.productId}`} data-kind={c?.kind ?? ''} data-editing={isEditing || undefined}
                    bg={isEditing ? 'blue.0' : c && c.kind !== 'none' ? 'orange.0' : undefined}>
                    <NativeSelect
                      size="xs"
                      aria-label={t('conflicts.cell', { member: m.fullName, product: a.name })}
                      value={isEditing ? editing.kind : (c?.kind ?? '')}
                      onChange={(e) => void choose(m.id, a.productId, e.currentTarget.value as ConflictKind)}
                      data={[{ value: '', label: t('conflicts.notDeclared'), disabled: true }, ...CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflicts.kind.${k}`) }))]}
                      rightSectionPointerEvents="none"
                    />
                    {c && c.kind !== 'none' ? (
                      <Text size="xs" c="dimmed" component="div" style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
                        <span style={{ flex: 1 }}>{c.text}</span>
                        <Tooltip label={t('conflicts.edit')}>
                          <ActionIcon size="sm" variant="subtle" aria-label={t('conflicts.editCell', { member: m.fullName, product: a.name })}
                            onClick={() => setEditing({ memberId: m.id, productId: a.productId, kind: c.kind, text: c.text })}>
                            <IconPencil size={14} />
                          </ActionIcon>
                        </Tooltip>
                      </Text>
                    ) : null}
                  </Table.Td>
                )
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? (
        <ConflictForm
          key={`${editing.memberId}:${editing.productId}`}
          memberName={nameOf(editing.memberId)}
          productName={productOf(editing.productId)}
          initial={{ kind: editing.kind, text: editing.text }}
          onSave={(kind, text) => save(editing.memberId, editing.productId, kind, text)}
          onDone={() => setEditing(null)}
        />
      ) : null}
    </Stack>
  )
}
