import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'

export type StepState = 'done' | 'partial' | 'todo' | 'waiting'
export interface NextStep {
  key: 'minutes' | 'sign' | 'certificates' | 'exports'
  state: StepState
  /** What the data says now, in the UI language. */
  detail: string
  /** The exact screen (hash address) where the step is done. */
  href: string
}

const STATE_COLOR: Record<StepState, string> = { done: 'green', partial: 'yellow', todo: 'blue', waiting: 'gray' }

/**
 * "Tiếp theo" after finalization: print the minutes → approve and sign → issue certificates (the decision number
 * prefilled from the register) → exports. Each step reads its state from the records and links to its screen.
 */
export function NextStepsPanel({ sessionId }: { sessionId: number }) {
  const { t } = useTranslation('sessions')
  const issues = useQuery('documents.issues', { sessionId })
  const approvals = useQuery('signing.approvals', { sessionId })
  const signed = useQuery('signing.list', {})
  const certificates = useQuery('certificates.list', { filter: 'all' })
  if (!issues.data || !approvals.data || !signed.data || !certificates.data) return null

  const minutes = issues.data.find((d) => d.kind === 'minutes')
  const decision = issues.data.find((d) => d.kind === 'decision' && d.productId === null)
  const approvalIds = new Set(approvals.data.map((a) => a.id))
  const signedCount = signed.data.filter((d) => approvalIds.has(d.approvalId)).length
  const certCount = certificates.data.filter((c) => c.sessionId === sessionId).length
  const steps: NextStep[] = [
    {
      key: 'minutes',
      state: minutes ? 'done' : 'todo',
      detail: minutes ? t('next.minutesIssued', { number: minutes.number }) : t('next.minutesNot'),
      href: `#/rounds/${sessionId}/documents`
    },
    {
      key: 'sign',
      state: signedCount > 0 ? 'done' : approvals.data.length > 0 ? 'partial' : 'todo',
      detail: signedCount > 0 ? t('next.signed', { count: signedCount }) : approvals.data.length > 0 ? t('next.approvedNotSigned') : t('next.notApproved'),
      href: '#/reports/signing'
    },
    {
      key: 'certificates',
      state: certCount > 0 ? 'done' : decision ? 'todo' : 'waiting',
      detail: certCount > 0 ? t('next.certificatesIssued', { count: certCount, number: decision?.number ?? '' }) : decision ? t('next.decisionIssued', { number: decision.number }) : t('next.decisionNot'),
      href: decision ? `#/reports/certificates/${sessionId}` : `#/rounds/${sessionId}/documents`
    },
    {
      key: 'exports',
      state: certCount > 0 ? 'todo' : 'waiting',
      detail: certCount > 0 ? t('next.exportsReady') : t('next.exportsWaiting'),
      href: '#/reports/exports'
    }
  ]
  return (
    <Paper withBorder p="sm" data-testid="next-steps" aria-labelledby="next-steps-title">
      <Title order={3} size="h5" id="next-steps-title" mb="xs">{t('next.title')}</Title>
      <Stack gap="xs" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((s, i) => (
          <Group key={s.key} component="li" justify="space-between" wrap="nowrap" gap="sm" data-step={s.key} data-state={s.state}>
            <Group gap="sm" wrap="nowrap">
              <Badge color={STATE_COLOR[s.state]} variant="light" tt="none" w={120} styles={{ label: { overflow: 'visible' } }}>{t(`next.state.${s.state}`)}</Badge>
              <div>
                <Text fw={600} size="sm">{i + 1}. {t(`next.step.${s.key}`)}</Text>
                <Text size="sm" c="dimmed" data-testid={`next-detail-${s.key}`}>{s.detail}</Text>
              </div>
            </Group>
            <Button component="a" href={s.href} size="xs" variant={s.state === 'todo' || s.state === 'partial' ? 'filled' : 'light'} rightSection={<IconArrowRight size={14} />} data-testid={`next-go-${s.key}`}>
              {t(`next.go.${s.key}`)}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
