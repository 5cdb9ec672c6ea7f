import { Alert, Anchor, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Certificate } from '../../../src-main/shared/contract'
import { CERTIFICATE_FILTERS } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { CertificateTable } from './CertificateTable'
import { RevokeForm } from './RevokeForm'
import { VnDateInput } from '../../ui/VnDateInput'
import { formatDay } from '../../../src-main/shared/vn-format'
import { printDocument } from '../sessions/documents/file-actions'

type Filter = (typeof CERTIFICATE_FILTERS)[number]
const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Issue certificates from a finalized session's recognition decision (its number and date prefilled from the document
 * register); list, filter, print and revoke them. `sessionId` preselects a session (`#/reports/certificates/<id>`).
 */
export function CertificatesPanel({ sessionId }: { sessionId?: number } = {}) {
  const { t } = useTranslation('reports')
  const api = useApi()
  const [filter, setFilter] = useState<Filter>('all')
  const [revoking, setRevoking] = useState<Certificate | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const list = useQuery('certificates.list', { filter, withinDays: 180 })
  const sessions = useQuery('sessions.list', {})
  const info = useQuery('app.info', {})
  const finalized = (sessions.data ?? []).filter((s) => s.status === 'finalized')
  const form = useForm({
    initialValues: { sessionId: sessionId ? String(sessionId) : '', decisionNo: '', decisionDate: '', issuedOn: '' },
    validate: {
      sessionId: (v) => (v ? null : t('issue.sessionRequired')),
      decisionNo: (v) => (v.trim() ? null : t('required')),
      decisionDate: (v) => (DATE.test(v) ? null : t('dateFormat')),
      issuedOn: (v, all) => (!DATE.test(v) ? t('dateFormat') : v < all.decisionDate ? t('issue.beforeDecision') : null)
    }
  })
  // The decision is the one the register issued for the session (one numbering truth): picked, its number and date fill in.
  const picked = Number(form.values.sessionId) || 0
  const issues = useQuery('documents.issues', { sessionId: picked }, { skip: !picked })
  const decision = picked ? issues.data?.find((d) => d.kind === 'decision' && d.productId === null) : undefined
  // Filled once per session and decision (the form's setters change identity on every render).
  const filled = useRef<string | null>(null)
  useEffect(() => {
    const key = decision ? `${picked}:${decision.number}:${decision.date}` : null
    if (!decision || filled.current === key) return
    filled.current = key
    form.setValues({ decisionNo: decision.number, decisionDate: decision.date })
  }, [decision, picked, form])
  const print = async (c: Certificate) => {
    if (c.sessionId === null || !info.data) return
    const doc = await api.call('documents.forSession', { sessionId: c.sessionId, kind: 'certificate', format: 'pdf', productId: c.productId })
    const failed = doc.ok ? await printDocument(api, doc.value.id, info.data.mode) : doc.error.message
    if (failed) setMessage({ ok: false, text: failed })
  }
  // Issuing writes certificates that cannot be taken back except by revocation: the values are confirmed first.
  const [confirming, setConfirming] = useState<typeof form.values | null>(null)
  const issue = form.onSubmit((v) => setConfirming(v))
  const confirmIssue = async (v: typeof form.values) => {
    setConfirming(null)
    const r = await api.call('certificates.issue', { ...v, sessionId: Number(v.sessionId) })
    setMessage(r.ok ? { ok: true, text: t('issue.done', { count: r.value.length }) } : { ok: false, text: r.error.message })
    if (r.ok) list.reload()
  }
  return (
    <Stack>
      <Title order={4}>{t('issue.title')}</Title>
      <form onSubmit={issue} data-testid="issue-form">
        <Group align="flex-end">
          <Select label={t('issue.session')} data={finalized.map((s) => ({ value: String(s.id), label: `${s.roundName} — ${formatDay(s.date)}` }))} {...form.getInputProps('sessionId')} w={260} />
          <TextInput label={t('issue.decisionNo')} placeholder="120/QĐ-UBND" description={decision ? t('issue.fromRegister') : undefined} {...form.getInputProps('decisionNo')} data-testid="issue-decision-no" />
          <VnDateInput label={t('issue.decisionDate')} {...form.getInputProps('decisionDate')} />
          <VnDateInput label={t('issue.issuedOn')} {...form.getInputProps('issuedOn')} />
          <Button type="submit">{t('issue.submit')}</Button>
        </Group>
      </form>
      {picked && issues.data && !decision ? (
        <Alert color="orange" data-testid="issue-no-decision">
          {t('issue.noDecision')} <Anchor href={`#/rounds/${picked}/documents`}>{t('issue.toDocuments')}</Anchor>
        </Alert>
      ) : null}
      <Modal opened={confirming !== null} onClose={() => setConfirming(null)} title={t('office:issueConfirm.title')}>
        {confirming && (
          <Stack data-testid="issue-confirm">
            {t('office:issueConfirm.body', { session: finalized.find((s) => String(s.id) === confirming.sessionId)?.roundName ?? '', number: confirming.decisionNo, date: formatDay(confirming.decisionDate), issuedOn: formatDay(confirming.issuedOn) })}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(null)}>{t('office:issueConfirm.cancel')}</Button>
              <Button onClick={() => void confirmIssue(confirming)} data-testid="issue-confirm-ok">{t('office:issueConfirm.ok')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      {message && <Alert color={message.ok ? 'green' : 'red'}>{message.text}</Alert>}
      <SegmentedControl value={filter} onChange={(v) => setFilter(v as Filter)} data={CERTIFICATE_FILTERS.map((f) => ({ value: f, label: t(`filter.${f}`) }))} />
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      <CertificateTable rows={list.data ?? []} onRevoke={setRevoking} onPrint={(c) => void print(c)} />
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('revoke.title', { number: revoking?.number ?? '' })} size="lg">
        {revoking && (
          <RevokeForm
            cert={revoking}
            onDone={() => {
              setRevoking(null)
              list.reload()
            }}
          />
        )}
      </Modal>
    </Stack>
  )
}
