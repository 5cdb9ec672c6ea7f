import { Alert, Button, Group, Progress, Stack, Text } from '@mantine/core'
import { IconFiles } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PackJobStatus } from '../../../../src-main/shared/contract'
import { useApi } from '../../../api/context'

const POLL_MS = 400

/** The whole pack as a job: started once, then polled until done (the same over IPC and HTTP). */
export function PackPanel({ sessionId, onDone }: { sessionId: number; onDone: (documentId: number) => void }) {
  const { t } = useTranslation('session-documents')
  const api = useApi()
  const [job, setJob] = useState<PackJobStatus | null>(null)
  const [error, setError] = useState<string | null>(null)
  const running = job !== null && !job.done

  useEffect(() => {
    if (!running) return
    const timer = setTimeout(() => {
      void api.call('documents.jobStatus', { jobId: job.id }).then((r) => {
        if (!r.ok) return setError(r.error.message), setJob(null)
        setJob(r.value)
        if (r.value.error) setError(r.value.error)
        else if (r.value.done && r.value.documentId !== null) onDone(r.value.documentId)
      })
    }, POLL_MS)
    return () => clearTimeout(timer)
  }, [api, job, running, onDone])

  const start = async () => {
    setError(null)
    const r = await api.call('documents.startPack', { sessionId })
    if (r.ok) setJob(r.value)
    else setError(r.error.message)
  }
  const state = error ? 'error' : running ? 'running' : job?.done ? 'done' : 'idle'
  return (
    <Stack gap="xs" data-testid="pack-panel" data-state={state}>
      <Group justify="space-between">
        <Text size="sm">{t('pack.hint')}</Text>
        <Button leftSection={<IconFiles size={16} />} loading={running} onClick={() => void start()} data-testid="generate-pack">{t('pack.generate')}</Button>
      </Group>
      {job ? (
        <Stack gap={4}>
          <Progress value={Math.round(job.progress * 100)} animated={running} data-testid="pack-progress" data-progress={job.progress} aria-label={t('pack.progress')} />
          <Text size="xs" c="dimmed">{t(job.done ? 'pack.done' : 'pack.step', { percent: Math.round(job.progress * 100), label: job.label })}</Text>
        </Stack>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
    </Stack>
  )
}
