import { Alert, Badge, Button, Group, Loader, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionMember } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { PreviousEvaluation } from '../advice/PreviousEvaluation'

/** One product under review: the engine's reasons and warnings, which criteria drive the spread, agreement, re-score. */
export function ProductReviewPanel({ sessionId, productId, members, onChanged }: { sessionId: number; productId: number; members: SessionMember[]; onChanged: () => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const q = useQuery('review.product', { sessionId, productId })
  const [reason, setReason] = useState('')
  const [agree, setAgree] = useState<Record<string, { optionId: string; reason: string }>>({})
  const [error, setError] = useState<string | null>(null)
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
  const saveAgreed = async (code: string) => {
    const a = agree[code]
    if (!a?.optionId || !a.reason.trim()) return setError(t('review.agreeIncomplete', { code }))
    done(await api.call('review.agree', { sessionId, productId, criterionCode: code, optionId: a.optionId, reason: a.reason }))
  }
  const name = (id: number) => members.find((m) => m.id === id)?.fullName ?? String(id)
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
        <Table withTableBorder fz="xs" data-testid="disagreement">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.criterion')}</Table.Th>
              <Table.Th ta="center">{t('review.pointsSpread')}</Table.Th>
              <Table.Th>{t('review.answers')}</Table.Th>
              <Table.Th>{t('review.agreed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {criteria.filter((c) => c.distinctOptions > 1 || c.agreed).map((c) => (
              <Table.Tr key={c.criterionCode} data-criterion={c.criterionCode} data-points-spread={c.pointsSpread}>
                <Table.Td>{c.criterionCode}. {c.criterionText}</Table.Td>
                <Table.Td ta="center" fw={700}>{c.pointsSpread}/{c.maxPoints}</Table.Td>
                <Table.Td>{c.answers.map((a) => `${name(a.memberId)}: ${a.optionId ?? '–'} (${a.points})`).join('; ')}</Table.Td>
                <Table.Td>
                  {c.agreed ? (
                    <Badge color="green" variant="light" title={c.agreed.reason}>{c.agreed.optionId}</Badge>
                  ) : row.ready && !row.finalized ? (
                    <Group gap={4} wrap="nowrap">
                      <NativeSelect size="xs" aria-label={t('review.agreedOption', { code: c.criterionCode })}
                        data={['', ...new Set(c.answers.map((a) => a.optionId ?? '').filter(Boolean))]}
                        onChange={(e) => { const optionId = e.currentTarget.value; setAgree((s) => ({ ...s, [c.criterionCode]: { reason: s[c.criterionCode]?.reason ?? '', optionId } })) }} />
                      <TextInput size="xs" placeholder={t('review.reason')} aria-label={t('review.agreedReason', { code: c.criterionCode })}
                        onChange={(e) => { const reason = e.currentTarget.value; setAgree((s) => ({ ...s, [c.criterionCode]: { optionId: s[c.criterionCode]?.optionId ?? '', reason } })) }} />
                      <Button size="compact-xs" onClick={() => void saveAgreed(c.criterionCode)}>{t('review.agree')}</Button>
                    </Group>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  )
}
