import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Certificate } from '../../../src-main/shared/contract'
import { CERTIFICATE_FILTERS } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { CertificateTable } from './CertificateTable'
import { RevokeForm } from './RevokeForm'
import { VnDateInput } from '../../ui/VnDateInput'
import { formatDay } from '../../../src-main/shared/vn-format'

type Filter = (typeof CERTIFICATE_FILTERS)[number]
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Issue certificates from a finalized session's recognition decision; list, filter and revoke them. */
export function CertificatesPanel() {
  const { t } = useTranslation('reports')
  const api = useApi()
  const [filter, setFilter] = useState<Filter>('all')
  const [revoking, setRevoking] = useState<Certificate | null>(null)
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const list = useQuery('certificates.list', { filter, withinDays: 180 })
  const sessions = useQuery('sessions.list', {})
  const finalized = (sessions.data ?? []).filter((s) => s.status === 'finalized')
  const form = useForm({
    initialValues: { sessionId: '', decisionNo: '', decisionDate: '', issuedOn: '' },
    validate: {
      sessionId: (v) => (v ? null : t('issue.sessionRequired')),
      decisionNo: (v) => (v.trim() ? null : t('required')),
      decisionDate: (v) => (DATE.test(v) ? null : t('dateFormat')),
      issuedOn: (v, all) => (!DATE.test(v) ? t('dateFormat') : v < all.decisionDate ? t('issue.beforeDecision') : null)
    }
  })
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
          <TextInput label={t('issue.decisionNo')} placeholder="120/QĐ-UBND" {...form.getInputProps('decisionNo')} />
          <VnDateInput label={t('issue.decisionDate')} {...form.getInputProps('decisionDate')} />
          <VnDateInput label={t('issue.issuedOn')} {...form.getInputProps('issuedOn')} />
          <Button type="submit">{t('issue.submit')}</Button>
        </Group>
      </form>
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
      <CertificateTable rows={list.data ?? []} onRevoke={setRevoking} />
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
