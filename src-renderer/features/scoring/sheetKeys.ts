import { NOT_APPLICABLE } from '../../../src-main/domain/rate-input'
import type { LeafCriterion } from '../../../src-main/shared/criteria'

export type SheetKeyAction =
  | { kind: 'move'; to: number }
  | { kind: 'choose'; optionId: string }
  | { kind: 'next-unanswered' }
  | { kind: 'none' }

/**
 * What a key pressed on a focused criterion does: arrows and Home/End move between criteria, 1..n choose the n-th
 * option as numbered on screen, 0 or N mark "Không áp dụng" where the criterion allows it, Enter jumps to the next
 * unanswered criterion.
 */
export function sheetKeyAction(key: string, index: number, count: number, c: LeafCriterion, readOnly: boolean): SheetKeyAction {
  switch (key) {
    case 'ArrowDown':
      return { kind: 'move', to: Math.min(index + 1, count - 1) }
    case 'ArrowUp':
      return { kind: 'move', to: Math.max(index - 1, 0) }
    case 'Home':
      return { kind: 'move', to: 0 }
    case 'End':
      return { kind: 'move', to: count - 1 }
    case 'Enter':
      return { kind: 'next-unanswered' }
  }
  if (readOnly) return { kind: 'none' }
  if (/^[1-9]$/.test(key)) {
    const option = c.options[Number(key) - 1]
    return option ? { kind: 'choose', optionId: option.id } : { kind: 'none' }
  }
  if ((key === '0' || key === 'n' || key === 'N') && c.appliesOnlyWhen) return { kind: 'choose', optionId: NOT_APPLICABLE }
  return { kind: 'none' }
}

/** The first unanswered criterion after `from`, wrapping around; -1 when all are answered. */
export function nextUnanswered(codes: readonly string[], answers: Readonly<Record<string, string>>, from: number): number {
  for (let step = 1; step <= codes.length; step++) {
    const i = (from + step) % codes.length
    if (answers[codes[i]!] === undefined) return i
  }
  return -1
}
