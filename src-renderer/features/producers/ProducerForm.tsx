import { Button, Checkbox, Grid, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { GENDERS, PRODUCER_KINDS } from '../../../src-main/shared/catalogue'
import { zProducerInput, type Producer, type ProducerInput } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { CommuneSelect, foldFilter } from '../catalogue/CommuneSelect'
import { FormFooter, showRefusal } from '../catalogue/FormFooter'
import { zodValidate } from '../catalogue/zod-form'
import { OldAddressHelper } from './OldAddressHelper'

type Values = Required<Omit<ProducerInput, 'kind' | 'repGender'>> & { kind: ProducerInput['kind'] | ''; repGender: ProducerInput['repGender'] | '' }

const fromProducer = (p: Producer): Values => ({
  kind: p.kind,
  name: p.name,
  regNo: p.regNo,
  repName: p.repName,
  repGender: p.repGender,
  repEthnicity: p.repEthnicity,
  repDisability: p.repDisability,
  provinceCode: p.provinceCode,
  communeCode: p.communeCode,
  street: p.street,
  oldAddress: p.oldAddress,
  phone: p.phone,
  email: p.email
})

export interface ProducerFormProps {
  initial?: Producer
  /** The configured province, preselected for a new producer. */
  defaultProvince: string | null
  onSaved: (p: Producer) => void
  onCancel: () => void
}

/** Create or edit a producer; the contract's schema validates inline, the server's answer lands on the same fields. */
export function ProducerForm({ initial, defaultProvince, onSaved, onCancel }: ProducerFormProps) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const provinces = useQuery('admin.provinces', {})
  const [failure, setFailure] = useState<string | null>(null)
  const form = useForm<Values>({
    initialValues: initial
      ? fromProducer(initial)
      : { kind: '', name: '', regNo: '', repName: '', repGender: '', repEthnicity: 'Kinh', repDisability: false, provinceCode: defaultProvince ?? '', communeCode: '', street: '', oldAddress: '', phone: '', email: '' },
    validate: zodValidate<Values>(zProducerInput)
  })

  // A new commune for a producer with products: ask whether its products move too (their codes never change).
  const [askMove, setAskMove] = useState<ProducerInput | null>(null)
  const save = async (input: ProducerInput, moveProducts?: boolean) => {
    setAskMove(null)
    const r = initial ? await api.call('producers.update', { ...input, id: initial.id, ...(moveProducts === undefined ? {} : { moveProducts }) }) : await api.call('producers.create', input)
    if (r.ok) return onSaved(r.value)
    showRefusal(r.error, form.setFieldError, setFailure)
  }
  const submit = form.onSubmit(async (values) => {
    setFailure(null)
    const input = values as ProducerInput
    if (initial && initial.productCount > 0 && input.communeCode !== initial.communeCode) return setAskMove(input)
    await save(input)
  })

  return (
    <form onSubmit={submit} noValidate data-testid="producer-form">
      <Stack maw={900}>
        <Title order={3}>{initial ? t('producers.editTitle') : t('producers.newTitle')}</Title>
        <Grid>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select label={t('producers.kind')} withAsterisk searchable filter={foldFilter} data={PRODUCER_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} {...form.getInputProps('kind')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <TextInput label={t('producers.name')} withAsterisk {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('producers.regNo')} {...form.getInputProps('regNo')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('producers.phone')} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('producers.email')} {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <TextInput label={t('producers.repName')} withAsterisk {...form.getInputProps('repName')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <Text size="sm" fw={500}>{t('producers.repGender')}</Text>
            <SegmentedControl
              data={GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
              value={form.values.repGender}
              onChange={(v) => form.setFieldValue('repGender', v as Values['repGender'])}
              aria-label={t('producers.repGender')}
            />
            {form.errors.repGender ? <Text size="xs" c="red">{form.errors.repGender}</Text> : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }}>
            <TextInput label={t('producers.repEthnicity')} withAsterisk {...form.getInputProps('repEthnicity')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 2 }} pt={34}>
            <Checkbox label={t('producers.repDisability')} {...form.getInputProps('repDisability', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Select
              label={t('province.province')}
              withAsterisk
              searchable
              filter={foldFilter}
              data={(provinces.data ?? []).map((p) => ({ value: p.code, label: p.name }))}
              value={form.values.provinceCode || null}
              onChange={(v) => form.setValues({ provinceCode: v ?? '', communeCode: '' })}
              error={form.errors.provinceCode}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CommuneSelect
              provinceCode={form.values.provinceCode || null}
              value={form.values.communeCode || null}
              onChange={(v) => form.setFieldValue('communeCode', v ?? '')}
              error={typeof form.errors.communeCode === 'string' ? form.errors.communeCode : undefined}
              withAsterisk
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <TextInput label={t('producers.street')} {...form.getInputProps('street')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('producers.oldAddress')} {...form.getInputProps('oldAddress')} />
            <OldAddressHelper address={form.values.oldAddress} onPick={(m) => form.setValues({ provinceCode: m.provinceCode, communeCode: m.communeCode })} />
          </Grid.Col>
        </Grid>
        <FormFooter failure={failure} onCancel={onCancel} />
      </Stack>
      <Modal opened={askMove !== null} onClose={() => setAskMove(null)} title={t('producers.moveTitle')}>
        <Stack data-testid="move-products">
          <Text>{t('producers.moveAsk', { count: initial?.productCount ?? 0 })}</Text>
          <Text size="sm" c="dimmed">{t('producers.moveNote')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAskMove(null)}>{t('common.cancel')}</Button>
            <Button variant="light" onClick={() => void save(askMove!, false)}>{t('producers.moveNo')}</Button>
            <Button onClick={() => void save(askMove!, true)}>{t('producers.moveYes', { count: initial?.productCount ?? 0 })}</Button>
          </Group>
        </Stack>
      </Modal>
    </form>
  )
}
