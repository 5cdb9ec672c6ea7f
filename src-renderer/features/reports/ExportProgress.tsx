import { Progress, Stack, Text } from '@mantine/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatNumber } from '../../../src-main/shared/vn-format'
import { useApi } from '../../api/context'

interface Step {
  done: number
  total: number
}

/**
 * A long export (a worker writes it in the main process): which button is busy, and the rows written so far, read
 * from `exports.progress` twice a second while it runs. The rest of the screen stays usable meanwhile.
 */
export function useExportRun() {
  const api = useApi()
  const [busy, setBusy] = useState<string | null>(null)
  const [step, setStep] = useState<Step | null>(null)
  useEffect(() => {
    if (!busy) return setStep(null)
    let alive = true
    const timer = setInterval(() => {
      void api.call('exports.progress', {}).then((r) => {
        if (alive && r.ok) setStep(r.value[0] ?? null)
      })
    }, 500)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [api, busy])
  const run = useCallback(async <T,>(key: string, work: () => Promise<T>): Promise<T> => {
    setBusy(key)
    try {
      return await work()
    } finally {
      setBusy(null)
    }
  }, [])
  return { busy, step, run }
}

export function ExportProgress({ busy, step }: { busy: string | null; step: Step | null }) {
  const { t } = useTranslation('reports')
  if (!busy) return null
  const label = step && step.total > 0 ? t('exports.progress', { done: formatNumber(step.done), total: formatNumber(step.total) }) : t('exports.starting')
  return (
    <Stack gap={4} role="status" aria-live="polite" data-testid="export-progress">
      <Text size="sm">{label}</Text>
      <Progress value={step && step.total > 0 ? (100 * step.done) / step.total : 100} animated={!step || step.total === 0} aria-label={label} />
    </Stack>
  )
}
