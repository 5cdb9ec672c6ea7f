import { Alert, Loader, SegmentedControl, Stack, Table, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { QuorumBadge } from './QuorumBadge'

type Status = 'present' | 'absent' | 'left'

/** Roll-call: present / absent / left at a time, with the quorum recomputed by the server on each change. */
export function AttendanceTab({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const q = useQuery('attendance.get', { sessionId })
  const [data, setData] = useState(q.data)
  const [leftAt, setLeftAt] = useState<Record<number, string>>({})
  const [error, setError] = useState<string | null>(null)
  const view = data ?? q.data
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!view) return <Loader />

  const set = async (memberId: number, status: Status) => {
    const time = status === 'left' ? (leftAt[memberId] ?? new Date().toTimeString().slice(0, 5)) : null
    const r = await api.call('attendance.set', { sessionId, memberId, status, leftAt: time })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    setData(r.value)
  }
  return (
    <Stack gap="sm" data-testid="attendance">
      <QuorumBadge quorum={view.quorum} />
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {view.members.map((m) => (
            <Table.Tr key={m.memberId} data-member-id={m.memberId} data-attendance={m.status ?? 'unknown'}>
              <Table.Td fw={600}>{m.fullName}</Table.Td>
              <Table.Td>{t(`role.${m.role}`)}</Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  value={m.status ?? ''}
                  onChange={(v) => void set(m.memberId, v as Status)}
                  data={[
                    { value: 'present', label: t('attendance.present') },
                    { value: 'absent', label: t('attendance.absent') },
                    { value: 'left', label: t('attendance.left') }
                  ]}
                  aria-label={t('attendance.of', { name: m.fullName })}
                />
              </Table.Td>
              <Table.Td w={120}>
                <TextInput
                  size="xs"
                  placeholder="HH:MM"
                  aria-label={t('attendance.leftAt', { name: m.fullName })}
                  value={leftAt[m.memberId] ?? m.leftAt ?? ''}
                  onChange={(e) => {
                    const value = e.currentTarget.value
                    setLeftAt((l) => ({ ...l, [m.memberId]: value }))
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
