/**
 * Where a member is on this device (open sheet and criterion), kept in sessionStorage: F5 returns to the same
 * sheet and criterion, a new tab starts at the list. Nothing secret is stored here.
 */
export interface MemberPlace {
  productId: number
  criterion?: string
}

const keyOf = (sessionId: number, memberId: number) => `ocop.member.place.${sessionId}.${memberId}`

function storage(): Storage | null {
  try {
    return typeof window === 'undefined' ? null : window.sessionStorage
  } catch {
    return null
  }
}

export function readPlace(sessionId: number, memberId: number): MemberPlace | null {
  const raw = storage()?.getItem(keyOf(sessionId, memberId))
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<MemberPlace>
    return typeof v.productId === 'number' ? { productId: v.productId, ...(typeof v.criterion === 'string' ? { criterion: v.criterion } : {}) } : null
  } catch {
    return null
  }
}

export function writePlace(sessionId: number, memberId: number, place: MemberPlace | null): void {
  const s = storage()
  if (!s) return
  if (place) s.setItem(keyOf(sessionId, memberId), JSON.stringify(place))
  else s.removeItem(keyOf(sessionId, memberId))
}

/** A comment typed but not yet acknowledged by the server survives a reload here until it is saved. */
const draftKey = (sheetKey: string) => `ocop.member.comment.${sheetKey}`
export function readCommentDraft(sheetKey: string): string | null {
  return storage()?.getItem(draftKey(sheetKey)) ?? null
}
export function writeCommentDraft(sheetKey: string, text: string | null): void {
  const s = storage()
  if (!s) return
  if (text === null) s.removeItem(draftKey(sheetKey))
  else s.setItem(draftKey(sheetKey), text)
}
