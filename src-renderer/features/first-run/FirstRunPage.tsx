import { Alert, Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { useApi, useQuery } from '../../api/context'
import { DocumentSettingsPanel } from '../settings/DocumentSettingsPanel'
import { ProvinceSettings } from '../settings/ProvinceSettings'

function Step({ no, children }: { no: number; children: ReactNode }) {
  return (
    <Card withBorder>
      <Group align="flex-start" wrap="nowrap" gap="md">
        <ThemeIcon radius="xl" size="lg" color="green.8" aria-hidden>
          {no}
        </ThemeIcon>
        <Stack gap="xs" style={{ flex: 1 }}>
          {children}
        </Stack>
      </Group>
    </Card>
  )
}

/**
 * Thiết lập ban đầu (issue 12 item 7): on an empty database, the province, its document settings and the council,
 * instead of a dashboard of zeros. The first two reuse the panels of Cài đặt; the council has its own screen. "Hoàn
 * tất" needs the province; "Để sau" puts the set-up off. Either way the dashboard shows from then on.
 */
export function FirstRunPage() {
  const { t } = useTranslation('settings')
  const api = useApi()
  const [, navigate] = useLocation()
  const status = useQuery('settings.firstRun', {})
  const [error, setError] = useState<string | null>(null)
  const finish = async (skipped: boolean): Promise<void> => {
    setError(null)
    if (!skipped) {
      const p = await api.call('settings.getProvince', {})
      if (p.ok && p.value.provinceCode === null) return setError(t('firstRun.provinceFirst'))
    }
    const r = await api.call('settings.finishFirstRun', { skipped })
    if (!r.ok) return setError(r.error.message)
    navigate('~/')
  }
  const councils = status.data?.councils ?? 0
  return (
    <Stack maw={820} data-testid="first-run-page">
      <Title order={2}>{t('firstRun.title')}</Title>
      <Text>{t('firstRun.intro')}</Text>
      <Step no={1}>
        <ProvinceSettings />
      </Step>
      <Step no={2}>
        <DocumentSettingsPanel />
      </Step>
      <Step no={3}>
        <Title order={4}>{t('firstRun.council')}</Title>
        <Text size="sm" c="dimmed">
          {councils ? t('firstRun.councilDone', { count: councils }) : t('firstRun.councilHint')}
        </Text>
        <Group>
          <Button component={Link} href="~/councils" variant="light" data-testid="first-run-council">
            {t('firstRun.councilOpen')}
          </Button>
        </Group>
      </Step>
      {error ? (
        <Alert color="red" data-testid="first-run-error">
          {error}
        </Alert>
      ) : null}
      <Group>
        <Button color="green" onClick={() => void finish(false)} data-testid="first-run-finish">
          {t('firstRun.finish')}
        </Button>
        <Button variant="default" onClick={() => void finish(true)} data-testid="first-run-later">
          {t('firstRun.later')}
        </Button>
      </Group>
    </Stack>
  )
}
