import { Alert, Badge, Button, Group, Loader, Stack, Tabs, Text, Title } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { AgendaTab } from './AgendaTab'
import { AttendanceTab } from './AttendanceTab'
import { ConflictsTab } from './ConflictsTab'
import { DocumentsTab } from './DocumentsTab'
import { FinalizeTab } from './FinalizeTab'
import { JoinCodesTab } from './JoinCodesTab'
import { PaperEntryTab } from './PaperEntryTab'
import { ProgressTab } from './ProgressTab'
import { ReviewTab } from './ReviewTab'
import { useSessionFreshness } from './useSessionFreshness'
import { WrittenOpinionsTab } from './WrittenOpinionsTab'
import { formatDay } from '../../../src-main/shared/vn-format'

/** One council meeting, in the order it runs: agenda, roll-call, conflicts, scoring progress, review, finalize. */
export const SESSION_TABS = ['agenda', 'attendance', 'conflicts', 'joinCodes', 'progress', 'paper', 'review', 'finalize', 'documents', 'opinions'] as const
export type SessionTab = (typeof SESSION_TABS)[number]

export interface SessionDetailProps {
  id: number
  onBack: () => void
  pollMs?: number
  /** The open tab when the address holds it; default a local tab starting at the agenda. */
  tab?: SessionTab
  onTab?: (tab: SessionTab) => void
}

export function SessionDetail({ id, onBack, pollMs, tab: routedTab, onTab }: SessionDetailProps) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const session = useQuery('sessions.get', { id })
  const [localTab, setLocalTab] = useState<SessionTab>('agenda')
  const tab = routedTab ?? localTab
  const setTab = (v: string | null) => {
    if (!v) return
    setLocalTab(v as SessionTab)
    onTab?.(v as SessionTab)
  }
  const [error, setError] = useState<string | null>(null)
  const refresh = useSessionFreshness(id, session.data, session.reload, pollMs)
  if (session.error) return <Alert color="red">{session.error.message}</Alert>
  if (!session.data) return <Loader />
  const s = session.data
  const move = async (to: 'draft' | 'open' | 'scoring' | 'review') => {
    const r = await api.call('sessions.setStatus', { id, to })
    setError(r.ok ? null : r.error.message)
    session.reload()
  }
  return (
    <Stack gap="sm" data-testid="session-detail" data-status={s.status}>
      <Group justify="space-between">
        <Group gap="sm">
          <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack}>{t('back')}</Button>
          <Title order={2} size="h3">{t('detail.title', { date: formatDay(s.date), place: s.place })}</Title>
          <Badge data-testid="session-status">{t(`status.${s.status}`)}</Badge>
        </Group>
        <Group gap="xs">
          {s.allowedNext.filter((n) => n !== 'finalized').map((n) => (
            <Button key={n} size="xs" variant="light" onClick={() => void move(n as 'draft' | 'open' | 'scoring' | 'review')} data-testid={`status-${n}`}>
              {/* From review the same move reopens scoring: "Bắt đầu chấm" would say it never began. */}
              {t(s.status === 'review' && n === 'scoring' ? 'statusTo.backToScoring' : `statusTo.${n}`)}
            </Button>
          ))}
        </Group>
      </Group>
      <Text size="sm" c="dimmed">{t('detail.council', { name: s.councilName, version: s.councilVersionNo, round: s.roundName })}</Text>
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Tabs
        value={tab}
        onChange={(v) => {
          setTab(v)
          void refresh()
        }}
        keepMounted={false}
      >
        {/* One row: all ten tabs fit at 1366 px (narrower side padding; the last one was cut at the edge); with
            large text the row scrolls sideways instead of wrapping onto a second line. */}
        <Tabs.List style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}>
          {['agenda', 'attendance', 'conflicts', 'joinCodes', 'progress', 'paper', 'review', 'finalize', 'documents'].map((k) => (
            <Tabs.Tab key={k} value={k} data-testid={`tab-${k}`} px="sm">{t(`tabs.${k}`)}</Tabs.Tab>
          ))}
          <Tabs.Tab value="opinions" data-testid="tab-opinions" px="sm">{t('reevaluation:tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="sm"><AgendaTab session={s} onChanged={session.reload} /></Tabs.Panel>
        <Tabs.Panel value="attendance" pt="sm"><AttendanceTab sessionId={id} status={s.status} /></Tabs.Panel>
        <Tabs.Panel value="conflicts" pt="sm"><ConflictsTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="joinCodes" pt="sm"><JoinCodesTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="progress" pt="sm"><ProgressTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="paper" pt="sm"><PaperEntryTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="review" pt="sm"><ReviewTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="finalize" pt="sm"><FinalizeTab session={s} onFinalized={session.reload} /></Tabs.Panel>
        <Tabs.Panel value="documents" pt="sm"><DocumentsTab session={s} /></Tabs.Panel>
        <Tabs.Panel value="opinions" pt="sm"><WrittenOpinionsTab sessionId={id} finalized={s.status === 'finalized'} /></Tabs.Panel>
      </Tabs>
    </Stack>
  )
}
