import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { ConflictDeclaration } from './ConflictDeclaration'
import { DossierDrawer } from './DossierDrawer'
import { ScoringSheet } from './ScoringSheet'

export interface SheetPageProps {
  sessionId: number
  productId: number
  memberId: number
  onBack?: () => void
}

/** A member's sheet for one product, wired to the API: conflict declaration first, then the sheet or its review. */
export function SheetPage({ sessionId, productId, memberId, onBack }: SheetPageProps) {
  const { t } = useTranslation('scoring')
  const api = useApi()
  const ref = { sessionId, productId, memberId }
  const sheet = useQuery('sheets.get', ref)
  const [dossierOpen, setDossierOpen] = useState(false)
  // The server refuses a save made against an older version of the answer; this is the version last seen per criterion.
  const versions = useRef(new Map<string, number>())
  const answers = useMemo(() => {
    const out: Record<string, string> = {}
    versions.current.clear()
    for (const a of sheet.data?.answers ?? []) {
      versions.current.set(a.criterionCode, a.version)
      if (a.optionId !== null) out[a.criterionCode] = a.optionId
    }
    return out
  }, [sheet.data])

  if (sheet.error) return <Alert color="red" role="alert">{sheet.error.message}</Alert>
  if (!sheet.data) return <Loader aria-label={t('loading')} />
  const s = sheet.data
  const back = onBack ? <Button variant="subtle" leftSection={<IconArrowLeft size={16} />} onClick={onBack} w="fit-content">{t('back')}</Button> : null

  if (s.state === 'not-declared')
    return (
      <Stack>
        {back}
        <ConflictDeclaration sessionId={sessionId} productId={productId} memberId={memberId} productName={s.product.name} onDeclared={() => sheet.reload()} />
      </Stack>
    )
  if (s.state === 'recused' || s.state === 'not-eligible')
    return (
      <Stack>
        {back}
        <Alert color="orange" data-testid="sheet-unavailable">{t(s.state === 'recused' ? 'recused' : 'notEligible', { name: s.product.name })}</Alert>
      </Stack>
    )

  const saveAnswer = async (criterionCode: string, optionId: string) => {
    const r = await api.call('sheets.saveAnswer', { ...ref, criterionCode, optionId, expectedVersion: versions.current.get(criterionCode) ?? 0 })
    if (r.ok) versions.current.set(criterionCode, r.value.version)
    else if (r.error.code === 'CONFLICT') {
      // Saved meanwhile from another window: take the stored version so the automatic retry writes this choice.
      const fresh = await api.call('sheets.get', ref)
      if (fresh.ok) for (const a of fresh.value.answers) versions.current.set(a.criterionCode, a.version)
    }
    return r
  }

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        {back}
        {s.earlierRounds.length > 0 ? (
          <Text size="sm" c="dimmed" data-testid="earlier-rounds">
            {s.earlierRounds.map((r) => t('earlierRound', { n: r.scoringRound, total: r.total ?? '—' })).join(' · ')}
          </Text>
        ) : null}
      </Group>
      <ScoringSheet
        key={`${s.scoringRound}-${s.submittedAt ?? ''}`}
        set={s.criteriaSet}
        header={{
          productName: s.product.name,
          productCode: s.product.code || null,
          producerName: s.product.producerName,
          // The header comes with the sheet: a member token reads nothing else of the producer.
          producerPhone: s.product.producerPhone,
          producerAddress: s.product.producerAddress
        }}
        memberName={s.member.fullName}
        round={s.scoringRound}
        answers={answers}
        comment={s.comment}
        knockouts={s.knockouts}
        setKnockout={(criterionCode, flagged, note) => api.call('sheets.setKnockout', { ...ref, criterionCode, flagged, note })}
        submittedAt={s.submittedAt}
        readOnly={!s.editable}
        saveAnswer={saveAnswer}
        saveComment={(comment) => api.call('sheets.saveComment', { ...ref, comment })}
        submit={() => api.call('sheets.submit', ref)}
        onOpenDossier={() => setDossierOpen(true)}
      />
      <DossierDrawer productId={productId} opened={dossierOpen} onClose={() => setDossierOpen(false)} />
    </Stack>
  )
}
