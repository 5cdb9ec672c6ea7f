import { Alert, Button, Card, FileInput, Group, PasswordInput, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGNABLE_KINDS, type ApprovalDto, type DocumentRecord, type SignedDocumentDto } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64, fileToBase64 } from '../catalogue/files'
import { VnDateInput } from '../../ui/VnDateInput'

type Kind = (typeof SIGNABLE_KINDS)[number]
const DATE = /^\d{4}-\d{2}-\d{2}$/
const today = (): string => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10)

/**
 * Generates the chosen document of the approved session, then signs it. The certificate file and its password stay
 * in this form only until the call returns: the password field is emptied whatever the outcome.
 */
export function SignForm({ approval, onSigned }: { approval: ApprovalDto; onSigned: () => void }) {
  const { t } = useTranslation('signing')
  const api = useApi()
  const province = useQuery('settings.getProvince', {})
  const [doc, setDoc] = useState<DocumentRecord | null>(null)
  const [signed, setSigned] = useState<SignedDocumentDto | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const gen = useForm({
    initialValues: { kind: 'decision' as Kind, issueDate: today(), endTime: '11:30' },
    validate: { issueDate: (v) => (DATE.test(v) ? null : t('dateFormat')), endTime: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : t('timeFormat')) }
  })
  const sign = useForm({
    initialValues: { p12: null as File | null, password: '', organisation: '', reason: '', location: '' },
    validate: {
      p12: (v) => (v ? null : t('p12Required')),
      password: (v) => (v ? null : t('passwordRequired')),
      organisation: (v) => ((v || province.data?.bodyName || '').trim() ? null : t('required')),
      location: (v) => ((v || province.data?.placeName || '').trim() ? null : t('required'))
    }
  })

  const generate = gen.onSubmit(async (v) => {
    setError(null)
    setSigned(null)
    setBusy(true)
    const r = await api.call('signing.generate', { approvalId: approval.id, ...v })
    setBusy(false)
    if (r.ok) setDoc(r.value)
    else setError(r.error.message)
  })
  const submit = sign.onSubmit(async (v) => {
    if (!doc || !v.p12) return
    setError(null)
    setBusy(true)
    const r = await api.call('signing.sign', {
      approvalId: approval.id,
      documentId: doc.id,
      p12Base64: await fileToBase64(v.p12),
      password: v.password,
      organisation: v.organisation || province.data?.bodyName || '',
      reason: v.reason || t('defaultReason', { title: doc.title.toLocaleLowerCase('vi') }),
      location: v.location || province.data?.placeName || ''
    })
    sign.setFieldValue('password', '')
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setSigned(r.value)
    onSigned()
  })
  const download = async (id: number): Promise<void> => {
    const r = await api.call('signing.download', { id })
    if (r.ok) downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
    else setError(r.error.message)
  }

  return (
    <Card withBorder w="100%" data-testid="sign-form">
      <Stack gap="xs">
        <Title order={5}>{t('signTitle', { name: approval.approverName })}</Title>
        <form onSubmit={generate}>
          <Group align="flex-end">
            <Select label={t('kind')} data={SIGNABLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} allowDeselect={false} w={260} {...gen.getInputProps('kind')} data-testid="sign-kind" />
            <VnDateInput label={t('issueDate')} w={150} {...gen.getInputProps('issueDate')} />
            <TextInput label={t('endTime')} placeholder="HH:MM" w={110} {...gen.getInputProps('endTime')} />
            <Button type="submit" variant="light" loading={busy && !doc} data-testid="generate-document">{t('generate')}</Button>
          </Group>
        </form>
        {doc && (
          <Alert color="blue" data-testid="document-ready" data-document-id={doc.id}>
            {t('documentReady', { title: doc.title, number: doc.number ?? t('noNumber'), pages: doc.pages ?? '?' })}
          </Alert>
        )}
        {doc && (
          <form onSubmit={submit} autoComplete="off">
            <Stack gap="xs">
              <Group align="flex-start" grow>
                <FileInput label={t('p12')} placeholder={t('p12Placeholder')} accept=".p12,.pfx,application/x-pkcs12" clearable {...sign.getInputProps('p12')} data-testid="p12-file" />
                <PasswordInput label={t('password')} autoComplete="new-password" {...sign.getInputProps('password')} data-testid="p12-password" />
              </Group>
              <Group align="flex-start" grow>
                <TextInput label={t('organisation')} placeholder={province.data?.bodyName || ''} {...sign.getInputProps('organisation')} />
                <TextInput label={t('location')} placeholder={province.data?.placeName || ''} {...sign.getInputProps('location')} />
              </Group>
              <TextInput label={t('reason')} placeholder={t('defaultReason', { title: doc.title.toLocaleLowerCase('vi') })} {...sign.getInputProps('reason')} />
              <Text size="xs" c="dimmed">{t('passwordNote')}</Text>
              <Group>
                <Button type="submit" loading={busy} data-testid="sign">{t('sign')}</Button>
              </Group>
            </Stack>
          </form>
        )}
        {error && <Alert color="red" data-testid="sign-error">{error}</Alert>}
        {signed && (
          <Alert color="green" data-testid="signed" data-signed-id={signed.id}>
            <Stack gap={4}>
              <Text size="sm">{t('signedDone', { name: signed.signerName, at: signed.signedAt })}</Text>
              <Group>
                <Button size="xs" onClick={() => void download(signed.id)} data-testid="download-signed">{t('downloadSigned')}</Button>
              </Group>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Card>
  )
}
