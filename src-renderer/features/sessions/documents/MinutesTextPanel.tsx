import { Alert, Button, Group, Loader, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../../api/context'

/**
 * What only the minutes say, written by the secretary before the minutes are issued: the real end time of the
 * meeting, what to add to the reason each absent member gave at roll-call (the roll-call is the source: its reason is
 * always printed, this text only extends it), and the conclusion (a default generated from the
 * results is shown and can be taken over and edited). Issued minutes are read-only.
 */
export function MinutesTextPanel({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('session-documents')
  const api = useApi()
  const q = useQuery('documents.minutesText', { sessionId })
  const [endTime, setEndTime] = useState('')
  const [conclusion, setConclusion] = useState('')
  const [absences, setAbsences] = useState<Record<string, string>>({})
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!q.data) return
    setEndTime(q.data.endTime ?? '')
    setConclusion(q.data.conclusion)
    setAbsences(q.data.absences)
  }, [q.data])
  if (!q.data) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader size="sm" />
  const locked = q.data.locked
  const save = async () => {
    setBusy(true)
    const r = await api.call('documents.saveMinutesText', { sessionId, endTime: endTime || null, conclusion, absences })
    setBusy(false)
    setMsg(r.ok ? { ok: true, text: t('minutesText.saved') } : { ok: false, text: r.error.message })
    if (r.ok) q.reload()
  }
  return (
    <Stack gap="xs" data-testid="minutes-text">
      {locked ? <Text size="sm" c="dimmed">{t('minutesText.locked')}</Text> : null}
      <Group align="flex-end">
        {/* Typed as HH:MM like the other times: a native time field shows "11:30 AM" on an English system. */}
        <TextInput label={t('minutesText.endTime')} description={t('minutesText.endTimeHint')} w={220} placeholder="HH:MM" maxLength={5} inputMode="numeric" value={endTime} disabled={locked}
          onChange={(e) => setEndTime(e.currentTarget.value.trim())} data-testid="minutes-end-time" />
      </Group>
      {q.data.absent.map((m) => (
        <TextInput key={m.id} label={t('minutesText.absence', { name: m.name })}
          description={m.rollCallReason || m.proxyNote ? t('minutesText.rollCall', { reason: m.rollCallReason || '—', proxy: m.proxyNote || '—' }) : t('minutesText.rollCallNone')}
          value={absences[String(m.id)] ?? ''} disabled={locked} maxLength={200}
          onChange={(e) => setAbsences({ ...absences, [String(m.id)]: e.currentTarget.value })} data-testid={`absence-${m.id}`} />
      ))}
      <Textarea label={t('minutesText.conclusion')} description={t('minutesText.conclusionHint')} autosize minRows={3} maxRows={10} value={conclusion} disabled={locked}
        placeholder={q.data.defaultConclusion} onChange={(e) => setConclusion(e.currentTarget.value)} data-testid="minutes-conclusion" />
      {!locked ? (
        <Group>
          <Button variant="default" onClick={() => setConclusion(q.data!.defaultConclusion)} data-testid="minutes-use-default">{t('minutesText.useDefault')}</Button>
          <Button loading={busy} onClick={() => void save()} data-testid="minutes-save">{t('minutesText.save')}</Button>
        </Group>
      ) : null}
      {msg ? <Alert color={msg.ok ? 'green' : 'red'} data-testid="minutes-text-message">{msg.text}</Alert> : null}
    </Stack>
  )
}
