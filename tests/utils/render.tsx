import { MantineProvider } from '@mantine/core'
import { DatesProvider } from '@mantine/dates'
import 'dayjs/locale/vi'
import { render as rtlRender, type RenderOptions } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement, ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { Router } from 'wouter'
import { memoryLocation } from 'wouter/memory-location'
import type { ApiClient } from '../../src-renderer/api/client'
import { ApiProvider } from '../../src-renderer/api/context'
import { createI18n } from '../../src-renderer/i18n'

export * from '@testing-library/react'

/**
 * Renders inside Mantine (env="test": no transitions or portals in the way), i18n (vi), an API client and an
 * in-memory router starting at `path` (default `/`), so each test has its own address and history.
 */
export function render(ui: ReactElement, opts: { client?: ApiClient; path?: string } & Omit<RenderOptions, 'wrapper'> = {}) {
  const i18n = createI18n('vi')
  const location = memoryLocation({ path: opts.path ?? '/', record: true })
  const client: ApiClient = opts.client ?? { call: async () => ({ ok: false, error: { code: 'INTERNAL', message: 'no client in test' } }) }
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <MantineProvider env="test">
      <DatesProvider settings={{ locale: 'vi', firstDayOfWeek: 1 }}>
      <I18nextProvider i18n={i18n}>
        <ApiProvider client={client}>
          <Router hook={location.hook}>{children}</Router>
        </ApiProvider>
      </I18nextProvider>
      </DatesProvider>
    </MantineProvider>
  )
  return { user: userEvent.setup(), location, ...rtlRender(ui, { wrapper: Wrapper, ...opts }) }
}
