import { Group, NumberInput, Select, Stack, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { REGISTRATION_TYPES } from '../../../src-main/shared/catalogue'
import { zProductCreate, type ProductCreateInput, type ProductDetail } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { FormFooter, showRefusal } from '../catalogue/FormFooter'
import { zodValidate } from '../catalogue/zod-form'
import { SetSelect } from './SetSelect'

interface Values {
  producerId: number | ''
  name: string
  setId: string
  registrationType: ProductCreateInput['registrationType'] | ''
  year: number
}

/** Registers a product; its code and form number are issued by the server from the producer's commune. */
export function ProductForm({ onSaved, onCancel, year }: { onSaved: (p: ProductDetail) => void; onCancel: () => void; year: number }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const [failure, setFailure] = useState<string | null>(null)
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 200)
  const producers = useQuery('producers.list', { pageSize: 30, ...(query.trim() ? { query } : {}) })
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null)
  const form = useForm<Values>({
    initialValues: { producerId: '', name: '', setId: '', registrationType: 'lan-dau', year },
    validate: zodValidate<Values>(zProductCreate)
  })
  const options = (producers.data?.items ?? []).map((p) => ({ value: String(p.id), label: `${p.name} — ${p.communeName}` }))
  if (picked && !options.some((o) => o.value === picked.value)) options.unshift(picked)

  const submit = form.onSubmit(async (v) => {
    setFailure(null)
    const r = await api.call('products.create', v as ProductCreateInput)
    if (r.ok) return onSaved(r.value)
    showRefusal(r.error, form.setFieldError, setFailure)
  })

  return (
    <form onSubmit={submit} noValidate data-testid="product-form">
      <Stack maw={720}>
        <Title order={3}>{t('products.newTitle')}</Title>
        <Select
          label={t('products.producer')}
          placeholder={t('products.producerSearch')}
          withAsterisk
          searchable
          filter={({ options: o }) => o}
          searchValue={search}
          onSearchChange={setSearch}
          data={options}
          value={form.values.producerId === '' ? null : String(form.values.producerId)}
          onChange={(v, option) => {
            form.setFieldValue('producerId', v ? Number(v) : '')
            setPicked(option ?? null)
          }}
          error={form.errors.producerId}
        />
        <TextInput label={t('products.name')} withAsterisk {...form.getInputProps('name')} />
        <SetSelect label={t('products.set')} withAsterisk value={form.values.setId || null} onChange={(v) => form.setFieldValue('setId', v ?? '')} error={typeof form.errors.setId === 'string' ? form.errors.setId : undefined} />
        <Group grow>
          <Select label={t('products.registrationType')} withAsterisk data={REGISTRATION_TYPES.map((r) => ({ value: r, label: t(`regTypes.${r}`) }))} {...form.getInputProps('registrationType')} />
          <NumberInput label={t('products.year')} min={2000} max={2100} {...form.getInputProps('year')} />
        </Group>
        <FormFooter failure={failure} onCancel={onCancel} />
      </Stack>
    </form>
  )
}
