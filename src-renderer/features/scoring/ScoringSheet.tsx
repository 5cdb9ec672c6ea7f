import { Alert, Paper, Stack, Text, Title } from '@mantine/core'
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isLeaf, leafCriteria, type CriteriaSet, type Criterion, type Knockout } from '../../../src-main/shared/criteria'
import type { Result } from '../../../src-main/shared/result'
import { KnockoutFlag } from './KnockoutFlag'
import { liveTotals, type SheetFlag } from './liveTotals'
import type { PreviousOption } from './PreviousOnSheet'
import { SheetCriterion } from './SheetCriterion'
import { SheetFooter } from './SheetFooter'
import { SheetHeader, type SheetHeaderInfo } from './SheetHeader'
import { nextUnanswered, sheetKeyAction } from './sheetKeys'
import { SheetTotalsBar } from './SheetTotalsBar'
import { useAnswerSaver, type SaveAnswer } from './useAnswerSaver'
import { useKnockoutFlags, type SetKnockout } from './useKnockoutFlags'
import { formatDateTime } from '../../../src-main/shared/vn-format'

export interface ScoringSheetProps {
  set: CriteriaSet
  header: SheetHeaderInfo
  memberName: string
  /** Round number of the sheet; 1 unless the product is being re-scored. */
  round?: number
  /** Answers already stored: leaf criterion code → option id or "NA". */
  answers: Readonly<Record<string, string>>
  comment: string
  /** Knockout rules the member has flagged (stored). */
  knockouts?: readonly SheetFlag[]
  /** ISO time of "Ký nộp phiếu"; a submitted sheet is shown read-only. */
  submittedAt: string | null
  /** Read-only review of a filled sheet, whatever its state. */
  readOnly?: boolean
  saveAnswer?: SaveAnswer
  setKnockout?: SetKnockout
  saveComment?: (comment: string) => Promise<Result<unknown>>
  submit?: () => Promise<Result<{ submittedAt: string } | unknown>>
  onOpenDossier?: () => void
  /** Identifies the sheet on this device: a comment typed but not yet stored survives a reload under this key. */
  sheetKey?: string
  /** Focus on open: this criterion (where the member was before F5), else the first unanswered one. */
  autoFocus?: boolean
  initialFocus?: string
  onFocusCriterion?: (code: string) => void
  /** After submitting: go to the next product still to score. */
  onNext?: () => void
  /** The live connection is up; when it comes back, answers not yet acknowledged are sent again. */
  online?: boolean
  /** Re-score round: criteria the members disagreed on most, highlighted and first in the Tab order. */
  disputed?: readonly string[]
  /** Re-score round: the member's previous answers, chosen (and saved) when the sheet opens. */
  prefill?: Readonly<Record<string, string>>
  /** Re-evaluation, upgrade: the council's option per criterion at the previous evaluation. */
  previousOptions?: ReadonlyMap<string, PreviousOption>
}

const refuse = async (): Promise<Result<unknown>> => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Phiếu chỉ để xem' } })

/** A member's own official sheet (Phụ lục II), keyboard-first, saving every choice as it is made. */
export function ScoringSheet(props: ScoringSheetProps) {
  const { t } = useTranslation('scoring')
  const { set } = props
  const [submittedAt, setSubmittedAt] = useState(props.submittedAt)
  const readOnly = Boolean(props.readOnly) || submittedAt !== null
  const saver = useAnswerSaver(props.answers, props.saveAnswer ?? refuse)
  const leaves = useMemo(() => leafCriteria(set), [set])
  const codes = useMemo(() => leaves.map((l) => l.criterion.code), [leaves])
  const knockouts = useKnockoutFlags(props.knockouts ?? [], props.setKnockout)
  const totals = useMemo(() => liveTotals(set, saver.answers, knockouts.flags), [set, saver.answers, knockouts.flags])
  const [showMissing, setShowMissing] = useState(false)
  const nodes = useRef(new Map<string, HTMLDivElement>())
  const commentRef = useRef<HTMLTextAreaElement>(null)

  const disputed = useMemo(() => new Set(props.disputed ?? []), [props.disputed])
  useEffect(() => {
    if (readOnly || !props.prefill) return
    for (const [code, optionId] of Object.entries(props.prefill)) if (saver.answers[code] === undefined) saver.choose(code, optionId)
    // Once per opened sheet: the prefill is a starting point, later choices are the member's.
  }, [])

  useEffect(() => {
    if (!props.autoFocus && !props.initialFocus) return
    const at = props.initialFocus ? codes.indexOf(props.initialFocus) : -1
    const firstDisputed = props.disputed?.length ? codes.indexOf(props.disputed[0]!) : -1
    const first = at >= 0 ? at : readOnly ? -1 : firstDisputed >= 0 ? firstDisputed : nextUnanswered(codes, saver.answers, -1)
    if (first >= 0) focusAt(first)
    // Once, when the sheet opens (or unlocks): later focus belongs to the member.
  }, [readOnly])

  // The network came back (browser "online", or the live stream reconnected): resend what is not acknowledged.
  const { resendAll } = saver
  useEffect(() => {
    if (props.online) resendAll()
  }, [props.online, resendAll])
  useEffect(() => {
    window.addEventListener('online', resendAll)
    return () => window.removeEventListener('online', resendAll)
  }, [resendAll])
  const onFocusIn = (e: FocusEvent<HTMLDivElement>) => {
    const code = (e.target as HTMLElement).dataset?.criterion
    if (code) props.onFocusCriterion?.(code)
  }

  const focusAt = (i: number) => {
    const el = nodes.current.get(codes[i]!)
    el?.focus()
    el?.scrollIntoView?.({ block: 'nearest' })
  }

  const onKey = (index: number) => (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target !== e.currentTarget) return
    const a = sheetKeyAction(e.key, index, codes.length, leaves[index]!.criterion, readOnly)
    if (a.kind === 'none') return
    e.preventDefault()
    if (a.kind === 'move') focusAt(a.to)
    else if (a.kind === 'choose') saver.choose(codes[index]!, a.optionId)
    else {
      const next = nextUnanswered(codes, saver.answers, index)
      if (next >= 0) focusAt(next)
      else commentRef.current?.focus()
    }
  }

  const criterionBlock = (c: Criterion, nested: boolean, hideHeading: boolean) => {
    if (!isLeaf(c))
      return (
        <div key={c.code} data-parent-criterion={c.code}>
          <Text size="sm" fw={600} px="xs" pt={4} style={{ display: 'flex', justifyContent: 'space-between' }}>
            <span>{c.code}. {c.text}</span>
            <span style={{ width: 44, textAlign: 'center' }}>{c.maxPoints}</span>
          </Text>
          {c.subCriteria.map((sc) => criterionBlock(sc, true, false))}
        </div>
      )
    const index = codes.indexOf(c.code)
    const rule = c.knockouts[0]
    return [
      <SheetCriterion
        key={c.code}
        ref={(el) => void (el ? nodes.current.set(c.code, el) : nodes.current.delete(c.code))}
        criterion={c}
        answer={saver.answers[c.code]}
        status={saver.status[c.code]}
        readOnly={readOnly}
        nested={nested}
        hideHeading={hideHeading}
        missing={showMissing && totals.missing.includes(c.code)}
        disputed={disputed.has(c.code)}
        previous={props.previousOptions?.get(c.code)}
        notEvaluated={totals.notEvaluated.includes(c.code)}
        onChoose={(id) => {
          if (readOnly) return
          saver.choose(c.code, id)
          nodes.current.get(c.code)?.focus()
        }}
        onRetry={() => saver.retry(c.code)}
        onKeyDown={onKey(index)}
      />,
      rule ? flagFor(c.code, rule) : null
    ]
  }

  const flagFor = (code: string | null, rule: Knockout) => (
    <KnockoutFlag
      key={`knockout-${code ?? 'dossier'}`}
      criterionCode={code}
      rule={rule}
      flag={knockouts.flagOf(code)}
      readOnly={readOnly || !props.setKnockout}
      busy={knockouts.busy(code)}
      error={knockouts.error(code)}
      onChange={(flagged, note) => void knockouts.change(code, flagged, note)}
    />
  )

  return (
    <Stack gap="sm" onFocus={onFocusIn} data-testid="scoring-sheet" data-set-id={set.id} data-readonly={readOnly || undefined} data-submitted={submittedAt ?? undefined}>
      <SheetHeader info={props.header} setNo={set.no} setName={set.name} memberName={props.memberName} round={props.round} onOpenDossier={props.onOpenDossier} />
      {submittedAt ? (
        <Alert color="green" variant="light" data-testid="sheet-locked">{t('locked', { at: formatDateTime(submittedAt) })}</Alert>
      ) : null}
      {set.disqualification.map((d) => (
        <Alert key={d} color="red" variant="light" title={t('disqualification')} p="xs">
          <Text size="sm">{d}</Text>
          {d === set.disqualification[0] ? flagFor(null, { kind: 'reject', text: d }) : null}
        </Alert>
      ))}
      <SheetTotalsBar set={set} totals={totals} answered={codes.length - totals.missing.length} count={codes.length} />
      {set.parts.map((part) => (
        <Paper key={part.code} withBorder p="xs" data-part={part.code}>
          <Title order={3} size="h5" mb={4} style={{ display: 'flex', justifyContent: 'space-between' }}>
            <span>{t('part', { code: part.code })}: {part.title}</span>
            <span data-part-subtotal={part.code}>{t('subtotal', { points: totals.parts[part.code], max: part.maxPoints })}</span>
          </Title>
          {part.sections.map((sec) => (
            <div key={sec.code} data-section={sec.code}>
              <Text fw={700} size="sm" px="xs" py={4} bg="green.0" style={{ display: 'flex', justifyContent: 'space-between' }}>
                <span>{sec.code}. {sec.title}</span>
                <span data-section-subtotal={sec.code}>{t('subtotal', { points: totals.sections[sec.code] ?? 0, max: sec.maxPoints })}</span>
              </Text>
              {sec.criteria.map((c) => criterionBlock(c, false, c.code === sec.code))}
            </div>
          ))}
        </Paper>
      ))}
      <Text size="sm" fs="italic">{t('markerNote')}</Text>
      <SheetFooter
        ref={commentRef}
        memberName={props.memberName}
        comment={props.comment}
        readOnly={readOnly}
        submittedAt={submittedAt}
        saveComment={props.saveComment}
        totals={totals}
        unsaved={saver.unsaved}
        labelOf={(code) => leaves.find((l) => l.criterion.code === code)?.criterion.text ?? code}
        onMissing={(first) => {
          setShowMissing(true)
          focusAt(codes.indexOf(first))
        }}
        submit={props.submit}
        onSubmitted={(at) => setSubmittedAt(at)}
        productName={props.header.productName}
        {...(props.sheetKey ? { draftKey: props.sheetKey } : {})}
        {...(props.onNext ? { onNext: props.onNext } : {})}
      />
    </Stack>
  )
}
