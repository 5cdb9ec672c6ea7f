import '@mantine/core/styles.css'
import './touch.css'
import { MantineProvider } from '@mantine/core'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { I18nextProvider } from 'react-i18next'
import { defaultClient } from './api/client'
import { ApiProvider } from './api/context'
import { isLoopbackHost, MemberApp } from './features/scoring/MemberApp'
import { AppLayout } from './features/shell/AppLayout'
import { createI18n } from './i18n'
import { theme } from './theme'

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
    <MantineProvider theme={theme}>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>
          {memberWindow ? <MemberApp /> : <AppLayout />}
        </ApiProvider>
      </I18nextProvider>
    </MantineProvider>
  </StrictMode>
)
