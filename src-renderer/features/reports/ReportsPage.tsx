import { Stack, Tabs, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { useTabRoute } from '../../routing/hooks'
import { CertificatesPanel } from './CertificatesPanel'
import { ExportsPanel } from './ExportsPanel'
import { FiveStarPanel } from './FiveStarPanel'
import { MembersPanel } from './MembersPanel'
import { SigningPanel } from '../signing/SigningPanel'
import { BlockingPanel } from '../advice/BlockingPanel'
import { PeriodicPanel } from './PeriodicPanel'

const REPORT_TABS = ['certificates', 'exports', 'five-star', 'members', 'signing', 'blocking', 'periodic'] as const

/** Báo cáo: certificates (issue, expiry, revocation), exports for upload, and member analytics. */
export function ReportsPage() {
  const { t } = useTranslation('reports')
  const { t: ta } = useTranslation('advice')
  const [tab, setTab] = useTabRoute(REPORT_TABS, 'certificates')
  // `#/reports/certificates/<session id>`: the session's "what next" opens issuing with that session picked.
  const [loc] = useLocation()
  const forSession = /^\/certificates\/([1-9]\d{0,9})$/.exec(loc)?.[1]
  return (
    <Stack data-testid="reports-page">
      <Title order={2}>{t('title')}</Title>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="certificates">{t('tabs.certificates')}</Tabs.Tab>
          <Tabs.Tab value="exports" data-testid="tab-exports">
            {t('tabs.exports')}
          </Tabs.Tab>
          <Tabs.Tab value="five-star" data-testid="tab-five-star">
            {t('five-star:tab')}
          </Tabs.Tab>
          <Tabs.Tab value="members">{t('tabs.members')}</Tabs.Tab>
          <Tabs.Tab value="signing" data-testid="tab-signing">{t('tabs.signing')}</Tabs.Tab>
          <Tabs.Tab value="blocking" data-testid="tab-blocking">{ta('blocking.tab')}</Tabs.Tab>
          <Tabs.Tab value="periodic" data-testid="tab-periodic">{t('periodic.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="certificates" pt="md">
          <CertificatesPanel key={forSession ?? ''} sessionId={forSession ? Number(forSession) : undefined} />
        </Tabs.Panel>
        <Tabs.Panel value="exports" pt="md">
          <ExportsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="five-star" pt="md">
          <FiveStarPanel />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <MembersPanel />
        </Tabs.Panel>
        <Tabs.Panel value="periodic" pt="md">
          <PeriodicPanel />
        </Tabs.Panel>
        <Tabs.Panel value="blocking" pt="md">
          <BlockingPanel />
        </Tabs.Panel>
        <Tabs.Panel value="signing" pt="md">
          <SigningPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
