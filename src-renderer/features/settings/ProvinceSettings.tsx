import { Alert, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { foldFilter } from '../catalogue/CommuneSelect'
import { zodValidate } from '../catalogue/zod-form'

interface Values {
  provinceCode: string
  bodyName: string
  advisoryBody: string
  placeName: string
}

/** Cài đặt → the province the app serves, its body and advisory body, and the place name printed on documents. */
export function ProvinceSettings() {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const provinces = useQuery('admin.provinces', {})
  const current = useQuery('settings.getProvince', {})
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null)
  const form = useForm<Values>({
    initialValues: { provinceCode: '', bodyName: '', advisoryBody: '', placeName: '' },
    validate: zodValidate<Values>(contract['settings.setProvince'].input)
  })
  const { setValues, resetDirty } = form
  useEffect(() => {
    if (!current.data) return
    const v = { ...current.data, provinceCode: current.data.provinceCode ?? '' }
    setValues(v)
    resetDirty(v)
  }, [current.data, setValues, resetDirty])

  const pickProvince = (code: string | null): void => {
    form.setFieldValue('provinceCode', code ?? '')
    const p = provinces.data?.find((x) => x.code === code)
    if (!p) return
    const bare = p.name.replace(/^(Tỉnh|Thành phố)\s+/, '')
    // Fill the usual wording once; the user can still edit it.
    if (!form.values.bodyName) form.setFieldValue('bodyName', `ỦY BAN NHÂN DÂN ${p.name.toUpperCase()}`)
    if (!form.values.advisoryBody) form.setFieldValue('advisoryBody', 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG')
    if (!form.values.placeName) form.setFieldValue('placeName', bare)
  }

  const save = form.onSubmit(async (values) => {
    const r = await api.call('settings.setProvince', values)
    setStatus(r.ok ? { ok: true, message: t('province.saved') } : { ok: false, message: r.error.message })
  })

  return (
    <Stack gap="xs" data-testid="province-settings">
      <Title order={4}>{t('province.title')}</Title>
      <Text size="sm" c="dimmed">{t('province.hint')}</Text>
      <form onSubmit={save} noValidate>
        <Stack gap="xs">
          <Select
            label={t('province.province')}
            withAsterisk
            searchable
            filter={foldFilter}
            data={(provinces.data ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
            value={form.values.provinceCode || null}
            onChange={pickProvince}
            error={form.errors.provinceCode}
          />
          <TextInput label={t('province.bodyName')} withAsterisk {...form.getInputProps('bodyName')} />
          <TextInput label={t('province.advisoryBody')} withAsterisk {...form.getInputProps('advisoryBody')} />
          <TextInput label={t('province.placeName')} withAsterisk {...form.getInputProps('placeName')} />
          <Group>
            <Button type="submit">{t('common.save')}</Button>
          </Group>
          {status ? (
            <Alert color={status.ok ? 'green' : 'red'} data-status={status.ok ? 'saved' : 'error'}>
              {status.message}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Stack>
  )
}
