import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONFLICT_KINDS, type ConflictKind } from '../../../src-main/shared/api/sessions'
import type { Result } from '../../../src-main/shared/result'

export interface ConflictFormProps {
  memberName: string
  productName: string
  initial: { kind: ConflictKind | ''; text: string }
  onSave: (kind: ConflictKind, text: string) => Promise<Result<unknown>>
  onDone: () => void
}

const MAX_TEXT = 1000

/** The office records one member's declaration for one product: the kind of conflict and its reason. */
export function ConflictForm(p: ConflictFormProps) {
  const { t } = useTranslation('sessions')
  const [serverError, setServerError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const form = useForm<{ kind: ConflictKind | ''; text: string }>({
    mode: 'controlled',
    initialValues: p.initial,
    validate: {
      kind: (v) => (v === '' ? t('conflicts.form.kindRequired') : null),
      text: (v, values) => {
        if (values.kind === 'other' && v.trim() === '') return t('conflicts.form.textRequired')
        if (v.trim().length > MAX_TEXT) return t('conflicts.form.textTooLong', { max: MAX_TEXT })
        return null
      }
    }
  })

  const submit = form.onSubmit(async (v) => {
    if (v.kind === '') return
    setBusy(true)
    const r = await p.onSave(v.kind, v.kind === 'none' ? '' : v.text.trim())
    setBusy(false)
    if (!r.ok) {
      const field = r.error.issues?.find((i) => i.path === 'text')
      if (field) form.setFieldError('text', field.message)
      else setServerError(r.error.message)
      return
    }
    p.onDone()
  })

  return (
    <Paper withBorder p="sm" data-testid="conflict-form">
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <Text fw={600} size="sm">{t('conflicts.form.title', { member: p.memberName, product: p.productName })}</Text>
          <NativeSelect
            label={t('conflicts.form.kind')}
            data={[{ value: '', label: t('conflicts.notDeclared'), disabled: true }, ...CONFLICT_KINDS.map((k) => ({ value: k, label: t(`conflicts.kind.${k}`) }))]}
            withAsterisk
            {...form.getInputProps('kind')}
          />
          {form.values.kind !== 'none' && form.values.kind !== '' ? (
            <Textarea
              label={t('conflicts.form.text')}
              description={form.values.kind === 'other' ? t('conflicts.form.textHelpOther') : t('conflicts.form.textHelp')}
              withAsterisk={form.values.kind === 'other'}
              autosize
              minRows={2}
              maxLength={MAX_TEXT}
              {...form.getInputProps('text')}
            />
          ) : null}
          {serverError ? <Alert color="red" role="alert">{serverError}</Alert> : null}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={p.onDone}>{t('conflicts.form.cancel')}</Button>
            <Button type="submit" loading={busy} data-testid="conflict-save">{t('conflicts.form.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}
