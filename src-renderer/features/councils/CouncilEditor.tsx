import { Alert, Badge, Button, Grid, Group, List, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { councilIssues, quorumCount, scoringMembers } from '../../../src-main/domain/council'
import { ADVISORY_ROLES, COUNCIL_ROLES, type Council, type CouncilVersion } from '../../../src-main/shared/api/councils'
import { useApi } from '../../api/context'
import { emptyCouncil, toPayload, validateCouncil, type CouncilFormValues } from './councilForm'
import { PeopleTable } from './PeopleTable'
import { QuyCheForm } from './QuyCheForm'
import { VersionList } from './VersionList'
import { focusFirstError } from '../../ui/focusFirstError'
import { VnDateInput } from '../../ui/VnDateInput'

export interface CouncilEditorProps {
  council: Council | null
  versions: CouncilVersion[]
  /** Called with the saved council and the confirmation to show, so the page can reload and reopen it. */
  onSaved: (c: Council, notice: string) => void
  onBack: () => void
  /** A confirmation carried over from the previous editor instance (the page remounts the editor after a save). */
  notice?: string | null
}

/** Create or edit a draft council, activate it, or issue a revision of an active one. */
export function CouncilEditor({ council, versions, onSaved, onBack, notice = null }: CouncilEditorProps) {
  const { t } = useTranslation('councils')
  const api = useApi()
  const [message, setMessage] = useState<{ color: string; text: string } | null>(notice ? { color: 'green', text: notice } : null)
  const [reason, setReason] = useState('')
  const form = useForm<CouncilFormValues>({
    mode: 'controlled',
    initialValues: council ? structuredClone(council.council) : emptyCouncil(),
    validate: validateCouncil,
    validateInputOnBlur: true
  })
  const values = form.getValues()
  // An incomplete form is not "ready": it says what is missing first, then the decision's activation rules.
  const readiness = useMemo(() => (Object.keys(validateCouncil(values)).length ? [{ path: 'form', message: t('office:council.completeFirst') }] : councilIssues(toPayload(values))), [values, t])
  const active = council?.status === 'active'

  const run = async (fn: () => Promise<{ ok: true; value: Council } | { ok: false; error: { message: string } }>, done: (c: Council) => string) => {
    if (form.validate().hasErrors) {
      focusFirstError()
      return setMessage({ color: 'red', text: t('form.fixErrors') })
    }
    const r = await fn()
    if (!r.ok) return setMessage({ color: 'red', text: r.error.message })
    const text = done(r.value)
    setMessage({ color: 'green', text })
    onSaved(r.value, text)
  }
  const save = () =>
    run(
      () => (council ? api.call('councils.update', { id: council.id, council: toPayload(form.getValues()) }) : api.call('councils.create', toPayload(form.getValues()))),
      () => t('form.saved')
    )
  const activate = () =>
    run(
      async () => {
        const saved = await api.call('councils.update', { id: council!.id, council: toPayload(form.getValues()) })
        return saved.ok ? api.call('councils.activate', { id: council!.id }) : saved
      },
      (c) => t('form.activated', { no: c.currentVersion?.versionNo ?? 1 })
    )
  const revise = () =>
    run(
      () => api.call('councils.revise', { id: council!.id, baseVersionNo: council!.currentVersion!.versionNo, reason, council: toPayload(form.getValues()) }),
      (c) => t('form.revised', { no: c.currentVersion?.versionNo ?? 0 })
    )

  return (
    <Stack data-testid="council-editor" data-status={council?.status ?? 'new'}>
      <Group justify="space-between">
        <Group>
          <Button variant="subtle" onClick={onBack}>{t('form.back')}</Button>
          <Title order={2}>{council ? council.council.name : t('form.newTitle')}</Title>
          {council ? <Badge color={active ? 'green' : 'gray'}>{t(`status.${council.status}`)}</Badge> : null}
        </Group>
      </Group>
      {message ? <Alert color={message.color} data-testid="council-message">{message.text}</Alert> : null}

      <Title order={4}>{t('form.decisionSection')}</Title>
      <Grid>
        <Grid.Col span={12}><TextInput label={t('form.name')} withAsterisk {...form.getInputProps('name')} /></Grid.Col>
        <Grid.Col span={3}><TextInput label={t('form.decisionNo')} withAsterisk {...form.getInputProps('decisionNo')} /></Grid.Col>
        <Grid.Col span={3}><VnDateInput label={t('form.decisionDate')} withAsterisk {...form.getInputProps('decisionDate')} /></Grid.Col>
        <Grid.Col span={3}><TextInput label={t('form.signerName')} withAsterisk {...form.getInputProps('signerName')} /></Grid.Col>
        <Grid.Col span={3}><TextInput label={t('form.signerTitle')} withAsterisk {...form.getInputProps('signerTitle')} /></Grid.Col>
        <Grid.Col span={3}><VnDateInput label={t('form.periodFrom')} withAsterisk {...form.getInputProps('periodFrom')} /></Grid.Col>
        <Grid.Col span={3}>
          <VnDateInput
            label={t('form.periodTo')}
            description={t('form.periodToHint')}
            {...form.getInputProps('periodTo')}
            value={values.periodTo}
            onChange={(d) => form.setFieldValue('periodTo', d || null)}
          />
        </Grid.Col>
        <Grid.Col span={3}><TextInput label={t('form.quyCheDecisionNo')} description={t('form.quyCheDecisionHint')} {...form.getInputProps('quyCheDecisionNo')} /></Grid.Col>
        <Grid.Col span={3}>
          <TextInput
            type="date"
            label={t('form.quyCheDecisionDate')}
            {...form.getInputProps('quyCheDecisionDate')}
            value={values.quyCheDecisionDate ?? ''}
            onChange={(e) => form.setFieldValue('quyCheDecisionDate', e.currentTarget.value || null)}
          />
        </Grid.Col>
      </Grid>

      <Title order={4}>{t('members.title')}</Title>
      <PeopleTable form={form} field="members" roles={COUNCIL_ROLES} roleLabels="members.roles" addLabel={t('members.add')} emptyLabel={t('members.empty')} />
      <Text size="sm" data-testid="council-summary">
        {t('form.summary', { members: values.members.length, scorers: scoringMembers(values), quorum: quorumCount(values) })}
      </Text>

      <Title order={4}>{t('advisory.title')}</Title>
      <PeopleTable form={form} field="advisory" roles={ADVISORY_ROLES} roleLabels="advisory.roles" addLabel={t('advisory.add')} emptyLabel={t('advisory.empty')} labelPrefix={`${t('advisory.title')} – `} />

      <QuyCheForm form={form} />

      <Alert color={readiness.length ? 'yellow' : 'green'} title={t('form.readiness')} data-testid="council-readiness" data-ready={readiness.length ? 'false' : 'true'}>
        {readiness.length ? (
          <List size="sm">{readiness.map((i) => <List.Item key={`${i.path}-${i.message}`}>{i.message}</List.Item>)}</List>
        ) : (
          t('form.ready')
        )}
      </Alert>

      {active ? (
        <Stack gap="xs">
          <Text size="sm" c="dimmed">{t('form.reviseHint')}</Text>
          <Group align="flex-end">
            <TextInput w={420} label={t('form.reviseReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Button onClick={() => void revise()} disabled={!reason.trim()}>{t('form.revise')}</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="xs">
          <Group>
            <Button variant="light" onClick={() => void save()}>{t('form.saveDraft')}</Button>
            {council ? (
              <Button color="green" onClick={() => void activate()} disabled={readiness.length > 0}>{t('form.activate')}</Button>
            ) : null}
          </Group>
          <Text size="xs" c="dimmed">{t('form.activateHint')}</Text>
        </Stack>
      )}
      {council ? <VersionList versions={versions} /> : null}
    </Stack>
  )
}
