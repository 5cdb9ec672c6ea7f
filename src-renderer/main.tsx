import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/charts/styles.css'
import './office.css'
import 'dayjs/locale/vi'
import './touch.css'
import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { Router } from 'wouter'
import { useHashLocation } from 'wouter/use-hash-location'
import { defaultClient } from './api/client'
import { ApiProvider } from './api/context'
import { isLoopbackHost, MemberApp } from './features/scoring/MemberApp'
import { AppLayout } from './features/shell/AppLayout'
import { createI18n } from './i18n'
import { cssVariablesResolver, theme } from './theme'

const client = defaultClient()
// A council member's window in browser mode (issue 5 §10) opens at #join and never sees the office screens; any
// device reaching the server by a LAN address is a member's (the office answers on loopback only, issue 13).
const memberWindow = !window.ocop && (window.location.hash.startsWith('#join') || !isLoopbackHost(window.location.hostname))
const i18n = createI18n('vi')

// The language chosen in Settings is stored in the DB, so the desktop app and browser mode agree.
void client.call('settings.getUi', {}).then((r) => {
  if (r.ok && r.value.language !== i18n.language) void i18n.changeLanguage(r.value.language)
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1 }}>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>
          {memberWindow ? (
            <MemberApp />
          ) : (
            // Hash addresses (#/products/42) work the same under app:// and in browser mode: F5, Back, bookmarks.
            <Router hook={useHashLocation}>
              <AppLayout />
            </Router>
          )}
        </ApiProvider>
      </I18nextProvider>
      </DatesProvider>
    </MantineProvider>
  </StrictMode>
)
