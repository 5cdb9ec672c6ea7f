import { Alert, Badge, Button, Group, Modal, NumberInput, Stack, Text } from '@mantine/core'
import { IconFileText, IconFileTypeDocx, IconRubberStamp } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OfficeRefIn } from '../../../src-main/shared/contract'
import { OFFICE_DOCUMENTS } from '../../../src-main/shared/office-documents'
import { useApi, useQuery } from '../../api/context'
import { VnDateInput } from '../../ui/VnDateInput'
import { downloadDocument } from '../sessions/documents/file-actions'

/**
 * The office's documents outside a session (inspection plan, inspection record, improvement letter, periodic report):
 * the PDF and the DOCX — a draft "DỰ THẢO" until issued — and "Cấp số", which asks for confirmation showing the
 * number the register will give (or one typed from the e-office system) and issues the document once.
 */
export function OfficeDocumentActions({ docRef, testId }: { docRef: OfficeRefIn; testId: string }) {
  const { t } = useTranslation('office-documents')
  const api = useApi()
  const status = useQuery('officeDocuments.status', { ref: docRef })
  const [busy, setBusy] = useState<'pdf' | 'docx' | 'issue' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const [number, setNumber] = useState<number | string>('')
  const [date, setDate] = useState('')
  const kind = t(`kinds.${docRef.kind}`, { defaultValue: OFFICE_DOCUMENTS[docRef.kind].label })

  const download = async (format: 'pdf' | 'docx') => {
    setBusy(format)
    setError(null)
    const r = await api.call('officeDocuments.generate', { ref: docRef, format })
    const failure = r.ok ? await downloadDocument(api, r.value.id) : r.error.message
    setBusy(null)
    setError(failure)
  }
  const issue = async () => {
    setBusy('issue')
    setError(null)
    const r = await api.call('officeDocuments.issue', { ref: docRef, ...(date ? { date } : {}), ...(typeof number === 'number' ? { number } : {}) })
    setBusy(null)
    setConfirming(false)
    if (!r.ok) return setError(r.error.message)
    setNumber('')
    status.reload()
  }
  const s = status.data
  const willTake = s ? `${String(typeof number === 'number' ? number : s.next).padStart(2, '0')}/${s.symbol}` : ''

  return (
    <Stack gap={6} data-testid={testId}>
      <Group gap="xs">
        <Button size="xs" variant="light" leftSection={<IconFileText size={14} />} loading={busy === 'pdf'} onClick={() => void download('pdf')} data-testid={`${testId}-pdf`}>
          {t('pdf')}
        </Button>
        <Button size="xs" variant="light" leftSection={<IconFileTypeDocx size={14} />} loading={busy === 'docx'} onClick={() => void download('docx')} data-testid={`${testId}-docx`}>
          {t('docx')}
        </Button>
        {s?.assigned ? (
          <Badge color="green" variant="light" tt="none" data-testid={`${testId}-number`}>
            {t('assigned', { number: s.assigned })}
          </Badge>
        ) : s ? (
          <>
            <Badge color="gray" variant="light" tt="none">{t('draft')}</Badge>
            <Button size="xs" variant="light" color="orange" leftSection={<IconRubberStamp size={14} />} onClick={() => setConfirming(true)} data-testid={`${testId}-issue`}>
              {t('issue')}
            </Button>
          </>
        ) : null}
      </Group>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('confirmTitle')} centered>
        <Stack>
          <NumberInput label={t('number')} description={t('numberHint', { next: String(s?.next ?? 1).padStart(2, '0'), symbol: s?.symbol ?? '' })} min={1} max={99999} allowDecimal={false}
            placeholder={String(s?.next ?? 1).padStart(2, '0')} value={number} onChange={setNumber} data-testid={`${testId}-number-input`} />
          <VnDateInput label={t('date')} description={t('dateHint')} value={date} onChange={setDate} data-testid={`${testId}-date`} />
          <Text data-testid={`${testId}-confirm-text`}>{t('confirm', { kind, number: willTake })}</Text>
          <Text size="sm" c="dimmed">{t('once')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('cancel')}</Button>
            <Button color="orange" loading={busy === 'issue'} onClick={() => void issue()} data-testid={`${testId}-confirm`}>{t('confirmButton', { number: willTake })}</Button>
          </Group>
        </Stack>
      </Modal>
      {error ? <Alert color="red" role="alert" data-testid={`${testId}-error`}>{error}</Alert> : null}
    </Stack>
  )
}
