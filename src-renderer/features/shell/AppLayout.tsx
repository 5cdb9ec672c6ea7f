import { Alert, AppShell, Badge, Group, Loader, NavLink, Stack, Text, Title } from '@mantine/core'
import { Suspense, useEffect, useRef, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, Redirect, Route, Switch, useLocation } from 'wouter'
import { useFocusFirstErrorOnSubmit } from '../../ui/focusFirstError'
import { LargeTextSwitch } from '../../ui/LargeText'
import { areaOf, NAV_ITEMS, type NavItem } from '../registry'

export interface AppLayoutProps {
  /** The navigation; default NAV_ITEMS. */
  items?: readonly NavItem[]
}

/**
 * The office window: header, sidebar of real links (`#/<area>`, reachable with Tab) and the routed page. Each area
 * is a nested route, so its screens address their records relative to it (`/42` inside `#/products`).
 */
export function AppLayout({ items = NAV_ITEMS }: AppLayoutProps) {
  const { t } = useTranslation()
  const [location] = useLocation()
  const active = areaOf(location, items)
  const main = useRef<HTMLElement>(null)
  const area = active?.id ?? null
  const first = useRef(true)
  useFocusFirstErrorOnSubmit()
  // A new area moves the keyboard focus to the page (screen readers announce it); the first render leaves it alone.
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    main.current?.focus({ preventScroll: true })
  }, [area])
  const skip = (e: MouseEvent) => {
    e.preventDefault()
    main.current?.focus()
  }
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 240, breakpoint: 0 }} padding="md">
      <a href="#noi-dung" className="skip-link" onClick={skip}>{t('office:skipToContent')}</a>
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm">
          <Title order={1} size="h3" c="green.9">
            {t('app.title')}
          </Title>
          <Text size="sm" c="dimmed" visibleFrom="lg">
            {t('app.subtitle')}
          </Text>
          <Group ml="auto">
            <LargeTextSwitch />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('office:navigation')}>
        <Stack gap={2}>
          {items.filter((n) => !n.hidden).map((n) => (
            <NavLink
              key={n.id}
              component={Link}
              href={n.path}
              label={t(n.label)}
              active={n.id === active?.id}
              aria-current={n.id === active?.id ? 'page' : undefined}
              data-available={n.page ? 'true' : 'false'}
              data-nav={n.id}
              rightSection={n.page ? null : <Badge size="xs" variant="light" color="gray">{t('nav.notAvailable')}</Badge>}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="noi-dung" ref={main} tabIndex={-1} style={{ outline: 'none' }}>
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <Switch>
            {items.map((n) => (
              <Route key={n.id} path={n.path} nest={n.path !== '/'}>
                <AreaPage item={n} />
              </Route>
            ))}
            <Route><Redirect to="/" replace /></Route>
          </Switch>
        </Suspense>
      </AppShell.Main>
    </AppShell>
  )
}

function AreaPage({ item }: { item: NavItem }) {
  const { t } = useTranslation()
  const Page = item.page
  return Page ? (
    <Page />
  ) : (
    <Alert color="gray" title={t('nav.notAvailableTitle')} maw={640}>
      {t('nav.notAvailableBody', { name: t(item.label) })}
    </Alert>
  )
}
