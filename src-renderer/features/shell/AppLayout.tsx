import { Alert, AppShell, Badge, Group, NavLink, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NAV_ITEMS, type NavItem } from '../registry'

export interface AppLayoutProps {
  /** Id of the area shown first; default 'dashboard'. */
  initial?: string
  /** The navigation; default NAV_ITEMS. */
  items?: readonly NavItem[]
}

export function AppLayout({ initial = 'dashboard', items = NAV_ITEMS }: AppLayoutProps) {
  const { t } = useTranslation()
  const [active, setActive] = useState(initial)
  const item = items.find((n) => n.id === active) ?? items[0]!
  const Page = item.page
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Title order={3} c="green.8">
            {t('app.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('app.subtitle')}
          </Text>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Điều hướng">
        <Stack gap={2}>
          {items.map((n) => (
            <NavLink
              key={n.id}
              label={t(n.label)}
              active={n.id === active}
              data-available={n.page ? 'true' : 'false'}
              onClick={() => setActive(n.id)}
              rightSection={n.page ? null : <Badge size="xs" variant="light" color="gray">{t('nav.notAvailable')}</Badge>}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main>
        {Page ? (
          <Page />
        ) : (
          <Alert color="gray" title={t('nav.notAvailableTitle')} maw={640}>
            {t('nav.notAvailableBody', { name: t(item.label) })}
          </Alert>
        )}
      </AppShell.Main>
    </AppShell>
  )
}
