import { Alert, Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductDetail } from '../../../src-main/shared/contract'
import { REREGISTRATION_TYPES } from '../../../src-main/shared/api/history'
import { useApi } from '../../api/context'

/**
 * "Đăng ký đánh giá lại / nâng hạng" for a product holding a valid certificate: the server checks the re-evaluation
 * window (180 → 120 days before expiry) and that an upgrade is below 5★, then the product starts a new dossier.
 */
export function ReregisterForm({ product, onDone }: { product: ProductDetail; onDone: () => void }) {
  const { t } = useTranslation('reevaluation')
  const api = useApi()
  const [type, setType] = useState<(typeof REREGISTRATION_TYPES)[number] | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    if (!type) return setError(t('reregister.pickType'))
    setBusy(true)
    const r = await api.call('products.reregister', { productId: product.id, type, reason })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setError(null)
    onDone()
  }
  return (
    <Stack gap="xs" data-testid="reregister">
      <Text size="sm" c="dimmed">{t('reregister.hint')}</Text>
      <Radio.Group label={t('reregister.type')} value={type} onChange={(v) => setType(v as (typeof REREGISTRATION_TYPES)[number])}>
        <Group mt={4}>
          {REREGISTRATION_TYPES.map((k) => <Radio key={k} value={k} label={t(`reregister.types.${k}`)} />)}
        </Group>
      </Radio.Group>
      <TextInput label={t('reregister.note')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={1000} />
      <Group>
        <Button onClick={() => void submit()} loading={busy} data-testid="reregister-submit">{t('reregister.submit')}</Button>
      </Group>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
    </Stack>
  )
}
