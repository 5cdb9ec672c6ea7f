import { Alert, Button, Group, Select, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { reasonRequired } from '../../../src-main/domain/product-status'
import type { ProductStatus } from '../../../src-main/shared/catalogue'
import type { ProductDetail } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'

/** Moves a product along the allowed transitions; dossier completion goes through the dossier panel instead. */
export function StatusChanger({ product, onChanged }: { product: ProductDetail; onChanged: (p: ProductDetail) => void }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const next = product.allowedNext.filter((s) => !(product.status === 'registered' && s === 'dossier-complete'))
  const [to, setTo] = useState<ProductStatus | null>(null)
  const [reason, setReason] = useState('')
  const [stars, setStars] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  if (next.length === 0) return <Text size="sm" c="dimmed">{t('products.noNext')}</Text>
  const apply = async () => {
    if (!to) return
    const r = await api.call('products.transition', { id: product.id, to, reason, ...(to === 'recognised' && stars ? { stars: Number(stars) } : {}) })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    setTo(null)
    setReason('')
    onChanged(r.value)
  }
  return (
    <Group align="end" data-testid="status-changer">
      <Select label={t('products.to')} data={next.map((s) => ({ value: s, label: t(`statuses.${s}`) }))} value={to} onChange={(v) => setTo(v as ProductStatus | null)} w={240} />
      {to === 'recognised' ? (
        <Select label={t('products.stars')} data={(product.status === 'proposed-5-star' ? ['3', '4', '5'] : ['3', '4']).map((s) => ({ value: s, label: `${s}★` }))} value={stars} onChange={setStars} w={110} />
      ) : null}
      <TextInput label={t('products.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} withAsterisk={!!to && reasonRequired(product.status, to)} w={320} />
      <Button onClick={() => void apply()} disabled={!to}>{t('products.apply')}</Button>
      {error ? <Alert color="red" w="100%">{error}</Alert> : null}
    </Group>
  )
}
