import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconFileText, IconRubberStamp } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentKind } from '../../../../src-main/shared/documents'
import type { DocumentRecord, Session } from '../../../../src-main/shared/contract'
import { VnDateInput } from '../../../ui/VnDateInput'
import { useApi, useQuery } from '../../../api/context'

const EDITABLE = new Set<DocumentKind>(['minutes', 'report', 'submission', 'decision', 'approval'])
/** Kinds the office issues here (certificates are numbered when they are issued, under Báo cáo → Giấy chứng nhận). */
const NUMBERED = new Set<DocumentKind>(['minutes', 'report', 'submission', 'decision', 'approval', 'notice'])
/** Which choices each kind needs: a sheet is one member's on one product; certificates and notices may be all. */
const NEEDS: Partial<Record<DocumentKind, { product: 'required' | 'optional'; member?: true }>> = {
  'sheet-blank': { product: 'required', member: true },
  sheet: { product: 'required', member: true },
  certificate: { product: 'optional' },
  notice: { product: 'optional' }
}
const KINDS: DocumentKind[] = ['sheet-blank', 'sheet', 'summary', 'minutes', 'report', 'submission', 'decision', 'approval', 'certificate', 'notice']

interface Values {
  kind: DocumentKind
  format: 'pdf' | 'docx'
  productId: string | null
  memberId: string | null
  number: number | string
  date: string
}

/**
 * One document at a time: its kind, the product and member when it needs them, the format. A numbered kind prints as
 * a draft (DỰ THẢO) until the office issues it: "Ban hành" asks for confirmation showing the number it will take
 * (the next of the register, or one typed from the e-office system), then the document prints that number for good.
 * `refresh` changes when documents were made elsewhere.
 */
export function GeneratePanel({ session, refresh, onGenerated }: { session: Session; refresh: number; onGenerated: (doc: DocumentRecord) => void }) {
  const { t } = useTranslation('session-documents')
  const api = useApi()
  const finalized = session.status === 'finalized'
  const results = useQuery('results.list', { sessionId: session.id }, { skip: !finalized })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [issuedMsg, setIssuedMsg] = useState<string | null>(null)
  const form = useForm<Values>({
    initialValues: { kind: finalized ? 'minutes' : 'sheet-blank', format: 'pdf', productId: null, memberId: null, number: '', date: '' },
    validate: {
      productId: (v, all) => (NEEDS[all.kind]?.product === 'required' && !v ? t('form.productRequired') : null),
      memberId: (v, all) => (NEEDS[all.kind]?.member && !v ? t('form.memberRequired') : null)
    }
  })
  const { kind } = form.values
  const scopedProduct = kind === 'notice' && form.values.productId ? { productId: Number(form.values.productId) } : {}
  const next = useQuery('documents.nextNumber', { sessionId: session.id, kind, ...scopedProduct }, { skip: !finalized || !NUMBERED.has(kind) })
  const reloadNext = next.reload
  useEffect(() => reloadNext(), [refresh, reloadNext])
  const outcomes = new Map((results.data ?? []).map((r) => [r.productId, r.outcome]))
  const has5 = [...outcomes.values()].includes('proposed-5-star')
  const available = (k: DocumentKind) => (k === 'sheet-blank' || finalized) && (k !== 'approval' || has5)
  const products = session.agenda
    .filter((a) => kind !== 'certificate' || outcomes.get(a.productId) === 'recognised-by-province')
    .map((a) => ({ value: String(a.productId), label: `${a.name} (${a.code})` }))
  const members = session.members.filter((m) => m.scores).map((m) => ({ value: String(m.id), label: m.fullName }))
  const needs = NEEDS[kind]

  const submit = form.onSubmit(async (v) => {
    setBusy(true)
    setError(null)
    const r = await api.call('documents.forSession', {
      sessionId: session.id,
      kind: v.kind,
      format: EDITABLE.has(v.kind) ? v.format : 'pdf',
      ...(v.productId ? { productId: Number(v.productId) } : {}),
      ...(needs?.member && v.memberId ? { memberId: Number(v.memberId) } : {})
    })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    onGenerated(r.value)
  })

  const issue = async () => {
    const v = form.values
    setBusy(true)
    setError(null)
    const r = await api.call('documents.issue', {
      sessionId: session.id,
      kind: v.kind,
      ...scopedProduct,
      ...(v.date ? { date: v.date } : {}),
      ...(typeof v.number === 'number' ? { number: v.number } : {})
    })
    setBusy(false)
    setConfirming(false)
    if (!r.ok) return setError(r.error.message)
    form.setFieldValue('number', '')
    setIssuedMsg(t('issue.done', { kind: t(`kinds.${v.kind}`), number: r.value.number }))
    next.reload()
  }
  const willTake = next.data ? (typeof form.values.number === 'number' ? `${String(form.values.number).padStart(2, '0')}/${next.data.symbol}` : `${String(next.data.next).padStart(2, '0')}/${next.data.symbol}`) : ''

  return (
    <form onSubmit={submit} data-testid="generate-form">
      <Stack gap="xs">
        {!finalized ? <Text size="sm" c="dimmed">{t('form.openHint')}</Text> : null}
        <Group align="flex-end" gap="sm">
          <Select label={t('form.kind')} w={300} allowDeselect={false} data-testid="doc-kind"
            data={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`), disabled: !available(k) }))}
            {...form.getInputProps('kind')} onChange={(v) => v && (form.setFieldValue('kind', v as DocumentKind), form.setFieldValue('productId', null))} />
          {needs ? (
            <Select label={t('form.product')} w={280} clearable={needs.product === 'optional'} data={products} data-testid="doc-product"
              placeholder={needs.product === 'optional' ? t('form.allProducts') : t('form.choose')} {...form.getInputProps('productId')} />
          ) : null}
          {needs?.member ? <Select label={t('form.member')} w={220} data={members} data-testid="doc-member" placeholder={t('form.choose')} {...form.getInputProps('memberId')} /> : null}
          {EDITABLE.has(kind) ? <SegmentedControl data={[{ value: 'pdf', label: 'PDF' }, { value: 'docx', label: 'DOCX' }]} {...form.getInputProps('format')} /> : null}
        </Group>
        {NUMBERED.has(kind) && finalized && next.data ? (
          next.data.assigned ? (
            <Text size="sm" data-testid="number-assigned">{t('form.assigned', { number: next.data.assigned })}</Text>
          ) : (
            <Group align="flex-end" gap="sm">
              <Text size="sm" c="dimmed" w={360} data-testid="draft-hint">{t('issue.draftHint')}</Text>
              <NumberInput label={t('form.number')} description={t('form.numberHint', { next: String(next.data.next).padStart(2, '0'), symbol: next.data.symbol })} w={300} min={1} max={99999} allowDecimal={false}
                placeholder={String(next.data.next).padStart(2, '0')} data-testid="doc-number" {...form.getInputProps('number')} />
              <VnDateInput label={t('issue.date')} description={t('issue.dateHint')} w={180} data-testid="issue-date" value={form.values.date} onChange={(d) => form.setFieldValue('date', d)} error={form.errors.date} />
              <Button variant="light" color="orange" leftSection={<IconRubberStamp size={16} />} onClick={() => (setIssuedMsg(null), setConfirming(true))} data-testid="issue-document">{t('issue.button')}</Button>
            </Group>
          )
        ) : null}
        <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('issue.confirmTitle')} centered>
          <Stack>
            <Text data-testid="issue-confirm-text">{t('issue.confirm', { kind: t(`kinds.${kind}`), number: willTake })}</Text>
            <Text size="sm" c="dimmed">{t('issue.once')}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>{t('issue.cancel')}</Button>
              <Button color="orange" loading={busy} onClick={() => void issue()} data-testid="issue-confirm">{t('issue.confirmButton', { number: willTake })}</Button>
            </Group>
          </Stack>
        </Modal>
        {issuedMsg ? <Alert color="green" data-testid="issue-done">{issuedMsg}</Alert> : null}
        <Group>
          <Button type="submit" loading={busy} leftSection={<IconFileText size={16} />} disabled={!available(kind)} data-testid="generate-document">{t('form.generate')}</Button>
        </Group>
        {error ? <Alert color="red" role="alert" data-testid="generate-error">{error}</Alert> : null}
      </Stack>
    </form>
  )
}
