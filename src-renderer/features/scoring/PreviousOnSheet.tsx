import { Paper, Text } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { formatScore } from '../../../src-main/domain/star-band'
import type { PreviousEvaluation } from '../../../src-main/shared/api/history'
import { formatDay } from '../../../src-main/shared/vn-format'
import { useQuery } from '../../api/context'

/** The previous council option of one criterion, as the sheet shows it beside the member's own choice. */
export interface PreviousOption {
  optionText: string
  points: number
}

/**
 * A product that comes back (re-evaluation, upgrade): its previous evaluation on the scoring sheet, compact and out
 * of the way — one line above the sheet, and under each criterion the option the council settled on last time. The
 * current round's answers of other members are never part of it (history.previous gives members no comparison).
 * Nothing for a product evaluated for the first time.
 */
export function usePreviousOnSheet(sessionId: number, productId: number): { previous: PreviousEvaluation | null; options: ReadonlyMap<string, PreviousOption> } {
  const q = useQuery('history.previous', { sessionId, productId })
  const previous = q.data?.previous ?? null
  const options = useMemo(() => new Map((previous?.criteria ?? []).map((c) => [c.criterionCode, { optionText: c.optionText, points: c.points }])), [previous])
  return { previous, options }
}

export function PreviousSummary({ previous }: { previous: PreviousEvaluation | null }) {
  const { t } = useTranslation('scoring')
  if (!previous) return null
  const stars = previous.stars === null ? '—' : previous.stars
  const starGlyphs = previous.stars ? '★'.repeat(previous.stars) : ''
  const cert = previous.certificate ? t('previous.certificate', { number: previous.certificate.number, issued: formatDay(previous.certificate.issuedOn) }) : ''
  return (
    <Paper withBorder px="sm" py={6} bg="gray.0" data-testid="previous-on-sheet" data-source={previous.source}>
      <Text size="sm">
        <Text span fw={600}>{t('previous.title')}</Text>{' '}
        <Text span aria-hidden>{starGlyphs}</Text>{' '}
        {previous.source === 'app'
          ? t('previous.fromSession', { date: formatDay(previous.date), stars, mean: previous.mean === null ? '—' : formatScore(previous.mean) })
          : t('previous.recorded', { stars })}
        {cert ? `; ${cert}` : ''}
        {previous.source === 'app' && previous.criteria.length > 0 ? `. ${t('previous.perCriterion')}` : ''}
      </Text>
    </Paper>
  )
}

/** Under a criterion: "Lần trước: <option> (n điểm)". */
export function PreviousOptionLine({ option }: { option: PreviousOption | undefined }) {
  const { t } = useTranslation('scoring')
  if (!option) return null
  return (
    <Text size="xs" c="dimmed" px="xs" data-testid="previous-option">
      {t('previous.option', { option: option.optionText, points: option.points })}
    </Text>
  )
}
