import { Alert, Badge, Button, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'
import { formatDateTime } from '../../../src-main/shared/vn-format'
import { AdvicePanel } from '../advice/AdvicePanel'
import { AuditPanel } from './AuditPanel'
import { NextStepsPanel } from './NextStepsPanel'

/** Finalize (only with quorum, every sheet in, nothing open), the stored results with amendments, and the audit chain. */
export function FinalizeTab({ session, onFinalized }: { session: Session; onFinalized: () => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const progress = useQuery('sessions.progress', { sessionId: session.id })
  const matrix = useQuery('review.matrix', { sessionId: session.id })
  const results = useQuery('results.list', { sessionId: session.id })
  const audit = useQuery('audit.verify', {})
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [amend, setAmend] = useState<{ productId: number; reason: string; author: string; text: string } | null>(null)
  const [advising, setAdvising] = useState<number | null>(null)
  const { t: ta } = useTranslation('advice')
  if (!progress.data || !matrix.data || !results.data) return progress.error || matrix.error ? <Alert color="red">{(progress.error ?? matrix.error)!.message}</Alert> : <Loader />

  const blocked: string[] = []
  if (!progress.data.quorum.holds) blocked.push(t('finalize.noQuorum', { reasons: progress.data.quorum.reasons.join('; ') }))
  for (const p of progress.data.products) if (!p.complete) blocked.push(t('finalize.incomplete', { name: p.name, submitted: p.submitted, eligible: p.eligible }))
  for (const r of matrix.data.products) {
    if (r.openRescore) blocked.push(t('finalize.rescoreOpen', { name: r.name }))
    else if (r.ready && r.status !== 'final') blocked.push(t('finalize.notFinal', { name: r.name, reasons: r.reasons.map((x) => x.message).join('; ') }))
  }
  const finalize = async () => {
    const r = await api.call('sessions.finalize', { id: session.id })
    setConfirming(false)
    setError(r.ok ? null : r.error.message)
    results.reload()
    audit.reload()
    if (r.ok) onFinalized()
  }
  const addAmendment = async () => {
    if (!amend) return
    const r = await api.call('amendments.add', { sessionId: session.id, ...amend })
    setError(r.ok ? null : r.error.message)
    if (r.ok) { setAmend(null); results.reload() }
  }
  return (
    <Stack gap="sm" data-testid="finalize">
      {session.status === 'finalized' ? (
        <Alert color="green" variant="light" data-testid="finalized">{t('finalize.done', { at: formatDateTime(session.finalizedAt) })}</Alert>
      ) : blocked.length > 0 ? (
        <Alert color="orange" title={t('finalize.blockedTitle')} data-testid="finalize-blocked">
          <Stack gap={2}>{blocked.map((b) => <Text key={b} size="sm">• {b}</Text>)}</Stack>
        </Alert>
      ) : null}
      <Group>
        <Button color="green" disabled={blocked.length > 0 || session.status === 'finalized'} onClick={() => setConfirming(true)} data-testid="finalize-button">{t('finalize.button')}</Button>
        {audit.data ? (
          <Badge color={audit.data.intact ? 'green' : 'red'} size="lg" data-testid="audit-status" data-intact={audit.data.intact}>
            {audit.data.intact ? t('audit.intact', { count: audit.data.events }) : t('audit.tampered', { count: audit.data.problems.length })}
          </Badge>
        ) : null}
        {audit.data?.head ? <Text size="sm" c="dimmed" data-testid="audit-head">{t('audit.head', { head: audit.data.head })}</Text> : null}
      </Group>
      {audit.data && !audit.data.intact ? (
        <Alert color="red" data-testid="audit-problems">
          <Stack gap={2}>{audit.data.problems.map((p) => <Text key={p.message} size="sm">• {p.message}</Text>)}</Stack>
        </Alert>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      {session.status === 'finalized' ? <NextStepsPanel sessionId={session.id} /> : null}
      {results.data.length > 0 ? (
        <Table withTableBorder data-testid="results">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('review.product')}</Table.Th><Table.Th>{t('review.mean')}</Table.Th><Table.Th>{t('review.stars')}</Table.Th>
              <Table.Th>{t('finalize.outcome')}</Table.Th><Table.Th>{t('finalize.amendments')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {results.data.map((r) => (
              <Table.Tr key={r.productId} data-product-id={r.productId} data-stars={r.stars ?? ''}>
                <Table.Td fw={600}>{r.name}<Text size="xs" c="dimmed">{r.criteriaSetId} · {r.criteriaVersion}</Text></Table.Td>
                <Table.Td>{r.meanText ?? '—'}</Table.Td>
                <Table.Td>
                  {r.stars !== null ? `${r.stars}★` : '—'}
                  {session.status === 'finalized' && r.stars !== null && r.stars > 0 && r.stars < 5 ? (
                    <Button size="compact-xs" variant="subtle" display="block" aria-expanded={advising === r.productId} onClick={() => setAdvising((id) => (id === r.productId ? null : r.productId))} data-testid="advice-open">
                      {advising === r.productId ? ta('close') : ta('open')}
                    </Button>
                  ) : null}
                </Table.Td>
                <Table.Td>{r.outcome ? t(`outcome.${r.outcome}`, { defaultValue: r.outcome }) : '—'}</Table.Td>
                <Table.Td>
                  {r.amendments.map((a) => <Text key={a.id} size="xs" data-amendment={a.id}>{t('finalize.amendmentLine', { at: a.createdAt.slice(0, 10), author: a.author, reason: a.reason, text: a.text })}</Text>)}
                  <Button size="compact-xs" variant="subtle" onClick={() => setAmend({ productId: r.productId, reason: '', author: '', text: '' })}>{t('finalize.addAmendment')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {advising !== null ? <AdvicePanel sessionId={session.id} productId={advising} /> : null}
      {amend ? (
        <Paper withBorder p="sm">
          <Group align="flex-end">
            <TextInput label={t('finalize.amendReason')} value={amend.reason} onChange={(e) => { const reason = e.currentTarget.value; setAmend((a) => a && { ...a, reason }) }} />
            <TextInput label={t('finalize.amendAuthor')} value={amend.author} onChange={(e) => { const author = e.currentTarget.value; setAmend((a) => a && { ...a, author }) }} />
            <TextInput label={t('finalize.amendText')} w={360} value={amend.text} onChange={(e) => { const text = e.currentTarget.value; setAmend((a) => a && { ...a, text }) }} />
            <Button onClick={() => void addAmendment()}>{t('finalize.saveAmendment')}</Button>
          </Group>
        </Paper>
      ) : null}
      <AuditPanel session={session} />
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('finalize.confirmTitle')} centered>
        <Stack>
          <Text size="sm">{t('finalize.confirmBody', { count: session.agenda.length })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('finalize.cancel')}</Button>
            <Button color="green" onClick={() => void finalize()} data-testid="finalize-confirm">{t('finalize.confirm')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
