import { Stack, Switch, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLargeText } from '../../ui/LargeText'

/** "Hiển thị": large text for this device — the same preference as the header switch (kept in localStorage). */
export function DisplaySettings() {
  const { t } = useTranslation('settings')
  const [on, setOn] = useLargeText()
  return (
    <Stack gap="xs" data-testid="display-settings">
      <Title order={4}>{t('display.title')}</Title>
      <Switch
        label={t('display.largeText')}
        description={t('display.largeTextHint')}
        checked={on}
        onChange={(e) => setOn(e.currentTarget.checked)}
        data-testid="settings-large-text"
      />
      <Text size="sm" c="dimmed">{t('display.perDevice')}</Text>
    </Stack>
  )
}
