import { Alert, Button, Group, Loader, SegmentedControl, Stack, Table, TextInput } from '@mantine/core'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { QuorumBadge } from './QuorumBadge'

type Status = 'present' | 'absent' | 'left'

/** One colour per state, readable on a projector: green present, red absent, orange left. */
const STATE_COLOR: Record<Status, string> = { present: 'green.7', absent: 'red.7', left: 'orange.7' }

/**
 * Roll-call: present / absent / left at a time, with the quorum recomputed by the server on each change.
 * "Tất cả có mặt" marks everyone not yet called; the controls stay disabled while the session is a draft.
 * An absent member gets a row below for the reason and the proxy or written opinion, saved when the field is left:
 * the minutes print them from here (the minutes' text panel may only add to a reason).
 */
export function AttendanceTab({ sessionId, status }: { sessionId: number; status?: string }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const q = useQuery('attendance.get', { sessionId })
  const [data, setData] = useState(q.data)
  const [leftAt, setLeftAt] = useState<Record<number, string>>({})
  const [notes, setNotes] = useState<Record<number, { absenceReason?: string; proxyNote?: string }>>({})
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const view = data ?? q.data
  const closed = status === 'draft' || status === 'finalized'
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!view) return <Loader />

  const set = async (memberId: number, status: Status) => {
    const time = status === 'left' ? (leftAt[memberId] ?? new Date().toTimeString().slice(0, 5)) : null
    const member = view.members.find((m) => m.memberId === memberId)
    const typed = notes[memberId] ?? {}
    const absence = status === 'absent' ? { absenceReason: typed.absenceReason ?? member?.absenceReason ?? '', proxyNote: typed.proxyNote ?? member?.proxyNote ?? '' } : {}
    const r = await api.call('attendance.set', { sessionId, memberId, status, leftAt: time, ...absence })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    setData(r.value)
    // Forget only what was saved: a field typed in meanwhile (the reason saved on leaving it, the proxy note being
    // typed) keeps its text and is saved when it is left in turn.
    setNotes((n) => {
      const cur = n[memberId]
      if (!cur) return n
      const left = { ...cur }
      for (const f of ['absenceReason', 'proxyNote'] as const) if (left[f] === undefined || status !== 'absent' || left[f] === (absence as Record<string, string>)[f]) delete left[f]
      return { ...n, [memberId]: left }
    })
  }
  /** A left time typed after the member was marked as left is saved when the field is left. */
  const saveLeftAt = (memberId: number, current: string | null) => {
    const typed = leftAt[memberId]
    if (typed !== undefined && typed !== current && /^[0-2]\d:[0-5]\d$/.test(typed)) void set(memberId, 'left')
  }
  const allPresent = async () => {
    setBusy(true)
    for (const m of view.members.filter((x) => x.status === null)) {
      const r = await api.call('attendance.set', { sessionId, memberId: m.memberId, status: 'present', leftAt: null })
      if (!r.ok) {
        setBusy(false)
        return setError(r.error.message)
      }
      setData(r.value)
    }
    setBusy(false)
    setError(null)
  }
  return (
    <Stack gap="sm" data-testid="attendance">
      <Group justify="space-between">
        <QuorumBadge quorum={view.quorum} />
        <Button size="md" color="green" onClick={() => void allPresent()} loading={busy} disabled={closed || view.members.every((m) => m.status !== null)} data-testid="all-present">
          {t('attendance.allPresent')}
        </Button>
      </Group>
      {status === 'draft' ? <Alert color="blue" variant="light" data-testid="attendance-draft">{t('attendance.notOpen')}</Alert> : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Table withTableBorder striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('attendance.member')}</Table.Th>
            <Table.Th>{t('attendance.role')}</Table.Th>
            <Table.Th>{t('attendance.state')}</Table.Th>
            <Table.Th>{t('attendance.leftAtHeader')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {view.members.map((m) => (
            <Fragment key={m.memberId}>
              <Table.Tr data-member-id={m.memberId} data-attendance={m.status ?? 'unknown'}>
                <Table.Td fw={600}>{m.fullName}</Table.Td>
                <Table.Td>{t(`role.${m.role}`)}</Table.Td>
                <Table.Td>
                  <SegmentedControl
                    size="md"
                    disabled={closed}
                    color={m.status ? STATE_COLOR[m.status] : 'gray'}
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
                <Table.Td w={140}>
                  <TextInput
                    size="md"
                    disabled={closed}
                    placeholder="HH:MM"
                    aria-label={t('attendance.leftAt', { name: m.fullName })}
                    value={leftAt[m.memberId] ?? m.leftAt ?? ''}
                    onChange={(e) => {
                      const value = e.currentTarget.value
                      setLeftAt((l) => ({ ...l, [m.memberId]: value }))
                    }}
                    onBlur={() => (m.status === 'left' ? saveLeftAt(m.memberId, m.leftAt) : undefined)}
                  />
                </Table.Td>
              </Table.Tr>
              {m.status === 'absent' ? (
                <Table.Tr data-absence-of={m.memberId}>
                  <Table.Td colSpan={4}>
                    <Group grow align="flex-start">
                      {(['absenceReason', 'proxyNote'] as const).map((field) => (
                        <TextInput
                          key={field}
                          size="md"
                          disabled={closed}
                          label={t(`attendance.${field}`, { name: m.fullName })}
                          placeholder={t(`attendance.${field}Placeholder`)}
                          maxLength={field === 'absenceReason' ? 200 : 300}
                          value={notes[m.memberId]?.[field] ?? m[field]}
                          onChange={(e) => {
                            const value = e.currentTarget.value
                            setNotes((n) => ({ ...n, [m.memberId]: { ...n[m.memberId], [field]: value } }))
                          }}
                          onBlur={() => (notes[m.memberId]?.[field] !== undefined && notes[m.memberId]?.[field] !== m[field] ? void set(m.memberId, 'absent') : undefined)}
                          data-testid={`${field}-${m.memberId}`}
                        />
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
