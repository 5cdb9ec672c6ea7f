import { Alert, Badge, Button, Group, Loader, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { SessionForm } from './SessionForm'
import { VnDateInput } from '../../ui/VnDateInput'
import { formatDay } from '../../../src-main/shared/vn-format'

const STATUS_COLORS: Record<string, string> = { draft: 'gray', open: 'blue', scoring: 'violet', review: 'orange', finalized: 'green' }

/** Rounds (đợt) of the year with their sessions (phiên họp); the two-rounds-a-year rule is shown as a warning. */
export function RoundsPanel({ onOpen }: { onOpen: (sessionId: number) => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const rounds = useQuery('rounds.list', {})
  const sessions = useQuery('sessions.list', {})
  const [adding, setAdding] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    initialValues: { year: String(new Date().getFullYear()), name: '', deadline: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('round.nameRequired')),
      deadline: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('round.deadlineFormat')),
      year: (v) => (/^\d{4}$/.test(v) ? null : t('round.yearFormat'))
    }
  })

  const createRound = form.onSubmit(async (v) => {
    const r = await api.call('rounds.create', { year: Number(v.year), name: v.name, deadline: v.deadline })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    form.reset()
    rounds.reload()
  })

  if (rounds.error) return <Alert color="red">{rounds.error.message}</Alert>
  if (!rounds.data) return <Loader />
  return (
    <Stack gap="md">
      <Title order={2}>{t('title')}</Title>
      {rounds.data.warnings.map((w) => (
        <Alert key={`${w.year}-${w.message}`} color="yellow" variant="light" data-testid="year-warning">{w.message}</Alert>
      ))}
      <Paper withBorder p="sm">
        <form onSubmit={createRound}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('round.year')} w={90} {...form.getInputProps('year')} />
            <TextInput label={t('round.name')} placeholder={t('round.namePlaceholder')} w={280} {...form.getInputProps('name')} />
            <VnDateInput label={t('round.deadline')} w={150} {...form.getInputProps('deadline')} />
            <Button type="submit" data-testid="create-round">{t('round.create')}</Button>
          </Group>
        </form>
        {error ? <Alert color="red" mt="xs" role="alert">{error}</Alert> : null}
      </Paper>
      {rounds.data.rounds.map((round) => (
        <Paper key={round.id} withBorder p="sm" data-round-id={round.id}>
          <Group justify="space-between">
            <Text fw={700}>{round.name} <Text span c="dimmed" size="sm">({t('round.deadlineShort', { date: round.deadline })})</Text></Text>
            <Button size="xs" variant="light" onClick={() => setAdding(adding === round.id ? null : round.id)} data-testid={`add-session-${round.id}`}>
              {t('session.add')}
            </Button>
          </Group>
          {adding === round.id ? (
            <SessionForm roundId={round.id} onCreated={(s) => { setAdding(null); sessions.reload(); onOpen(s.id) }} />
          ) : null}
          <Table mt="xs" striped highlightOnHover>
            <Table.Tbody>
              {(sessions.data ?? []).filter((s) => s.roundId === round.id).map((s) => (
                <Table.Tr key={s.id} data-session-id={s.id} style={{ cursor: 'pointer' }} onClick={() => onOpen(s.id)}>
                  <Table.Td>{formatDay(s.date)} {s.startTime}</Table.Td>
                  <Table.Td>{s.place}</Table.Td>
                  <Table.Td>{s.councilName}</Table.Td>
                  <Table.Td>{t('session.products', { count: s.productCount })}</Table.Td>
                  <Table.Td><Badge color={STATUS_COLORS[s.status]} variant="light">{t(`status.${s.status}`)}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
    </Stack>
  )
}
