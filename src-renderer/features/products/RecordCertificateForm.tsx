import { Alert, Button, Checkbox, Group, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/context'

/** dd/mm/yyyy as typed → YYYY-MM-DD; '' stays ''; anything else is null (invalid). */
export function parseDmy(s: string): string | null | '' {
  const t = s.trim()
  if (!t) return ''
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  if (!m) return null
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
  const d = new Date(`${iso}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null
}

type Values = {
  stars: string
  numberText: string
  unknownDate: boolean
  issuedOn: string
  issuedYear: number | string
  issuingAuthority: string
  decisionNo: string
  decisionDate: string
  printedExpiry: string
  sourceNote: string
}

/**
 * Records a certificate issued before the app from its paper (issue 12): number as printed, issuing authority
 * (a former district or province included), the issue date or only its year, the decision, the printed expiry.
 * The server computes the expiry by the 36-month rule when none is printed and refuses what cannot be placed.
 */
export function RecordCertificateForm({ productId, onDone }: { productId: number; onDone: () => void }) {
  const { t } = useTranslation('product-history')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const date = (v: string) => (parseDmy(v) === null ? t('record.dateFormat') : null)
  const form = useForm<Values>({
    initialValues: { stars: '3', numberText: '', unknownDate: false, issuedOn: '', issuedYear: '', issuingAuthority: '', decisionNo: '', decisionDate: '', printedExpiry: '', sourceNote: '' },
    validate: {
      numberText: (v) => (v.trim() ? null : t('record.required')),
      issuingAuthority: (v) => (v.trim() ? null : t('record.required')),
      decisionNo: (v) => (v.trim() ? null : t('record.required')),
      issuedOn: (v, all) => (all.unknownDate ? null : !v.trim() ? t('record.required') : date(v)),
      issuedYear: (v, all) => (!all.unknownDate ? null : Number.isInteger(Number(v)) && Number(v) >= 2000 && Number(v) <= 2999 && v !== '' ? null : t('record.year')),
      decisionDate: date,
      printedExpiry: date
    }
  })
  const submit = form.onSubmit(async (v) => {
    setError(null)
    const issuedOn = v.unknownDate ? null : (parseDmy(v.issuedOn) as string)
    const r = await api.call('certificates.record', {
      productId,
      stars: Number(v.stars),
      numberText: v.numberText,
      issuedOn,
      issuedYear: issuedOn ? Number(issuedOn.slice(0, 4)) : Number(v.issuedYear),
      issuingAuthority: v.issuingAuthority,
      decisionNo: v.decisionNo,
      decisionDate: (parseDmy(v.decisionDate) as string) || null,
      printedExpiry: (parseDmy(v.printedExpiry) as string) || null,
      sourceNote: v.sourceNote
    })
    if (!r.ok) return setError(r.error.message)
    form.reset()
    onDone()
  })
  return (
    <form onSubmit={submit} data-testid="record-certificate-form">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">{t('record.hint')}</Text>
        <Group grow align="flex-start">
          <TextInput label={t('record.numberText')} placeholder="15/GCN-UBND" {...form.getInputProps('numberText')} />
          <Select label={t('record.stars')} data={['3', '4', '5']} allowDeselect={false} {...form.getInputProps('stars')} />
        </Group>
        <TextInput label={t('record.issuingAuthority')} placeholder={t('record.authorityExample')} {...form.getInputProps('issuingAuthority')} />
        <Group grow align="flex-end">
          {form.values.unknownDate ? (
            <NumberInput label={t('record.issuedYear')} allowDecimal={false} {...form.getInputProps('issuedYear')} />
          ) : (
            <TextInput label={t('record.issuedOn')} placeholder="dd/mm/yyyy" {...form.getInputProps('issuedOn')} />
          )}
          <Checkbox label={t('record.unknownDate')} {...form.getInputProps('unknownDate', { type: 'checkbox' })} mb={8} />
        </Group>
        <Group grow align="flex-start">
          <TextInput label={t('record.decisionNo')} placeholder="1887/QĐ-UBND" {...form.getInputProps('decisionNo')} />
          <TextInput label={t('record.decisionDate')} placeholder="dd/mm/yyyy" {...form.getInputProps('decisionDate')} />
        </Group>
        <TextInput label={t('record.printedExpiry')} description={t('record.expiryHint')} placeholder="dd/mm/yyyy" {...form.getInputProps('printedExpiry')} />
        <Textarea label={t('record.sourceNote')} autosize minRows={1} maxRows={3} {...form.getInputProps('sourceNote')} />
        {error && (
          <Alert color="red" data-testid="record-error">
            {error}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit">{t('record.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
