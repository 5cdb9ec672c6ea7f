import { Divider, Loader, Stack, Title } from '@mantine/core'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/contract'
import { useQuery } from '../../api/context'
import { DocumentList } from './documents/DocumentList'
import { GeneratePanel } from './documents/GeneratePanel'
import { MinutesTextPanel } from './documents/MinutesTextPanel'
import { PackPanel } from './documents/PackPanel'

/** "Văn bản": the session's official documents — one at a time, the whole pack, and what the register holds. */
export function DocumentsTab({ session }: { session: Session }) {
  const { t } = useTranslation('session-documents')
  const info = useQuery('app.info', {})
  const docs = useQuery('documents.sessionList', { sessionId: session.id })
  const reload = docs.reload
  const onDone = useCallback(() => reload(), [reload])
  return (
    <Stack gap="md" data-testid="documents-tab">
      {session.status === 'finalized' ? (
        <>
          <Title order={3} size="h5">{t('pack.title')}</Title>
          <PackPanel sessionId={session.id} onDone={onDone} />
          <Divider />
          <Title order={3} size="h5">{t('minutesText.title')}</Title>
          <MinutesTextPanel sessionId={session.id} />
          <Divider />
        </>
      ) : null}
      <Title order={3} size="h5">{t('form.title')}</Title>
      <GeneratePanel session={session} refresh={docs.data?.length ?? 0} onGenerated={onDone} />
      <Divider />
      <Title order={3} size="h5">{t('list.title')}</Title>
      {docs.data && info.data ? <DocumentList docs={docs.data} mode={info.data.mode} /> : <Loader size="sm" />}
    </Stack>
  )
}
