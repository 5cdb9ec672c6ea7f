import { Alert, Button, Group, Loader, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionMember } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { PreviousEvaluation } from '../advice/PreviousEvaluation'
import { AgreementTable } from './AgreementTable'

/** One product under review: the engine's reasons and warnings, which criteria drive the spread, agreement, re-score. */
export function ProductReviewPanel({ sessionId, productId, members, onChanged }: { sessionId: number; productId: number; members: SessionMember[]; onChanged: () => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const q = useQuery('review.product', { sessionId, productId })
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const setDef = useQuery('criteria.get', { setId: q.data?.row.setId ?? '' }, { skip: !q.data })
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return <Loader />
  const { row, criteria, rescores } = q.data

  const done = (r: { ok: boolean; error?: { message: string } }) => {
    setError(r.ok ? null : (r.error?.message ?? null))
    if (r.ok) {
      q.reload()
      onChanged()
    }
  }
  const rescore = async () => {
    if (!reason.trim()) return setError(t('review.rescoreReason'))
    done(await api.call('review.openRescore', { sessionId, productId, reason }))
  }
  const saveAgreed = async (code: string, optionId: string, why: string) => {
    if (!optionId || !why.trim()) return setError(t('review.agreeIncomplete', { code }))
    done(await api.call('review.agree', { sessionId, productId, criterionCode: code, optionId, reason: why }))
  }
  return (
    <Paper withBorder p="sm" data-testid="product-review" data-product-id={productId}>
      <Stack gap="sm">
        <Title order={3} size="h4">{row.name}</Title>
        <PreviousEvaluation sessionId={sessionId} productId={productId} />
        {row.outcome ? <Text size="sm" fw={600} data-testid="outcome">{t(`outcome.${row.outcome}`, { defaultValue: row.outcome })}</Text> : null}
        {row.reasons.map((r) => <Alert key={r.message} color="orange" variant="light" p="xs" data-reason={r.kind}>{r.message}</Alert>)}
        {row.warnings.map((w) => <Alert key={w.message} color="yellow" variant="light" p="xs" data-warning={w.kind}>{w.message}</Alert>)}
        {rescores.map((r) => (
          <Text key={r.scoringRound} size="sm" data-rescore={r.scoringRound}>{t('review.rescoreLine', { n: r.scoringRound, reason: r.reason, at: r.openedAt.slice(0, 16).replace('T', ' ') })}</Text>
        ))}
        {row.ready && !row.finalized && !row.openRescore ? (
          <Group align="flex-end">
            <TextInput label={t('review.rescoreReasonLabel')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={420} />
            <Button color={row.needsRescore ? 'red' : 'gray'} onClick={() => void rescore()} data-testid="open-rescore">{t('review.openRescore')}</Button>
          </Group>
        ) : null}
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
        <Text fw={600} size="sm">{t('review.disagreement')}</Text>
        <AgreementTable
          criteria={criteria}
          set={setDef.data?.set}
          members={members}
          blocking={new Set(row.reasons.map((r) => r.criterionCode).filter((c): c is string => c !== null))}
          editable={row.ready && !row.finalized}
          onAgree={(code, optionId, why) => void saveAgreed(code, optionId, why)}
        />
      </Stack>
    </Paper>
  )
}
