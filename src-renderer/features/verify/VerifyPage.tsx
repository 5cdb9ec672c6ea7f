import { Alert, Button, Card, Code, FileInput, Group, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CodeCheck, PdfCheck } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'
import { IssuedCard } from './IssuedCard'
import { SignatureCard } from './SignatureCard'

async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

/** Kiểm tra văn bản: open any PDF, or type the code printed on minutes and decisions. */
export function VerifyPage() {
  const { t } = useTranslation('verify')
  const api = useApi()
  const [pdf, setPdf] = useState<PdfCheck | null>(null)
  const [code, setCode] = useState<CodeCheck | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm({ initialValues: { code: '' }, validate: { code: (v) => (v.trim() ? null : t('codeRequired')) } })

  const check = async (file: File | null): Promise<void> => {
    setPdf(null)
    setError(null)
    if (!file) return
    setBusy(true)
    const r = await api.call('verify.pdf', { fileName: file.name, contentBase64: await toBase64(file) })
    setBusy(false)
    if (r.ok) setPdf(r.value)
    else setError(r.error.message)
  }
  const lookUp = form.onSubmit(async ({ code: c }) => {
    setCode(null)
    const r = await api.call('verify.code', { code: c })
    if (r.ok) setCode(r.value)
    else form.setFieldError('code', r.error.message)
  })

  return (
    <Stack maw={860}>
      <Title order={2}>{t('title')}</Title>
      <Text c="dimmed">{t('intro')}</Text>
      <Card withBorder>
        <Stack>
          <FileInput label={t('file')} placeholder={t('filePlaceholder')} accept="application/pdf,.pdf" clearable onChange={(f) => void check(f)} disabled={busy} data-testid="verify-file" />
          {busy ? <Text size="sm">{t('checking')}</Text> : null}
          {error ? <Alert color="red" data-testid="verify-error">{error}</Alert> : null}
          {pdf ? (
            <Stack data-testid="verify-result">
              {pdf.signatures.length === 0 ? <Alert color="gray" data-testid="no-signature">{t('noSignature')}</Alert> : pdf.signatures.map((s, i) => <SignatureCard key={i} s={s} n={i + 1} />)}
              <IssuedCard entry={pdf.issued} source={pdf.source} />
              <Text size="xs" c="dimmed">SHA-256: <Code>{pdf.sha256}</Code></Text>
            </Stack>
          ) : null}
        </Stack>
      </Card>
      <Card withBorder>
        <form onSubmit={lookUp}>
          <Group align="flex-end">
            <TextInput label={t('code')} placeholder="ABCDE-12345" description={t('codeHelp')} {...form.getInputProps('code')} data-testid="verify-code" w={320} />
            <Button type="submit">{t('lookUp')}</Button>
          </Group>
        </form>
        {code ? (
          <Stack mt="md" data-testid="code-result">
            <IssuedCard entry={code.issued} />
          </Stack>
        ) : null}
      </Card>
    </Stack>
  )
}
