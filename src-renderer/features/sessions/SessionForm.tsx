import { Alert, Button, Group, Select, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { VnDateInput } from '../../ui/VnDateInput'

/** New session of a round: date, start time, place and the council version that sits (its members are seated). */
export function SessionForm({ roundId, onCreated }: { roundId: number; onCreated: (s: Session) => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const councils = useQuery('councils.list', {})
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    initialValues: { date: '', startTime: '08:00', place: '', councilId: '' },
    validate: {
      date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? null : t('session.dateFormat')),
      startTime: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t('session.timeFormat')),
      place: (v) => (v.trim() ? null : t('session.placeRequired')),
      councilId: (v) => (v ? null : t('session.councilRequired'))
    }
  })
  const submit = form.onSubmit(async (v) => {
    const council = await api.call('councils.get', { id: Number(v.councilId) })
    if (!council.ok) return setError(council.error.message)
    const version = council.value.council.currentVersion
    if (!version) return setError(t('session.councilNotActive'))
    const r = await api.call('sessions.create', { roundId, date: v.date, startTime: v.startTime, place: v.place, councilVersionId: version.id })
    if (!r.ok) return setError(r.error.message)
    onCreated(r.value)
  })
  const options = (councils.data ?? []).filter((c) => c.versionNo !== null).map((c) => ({ value: String(c.id), label: `${c.name} (${c.decisionNo}, v${c.versionNo})` }))
  return (
    <form onSubmit={submit} data-testid="session-form">
      <Group align="flex-end" gap="sm" mt="xs">
        <VnDateInput label={t('session.date')} w={150} {...form.getInputProps('date')} />
        <TextInput label={t('session.time')} w={90} {...form.getInputProps('startTime')} />
        <TextInput label={t('session.place')} w={240} {...form.getInputProps('place')} />
        <Select label={t('session.council')} data={options} w={320} {...form.getInputProps('councilId')} />
        <Button type="submit" data-testid="create-session">{t('session.create')}</Button>
      </Group>
      {error ? <Alert color="red" mt="xs" role="alert">{error}</Alert> : null}
    </form>
  )
}
