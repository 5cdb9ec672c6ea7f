import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core'
import { IconArrowLeft } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'
import { ConflictDeclaration } from './ConflictDeclaration'
import { DossierDrawer } from './DossierDrawer'
import { readPlace, writePlace } from './memberPlace'
import { PreviousSummary, usePreviousOnSheet } from './PreviousOnSheet'
import { ScoringSheet } from './ScoringSheet'

export interface SheetPageProps {
  sessionId: number
  productId: number
  memberId: number
  onBack?: () => void
  /** Opens the member's next product still to score ("Sản phẩm tiếp theo"); absent when none is left. */
  onNext?: () => void
  /** Changes whenever a live update arrived (scoring started, re-score opened): the sheet is read again. */
  liveTick?: number
  /** The live-update stream is connected; a reconnection resends answers not yet acknowledged. */
  online?: boolean
}

/** A member's sheet for one product, wired to the API: conflict declaration first, then the sheet or its review. */
export function SheetPage({ sessionId, productId, memberId, onBack, onNext, liveTick = 0, online }: SheetPageProps) {
  const { t } = useTranslation('scoring')
  const api = useApi()
  const ref = { sessionId, productId, memberId }
  const sheet = useQuery('sheets.get', ref)
  const [dossierOpen, setDossierOpen] = useState(false)
  // The server refuses a save made against an older version of the answer; this is the version last seen per criterion.
  const versions = useRef(new Map<string, number>())
  // What the server is known to hold per criterion: a resend after a lost reply is skipped when it already arrived.
  const stored = useRef(new Map<string, string | null>())
  const learn = (list: ReadonlyArray<{ criterionCode: string; optionId: string | null; version: number }>) => {
    for (const a of list) {
      versions.current.set(a.criterionCode, a.version)
      stored.current.set(a.criterionCode, a.optionId)
    }
  }
  const answers = useMemo(() => {
    const out: Record<string, string> = {}
    learn(sheet.data?.answers ?? [])
    for (const a of sheet.data?.answers ?? []) if (a.optionId !== null) out[a.criterionCode] = a.optionId
    return out
  }, [sheet.data])
  const firstLoad = useRef(true)
  useEffect(() => {
    if (firstLoad.current) return void (firstLoad.current = false)
    sheet.reload()
    // Only a new live update reads the sheet again; `sheet` is a fresh object every render.
  }, [liveTick])
  const place = useMemo(() => readPlace(sessionId, memberId), [sessionId, memberId])
  const lastEvaluation = usePreviousOnSheet(sessionId, productId)

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
    if (stored.current.get(criterionCode) === optionId) return { ok: true as const, value: null }
    const r = await api.call('sheets.saveAnswer', { ...ref, criterionCode, optionId, expectedVersion: versions.current.get(criterionCode) ?? 0 })
    if (r.ok) learn([r.value])
    else if (r.error.code === 'CONFLICT') {
      // Saved meanwhile (another window, or this one whose reply was lost on a dropped link): read what is stored;
      // when it is already this choice the answer counts as saved, otherwise the automatic retry writes it.
      const fresh = await api.call('sheets.get', ref)
      if (fresh.ok) learn(fresh.value.answers)
      if (stored.current.get(criterionCode) === optionId) return { ok: true as const, value: null }
    }
    return r
  }
  const waiting = !s.editable && s.submittedAt === null
  // A re-score sheet starts from the member's own previous round (only while nothing of this round is stored).
  const previous = s.earlierRounds.at(-1)
  const prefill =
    s.scoringRound > 1 && s.editable && previous && !s.answers.some((a) => a.optionId !== null)
      ? Object.fromEntries(previous.answers.filter((a) => a.optionId !== null).map((a) => [a.criterionCode, a.optionId!]))
      : undefined

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
      {waiting ? <Alert color="blue" variant="light" data-testid="sheet-waiting">{t('waiting')}</Alert> : null}
      <PreviousSummary previous={lastEvaluation.previous} />
      <ScoringSheet
        key={`${s.scoringRound}-${s.submittedAt ?? ''}-${s.editable}`}
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
        sheetKey={`${sessionId}.${productId}.${memberId}.${s.scoringRound}`}
        autoFocus
        disputed={s.disputed}
        previousOptions={lastEvaluation.options}
        {...(prefill ? { prefill } : {})}
        {...(place?.productId === productId && place.criterion ? { initialFocus: place.criterion } : {})}
        onFocusCriterion={(criterion) => writePlace(sessionId, memberId, { productId, criterion })}
        {...(onNext ? { onNext } : {})}
        {...(online !== undefined ? { online } : {})}
      />
      <DossierDrawer productId={productId} opened={dossierOpen} onClose={() => setDossierOpen(false)} />
    </Stack>
  )
}
