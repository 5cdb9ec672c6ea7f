import { Alert, Button, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSettings, SettingsSigner } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'

/**
 * Cài đặt → Văn bản: what the province's documents say — căn cứ lines per document, "Theo đề nghị của …", nơi nhận,
 * signers with their authority (KT./TM./Q.), running-text names. Each save is a new version; issued documents keep
 * the version they were issued under. Lists are edited one line per item.
 */
const AUTH = ['', 'TM', 'KT', 'TL', 'TUQ', 'Q'] as const
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean)
type ListKey = 'basis.decision' | 'basis.approval' | 'basis.submission' | 'recipients.decision' | 'recipients.approval' | 'recipients.submission' | 'recipients.report' | 'recipients.notice'
const LISTS: ListKey[] = ['basis.decision', 'basis.approval', 'basis.submission', 'recipients.decision', 'recipients.approval', 'recipients.submission', 'recipients.report', 'recipients.notice']

function get(s: DocumentSettings, k: ListKey): string[] {
  const [a, b] = k.split('.') as ['basis' | 'recipients', string]
  return (s[a] as Record<string, string[]>)[b] ?? []
}
function set(s: DocumentSettings, k: ListKey, v: string[]): DocumentSettings {
  const [a, b] = k.split('.') as ['basis' | 'recipients', string]
  return { ...s, [a]: { ...s[a], [b]: v } }
}

export function DocumentSettingsPanel() {
  const { t } = useTranslation('settings')
  const api = useApi()
  const q = useQuery('documentSettings.get', {})
  const [draft, setDraft] = useState<DocumentSettings | null>(null)
  const [texts, setTexts] = useState<Record<string, string>>({})
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (!q.data) return
    setDraft(q.data.settings)
    setTexts(Object.fromEntries(LISTS.map((k) => [k, get(q.data!.settings, k).join('\n')])))
  }, [q.data])
  if (!q.data || !draft) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader size="sm" />

  const signer = (who: 'committee' | 'council' | 'agency') => {
    const s = draft.signers[who]
    const put = (p: Partial<SettingsSigner>) => setDraft({ ...draft, signers: { ...draft.signers, [who]: { ...s, ...p } } })
    return (
      <Group key={who} align="flex-end" gap="xs" wrap="nowrap">
        <Select label={t(`docs.signer.${who}`)} w={110} data={AUTH.map((a) => ({ value: a, label: a ? `${a}.` : '—' }))} value={s.authority ?? ''} onChange={(v) => put({ authority: v ? (v as SettingsSigner['authority']) : null })} allowDeselect={false} />
        <TextInput label={t('docs.signer.of')} w={150} value={s.authorityOf} onChange={(e) => put({ authorityOf: e.currentTarget.value })} />
        <TextInput label={t('docs.signer.title')} w={150} value={s.title} onChange={(e) => put({ title: e.currentTarget.value })} />
        <TextInput label={t('docs.signer.name')} placeholder={t('docs.signer.fromCouncil')} w={200} value={s.name} onChange={(e) => put({ name: e.currentTarget.value })} />
      </Group>
    )
  }

  const save = async () => {
    let next = draft
    for (const k of LISTS) next = set(next, k, lines(texts[k] ?? ''))
    setBusy(true)
    const r = await api.call('documentSettings.save', { settings: next })
    setBusy(false)
    setMsg(r.ok ? { ok: true, text: t('docs.saved', { version: r.value.versionId }) } : { ok: false, text: r.error.message })
    if (r.ok) q.reload()
  }

  return (
    <Stack gap="xs" data-testid="document-settings">
      <Title order={4}>{t('docs.title')}</Title>
      <Text size="sm" c="dimmed">{q.data.versionId ? t('docs.version', { version: q.data.versionId }) : t('docs.defaults')}</Text>
      <Text size="xs" c="dimmed">{t('docs.placeholders')}</Text>
      <SimpleGrid cols={2}>
        <TextInput label={t('docs.committeeName')} value={draft.committeeName} onChange={(e) => setDraft({ ...draft, committeeName: e.currentTarget.value })} />
        <TextInput label={t('docs.agencyName')} value={draft.agencyName} onChange={(e) => setDraft({ ...draft, agencyName: e.currentTarget.value })} />
        <TextInput label={t('docs.agencySymbol')} value={draft.agencySymbol} onChange={(e) => setDraft({ ...draft, agencySymbol: e.currentTarget.value })} />
      </SimpleGrid>
      {(['committee', 'council', 'agency'] as const).map(signer)}
      <TextInput label={t('docs.proposer.decision')} value={draft.proposer.decision} onChange={(e) => setDraft({ ...draft, proposer: { ...draft.proposer, decision: e.currentTarget.value } })} />
      <TextInput label={t('docs.proposer.approval')} value={draft.proposer.approval} onChange={(e) => setDraft({ ...draft, proposer: { ...draft.proposer, approval: e.currentTarget.value } })} />
      {LISTS.map((k) => (
        <Textarea key={k} label={t(`docs.lists.${k}`)} autosize minRows={2} maxRows={8} value={texts[k] ?? ''} onChange={(e) => setTexts({ ...texts, [k]: e.currentTarget.value })} data-testid={`docs-${k}`} />
      ))}
      <Group>
        <Button loading={busy} onClick={() => void save()} data-testid="document-settings-save">{t('docs.save')}</Button>
        <Button variant="default" onClick={() => (setDraft(q.data!.defaults), setTexts(Object.fromEntries(LISTS.map((k) => [k, get(q.data!.defaults, k).join('\n')]))))}>{t('docs.resetDefaults')}</Button>
      </Group>
      {msg ? <Alert color={msg.ok ? 'green' : 'red'} data-testid="document-settings-message">{msg.text}</Alert> : null}
    </Stack>
  )
}
