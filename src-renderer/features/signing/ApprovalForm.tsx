import { Alert, Button, Card, Group, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SIGN_AUTHORITIES } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'

type Authority = (typeof SIGN_AUTHORITIES)[number]

/** Sign-off: who approves the finalized results, in which role and with which authority (NĐ 30 Điều 13). */
export function ApprovalForm({ sessionId, subject, onDone }: { sessionId: number; subject: string; onDone: (approvalId: number) => void }) {
  const { t } = useTranslation('signing')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const form = useForm({
    initialValues: { subject, approverName: '', approverRole: 'signer' as 'chair' | 'signer', authority: 'KT.' as Authority, positionTitle: '' },
    validate: {
      subject: (v) => (v.trim() ? null : t('required')),
      approverName: (v) => (v.trim() ? null : t('required')),
      positionTitle: (v) => (v.trim() ? null : t('required')),
      authority: (v, all) => (all.approverRole === 'chair' && v !== '' && v !== 'TM.' ? t('chairAuthority') : null)
    }
  })
  const submit = form.onSubmit(async (v) => {
    setError(null)
    const r = await api.call('signing.approve', { sessionId, ...v })
    if (!r.ok) return setError(r.error.message)
    onDone(r.value.id)
  })
  return (
    <Card withBorder>
      <form onSubmit={submit} data-testid="approval-form">
        <Stack gap="xs">
          <Title order={5}>{t('approveTitle')}</Title>
          <TextInput label={t('subject')} {...form.getInputProps('subject')} />
          <Group align="flex-start" grow>
            <Select
              label={t('approverRole')}
              data={(['chair', 'signer'] as const).map((r) => ({ value: r, label: t(`role.${r}`) }))}
              allowDeselect={false}
              {...form.getInputProps('approverRole')}
            />
            <Select
              label={t('authority')}
              data={SIGN_AUTHORITIES.map((a) => ({ value: a, label: a || t('ownName') }))}
              allowDeselect={false}
              {...form.getInputProps('authority')}
            />
          </Group>
          <Group align="flex-start" grow>
            <TextInput label={t('positionTitle')} placeholder={t('positionPlaceholder')} {...form.getInputProps('positionTitle')} />
            <TextInput label={t('approverName')} {...form.getInputProps('approverName')} />
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button type="submit" data-testid="approve">{t('approve')}</Button>
          </Group>
        </Stack>
      </form>
    </Card>
  )
}
