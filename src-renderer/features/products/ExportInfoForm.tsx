import { Alert, Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'

const STORY_MAX = 20000
type Values = { revenueYear: number | string; annualRevenue: number | string; story: string }
const isSet = (v: number | string) => v !== '' && v !== null && v !== undefined

/** Doanh thu năm (PTNT_OCOP DoanhThuNam) and the product story (ocopvietnam.gov.vn) as the exports read them. */
export function ExportInfoForm({ productId }: { productId: number }) {
  const { t } = useTranslation('product-history')
  const api = useApi()
  const info = useQuery('products.exportInfo', { productId })
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const thisYear = new Date().getFullYear()
  const form = useForm<Values>({
    initialValues: { revenueYear: '', annualRevenue: '', story: '' },
    validate: {
      revenueYear: (v, all) =>
        !isSet(v) ? (isSet(all.annualRevenue) ? t('info.yearRequired') : null) : !Number.isInteger(Number(v)) || Number(v) < 2000 || Number(v) > thisYear ? t('info.yearRange', { max: thisYear }) : null,
      annualRevenue: (v, all) =>
        !isSet(v) ? (isSet(all.revenueYear) ? t('info.revenueRequired') : null) : !Number.isInteger(Number(v)) || Number(v) < 0 ? t('info.revenueInvalid') : null,
      story: (v) => (v.length > STORY_MAX ? t('info.storyTooLong', { max: STORY_MAX }) : null)
    }
  })
  const loaded = info.data
  useEffect(() => {
    if (!loaded) return
    form.setValues({ revenueYear: loaded.revenueYear ?? '', annualRevenue: loaded.annualRevenue ?? '', story: loaded.story })
    form.resetDirty()
    // Filled once per load: `form` is a new object every render and must not retrigger this.
  }, [loaded])
  const save = form.onSubmit(async (v) => {
    setMessage(null)
    const r = await api.call('exports.setProductInfo', {
      productId,
      revenueYear: isSet(v.revenueYear) ? Number(v.revenueYear) : null,
      annualRevenue: isSet(v.annualRevenue) ? Number(v.annualRevenue) : null,
      story: v.story
    })
    setMessage(r.ok ? { ok: true, text: t('info.saved') } : { ok: false, text: r.error.message })
    if (r.ok) info.reload()
  })
  if (info.error) return <Alert color="red">{info.error.message}</Alert>
  return (
    <form onSubmit={save} data-testid="export-info-form" data-loaded={loaded ? 'true' : 'false'}>
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('info.hint')}
        </Text>
        <Group grow align="flex-start">
          <NumberInput label={t('info.revenueYear')} placeholder={String(thisYear - 1)} allowDecimal={false} allowNegative={false} {...form.getInputProps('revenueYear')} />
          <NumberInput
            label={t('info.annualRevenue')}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator="."
            decimalSeparator=","
            suffix=" đ"
            {...form.getInputProps('annualRevenue')}
          />
        </Group>
        <Textarea label={t('info.story')} autosize minRows={3} maxRows={10} {...form.getInputProps('story')} />
        <Text size="xs" c="dimmed" ta="right">
          {t('info.storyLength', { n: form.values.story.length, max: STORY_MAX })}
        </Text>
        {message && (
          <Alert color={message.ok ? 'green' : 'red'} data-testid="export-info-message">
            {message.text}
          </Alert>
        )}
        <Group>
          <Button type="submit" disabled={!loaded}>
            {t('info.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
