import { Button, Group, Select, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REGISTRATION_TYPES, type RegistrationType } from '../../../src-main/shared/catalogue'
import { contract, type ProductDetail } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'
import { FormFooter, showRefusal } from '../catalogue/FormFooter'
import { zodValidate } from '../catalogue/zod-form'
import { SetSelect } from './SetSelect'

interface Values {
  id: number
  name: string
  setId: string
  registrationType: RegistrationType
}

/** Renames a product; set and registration type change only while the dossier is open (the server enforces it). */
export function ProductEdit({ product, onDone }: { product: ProductDetail; onDone: (result: 'cancelled' | 'saved' | 'deleted') => void }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<Values>({
    initialValues: { id: product.id, name: product.name, setId: product.setId, registrationType: product.registrationType },
    validate: zodValidate<Values>(contract['products.update'].input)
  })
  const locked = product.status !== 'registered'
  const submit = form.onSubmit(async (v) => {
    const r = await api.call('products.update', v)
    if (r.ok) return onDone('saved')
    showRefusal(r.error, form.setFieldError, setFailure)
  })
  const remove = async () => {
    const r = await api.call('products.delete', { id: product.id })
    if (r.ok) return onDone('deleted')
    setFailure(r.error.message)
  }
  return (
    <form onSubmit={submit} noValidate data-testid="product-edit">
      <Stack gap="xs">
        <TextInput label={t('products.name')} withAsterisk {...form.getInputProps('name')} />
        <SetSelect label={t('products.set')} withAsterisk value={form.values.setId} onChange={(v) => form.setFieldValue('setId', v ?? '')} error={typeof form.errors.setId === 'string' ? form.errors.setId : undefined} disabled={locked} />
        <Select label={t('products.registrationType')} data={REGISTRATION_TYPES.map((r) => ({ value: r, label: t(`regTypes.${r}`) }))} {...form.getInputProps('registrationType')} disabled={locked} />
        <FormFooter failure={failure} onCancel={() => onDone('cancelled')} />
        {!locked ? (
          <Group>
            <Button color="red" variant="subtle" onClick={() => void remove()}>{t('common.delete')}</Button>
          </Group>
        ) : null}
      </Stack>
    </form>
  )
}
