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

/**
 * The form's values. A fact may be "Chưa rõ" (issue 12: recorded from a legacy list) only when the clerk says so
 * with its own control, so an empty field is still an error and unknown is never a silent default.
 */
type Values = Omit<Required<ProducerInput>, 'kind' | 'repName' | 'repGender' | 'repEthnicity' | 'repDisability' | 'communeCode'> & {
  kind: ProducerInput['kind'] | ''
  repName: string
  repNameUnknown: boolean
  repGender: 'nam' | 'nu' | 'unknown' | ''
  repEthnicity: string
  repEthnicityUnknown: boolean
  repDisability: 'no' | 'yes' | 'unknown'
  communeCode: string
  communeUnknown: boolean
}

const fromProducer = (p: Producer): Values => ({
  kind: p.kind,
  name: p.name,
  regNo: p.regNo,
  repName: p.repName ?? '',
  repNameUnknown: p.repName === null,
  repGender: p.repGender ?? 'unknown',
  repEthnicity: p.repEthnicity ?? '',
  repEthnicityUnknown: p.repEthnicity === null,
  repDisability: p.repDisability === null ? 'unknown' : p.repDisability ? 'yes' : 'no',
  provinceCode: p.provinceCode,
  communeCode: p.communeCode ?? '',
  communeUnknown: p.communeCode === null,
  street: p.street,
  oldAddress: p.oldAddress,
  phone: p.phone,
  email: p.email
})

/** What the contract receives: "Chưa rõ" as null. */
const toInput = (v: Values): ProducerInput => ({
  kind: (v.kind || undefined) as ProducerInput['kind'],
  name: v.name,
  regNo: v.regNo,
  repName: v.repNameUnknown ? null : v.repName,
  repGender: v.repGender === 'unknown' ? null : ((v.repGender || undefined) as ProducerInput['repGender']),
  repEthnicity: v.repEthnicityUnknown ? null : v.repEthnicity,
  repDisability: v.repDisability === 'unknown' ? null : v.repDisability === 'yes',
  provinceCode: v.provinceCode,
  communeCode: v.communeUnknown ? null : v.communeCode,
  street: v.street,
  oldAddress: v.oldAddress,
  phone: v.phone,
  email: v.email
})
const validateInput = zodValidate<ProducerInput>(zProducerInput)

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
      : {
          kind: '',
          name: '',
          regNo: '',
          repName: '',
          repNameUnknown: false,
          repGender: '',
          repEthnicity: 'Kinh',
          repEthnicityUnknown: false,
          repDisability: 'no',
          provinceCode: defaultProvince ?? '',
          communeCode: '',
          communeUnknown: false,
          street: '',
          oldAddress: '',
          phone: '',
          email: ''
        },
    validate: (v) => validateInput(toInput(v))
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
    const input = toInput(values)
    // (To an unknown commune nothing moves: a product always has its commune.)
    if (initial && initial.productCount > 0 && input.communeCode !== null && input.communeCode !== initial.communeCode) return setAskMove(input)
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
            <TextInput label={t('producers.repName')} withAsterisk={!form.values.repNameUnknown} disabled={form.values.repNameUnknown} {...form.getInputProps('repName')} />
            <Checkbox mt={4} size="xs" label={t('producers.unknownRepName')} {...form.getInputProps('repNameUnknown', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Text size="sm" fw={500}>{t('producers.repGender')}</Text>
            <SegmentedControl
              data={[...GENDERS.map((g) => ({ value: g, label: t(`genders.${g}`) })), { value: 'unknown', label: t('producers.unknown') }]}
              value={form.values.repGender}
              onChange={(v) => form.setFieldValue('repGender', v as Values['repGender'])}
              aria-label={t('producers.repGender')}
            />
            {form.errors.repGender ? <Text size="xs" c="red">{form.errors.repGender}</Text> : null}
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput label={t('producers.repEthnicity')} withAsterisk={!form.values.repEthnicityUnknown} disabled={form.values.repEthnicityUnknown} {...form.getInputProps('repEthnicity')} />
            <Checkbox mt={4} size="xs" label={t('producers.unknownEthnicity')} {...form.getInputProps('repEthnicityUnknown', { type: 'checkbox' })} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Text size="sm" fw={500}>{t('producers.repDisability')}</Text>
            <SegmentedControl
              data={[
                { value: 'no', label: t('producers.no') },
                { value: 'yes', label: t('producers.yes') },
                { value: 'unknown', label: t('producers.unknown') }
              ]}
              value={form.values.repDisability}
              onChange={(v) => form.setFieldValue('repDisability', v as Values['repDisability'])}
              aria-label={t('producers.repDisability')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Text size="xs" c="dimmed" pt={4}>{t('producers.unknownHint')}</Text>
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
              value={form.values.communeUnknown ? null : form.values.communeCode || null}
              onChange={(v) => form.setFieldValue('communeCode', v ?? '')}
              error={typeof form.errors.communeCode === 'string' ? form.errors.communeCode : undefined}
              withAsterisk={!form.values.communeUnknown}
              disabled={form.values.communeUnknown}
            />
            <Checkbox mt={4} size="xs" label={t('producers.unknownCommune')} {...form.getInputProps('communeUnknown', { type: 'checkbox' })} />
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
