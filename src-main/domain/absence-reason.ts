/**
 * Issue 13, roll-call: why an absent member is absent is recorded at the roll-call (the source), with the proxy or
 * written opinion they sent. The minutes' text panel may add to the reason for print, but the printed minutes never
 * contradict the roll-call: whatever the panel says, the roll-call's reason is printed, word for word.
 */

/** Whitespace collapsed, trailing full stops dropped, case folded: "Đi công tác." and "đi  công tác" are the same. */
const fold = (s: string) => s.normalize('NFC').replace(/\s+/gu, ' ').trim().replace(/[.\s]+$/u, '').toLocaleLowerCase('vi')

/**
 * The reason printed in the minutes. Only the roll-call: it. Only the panel (the roll-call gave none): the panel's.
 * Both: the panel's when it already contains the roll-call's reason (it extends it), else the roll-call's followed by
 * the panel's, so the roll-call's words are always there.
 */
export function printedAbsenceReason(rollCall: string, minutesText: string): string {
  const base = rollCall.normalize('NFC').trim().replace(/[.\s]+$/u, '')
  const extra = minutesText.normalize('NFC').trim().replace(/[.\s]+$/u, '')
  if (!extra) return base
  if (!base) return extra
  if (fold(extra).includes(fold(base))) return extra
  return `${base}; ${extra}`
}
