import { Badge, Box, Button, Group, Kbd, Loader, Stack, Text } from '@mantine/core'
import { IconAlertTriangle, IconCheck } from '@tabler/icons-react'
import { forwardRef, useEffect, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { NOT_APPLICABLE } from '../../../src-main/domain/rate-input'
import type { CriterionOption, LeafCriterion } from '../../../src-main/shared/criteria'
import { StarMarker } from '../criteria/StarMarker'
import { CriterionNotes } from './CriterionNotes'
import { PreviousOptionLine, type PreviousOption } from './PreviousOnSheet'
import type { SaveStatus } from './useAnswerSaver'

export interface SheetCriterionProps {
  criterion: LeafCriterion
  /** Chosen option id, NOT_APPLICABLE, or undefined while unanswered. */
  answer: string | undefined
  status: SaveStatus | undefined
  readOnly: boolean
  /** Nested under a criterion with sub-criteria (indented). */
  nested: boolean
  /** Shown in red when the member tried to submit without answering. */
  missing: boolean
  /** Unanswered after a flagged "không đánh giá các bước tiếp theo": scored 0, may be left empty. */
  notEvaluated?: boolean
  onChoose: (optionId: string) => void
  onRetry: () => void
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>) => void
  /** The section row already prints this criterion's code and text (section "7" = criterion "7"). */
  hideHeading?: boolean
  /** Re-score round: the members disagreed most here; highlighted and reached first with Tab. */
  disputed?: boolean
  /** Re-evaluation, upgrade: the council's option for this criterion last time. */
  previous?: PreviousOption | undefined
}

/** After this long without an answer from the server, a save shows "chưa lưu". */
const SLOW_SAVE_MS = 700
const FOCUS_RING = '0 0 0 3px var(--mantine-color-blue-5)'
const VISUALLY_HIDDEN = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' } as const

/**
 * One leaf criterion as a keyboard-operable radio group: the group itself takes focus (Tab/arrows between
 * criteria), the number keys choose an option, so options stay out of the Tab order on purpose.
 */
export const SheetCriterion = forwardRef<HTMLDivElement, SheetCriterionProps>(function SheetCriterion(p, ref) {
  const { t } = useTranslation('scoring')
  const c = p.criterion
  const headingId = `sc-${c.code}-h`
  const caseOf = (o: CriterionOption) => c.alternatives?.find((a) => a.optionIds[0] === o.id)
  return (
    <Box
      ref={ref}
      role="radiogroup"
      tabIndex={p.disputed ? 1 : 0}
      aria-labelledby={headingId}
      aria-readonly={p.readOnly || undefined}
      aria-invalid={p.missing || undefined}
      data-criterion={c.code}
      data-answer={p.answer ?? ''}
      data-save-state={p.status?.state ?? (p.answer === undefined ? 'empty' : 'stored')}
      data-missing={p.missing || undefined}
      data-not-evaluated={p.notEvaluated || undefined}
      data-disputed={p.disputed || undefined}
      onKeyDown={p.onKeyDown}
      pl={p.nested ? 'lg' : 0}
      py={4}
      className="sheet-criterion"
      style={{ borderBottom: '1px solid var(--mantine-color-gray-3)', outline: 'none', borderRadius: 4, scrollMarginTop: 120, scrollMarginBottom: 120 }}
      onFocus={(e) => (e.currentTarget.style.boxShadow = FOCUS_RING)}
      onBlur={(e) => (e.currentTarget.style.boxShadow = '')}
      bg={p.missing ? 'red.0' : p.disputed ? 'orange.0' : undefined}
    >
      {p.disputed ? <Badge color="orange" variant="filled" size="sm" ml="xs" data-testid="disputed-badge">{t('disputed')}</Badge> : null}
      {p.hideHeading ? (
        <>
          <Text id={headingId} style={VISUALLY_HIDDEN}>{c.code}. {c.text}</Text>
          {p.status ? <Group justify="flex-end" px="xs"><SaveBadge status={p.status} onRetry={p.onRetry} /></Group> : null}
        </>
      ) : (
        <Group justify="space-between" wrap="nowrap" px="xs" align="flex-start">
          <Text id={headingId} size="sm" fw={600}>
            {c.code}. {c.text}
          </Text>
          <Group gap={6} wrap="nowrap">
            <SaveBadge status={p.status} onRetry={p.onRetry} />
            <Text size="sm" fw={600} w={44} ta="center">{c.maxPoints}</Text>
          </Group>
        </Group>
      )}
      {c.appliesOnlyWhen ? (
        <Text size="xs" c="blue.8" fs="italic" px="xs">{c.appliesOnlyWhen}</Text>
      ) : null}
      <PreviousOptionLine option={p.previous} />
      {p.notEvaluated ? (
        <Text size="xs" c="orange.9" fw={600} px="xs" data-testid="not-evaluated">{t('knockout.notEvaluated')}</Text>
      ) : null}
      <Stack gap={0} mt={2} opacity={p.notEvaluated ? 0.55 : 1}>
        {c.options.map((o, i) => {
          const alt = caseOf(o)
          return [
            alt ? <Text key={`case-${alt.label}`} size="xs" fw={600} px="xs" pt={4} data-case={alt.label}>{alt.label}</Text> : null,
            <OptionRow key={o.id} n={i + 1} label={o.text} points={o.points} marker={o.marker} reconstructed={o.reconstructed}
              checked={p.answer === o.id} readOnly={p.readOnly} onChoose={() => p.onChoose(o.id)} optionId={o.id} />
          ]
        })}
        {c.appliesOnlyWhen ? (
          <OptionRow n={0} label={t('notApplicable')} points={null} checked={p.answer === NOT_APPLICABLE} readOnly={p.readOnly}
            onChoose={() => p.onChoose(NOT_APPLICABLE)} optionId={NOT_APPLICABLE} />
        ) : null}
      </Stack>
      <CriterionNotes c={c} />
    </Box>
  )
})

interface OptionRowProps {
  n: number
  optionId: string
  label: string
  points: number | null
  marker?: CriterionOption['marker']
  reconstructed?: string | undefined
  checked: boolean
  readOnly: boolean
  onChoose: () => void
}

function OptionRow(p: OptionRowProps) {
  const { t } = useTranslation('scoring')
  return (
    <Group
      role="radio"
      aria-checked={p.checked}
      aria-disabled={p.readOnly || undefined}
      aria-label={`${p.n === 0 ? '0' : p.n}. ${p.label}`}
      data-option-id={p.optionId}
      data-checked={p.checked || undefined}
      className="sheet-option"
      gap={6}
      wrap="nowrap"
      align="flex-start"
      px="xs"
      py={3}
      onClick={p.readOnly ? undefined : p.onChoose}
      style={{ cursor: p.readOnly ? 'default' : 'pointer', borderRadius: 4 }}
      bg={p.checked ? 'green.1' : undefined}
    >
      <Kbd size="xs" style={{ flexShrink: 0, minWidth: 22, textAlign: 'center' }} aria-hidden>{p.n}</Kbd>
      <Text span aria-hidden fw={700} c={p.checked ? 'green.8' : 'gray.6'}>{p.checked ? '■' : '□'}</Text>
      <Text span size="sm" style={{ flex: 1 }} fw={p.checked ? 600 : 400}>{p.label}</Text>
      {p.marker ? <StarMarker level={p.marker} /> : null}
      {p.reconstructed ? <Badge size="xs" variant="outline" color="gray" title={p.reconstructed}>{t('reconstructed')}</Badge> : null}
      <Text span size="sm" w={44} ta="center" fw={p.checked ? 700 : 400} style={{ flexShrink: 0 }}>{p.points ?? '–'}</Text>
    </Group>
  )
}

function SaveBadge({ status, onRetry }: { status: SaveStatus | undefined; onRetry: () => void }) {
  const { t } = useTranslation('scoring')
  // A save that is not acknowledged quickly (dropped link) says so in words, not only with a spinner.
  const [slow, setSlow] = useState(false)
  useEffect(() => {
    setSlow(false)
    if (status?.state !== 'saving') return
    const h = setTimeout(() => setSlow(true), SLOW_SAVE_MS)
    return () => clearTimeout(h)
  }, [status?.state])
  if (!status) return null
  if (status.state === 'saving')
    return (
      <Group gap={4} wrap="nowrap" data-testid="unsaved">
        <Loader size={14} aria-label={t('save.saving')} />
        {slow ? <Text size="xs" c="orange.9" fw={600}>{t('save.pending')}</Text> : null}
      </Group>
    )
  if (status.state === 'saved') return <IconCheck size={16} color="var(--mantine-color-green-7)" aria-label={t('save.saved')} />
  return (
    <Group gap={4} wrap="nowrap" role="alert">
      <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" />
      <Text size="xs" c="red.8" maw={220} lineClamp={2} title={status.error}>{t('save.error', { message: status.error })}</Text>
      <Button size="compact-xs" variant="light" color="red" tabIndex={-1} onClick={(e) => { e.stopPropagation(); onRetry() }}>{t('save.retry')}</Button>
    </Group>
  )
}
