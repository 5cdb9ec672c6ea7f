import { useCallback } from 'react'
import { useLocation } from 'wouter'
import { firstSegment, parseRecordView, recordPath, type RecordView } from './views'

/**
 * The record view of the current area from the address (inside the area's nested route), and a setter that
 * navigates: each step is a history entry, so Back returns to the list and F5 reopens the same record.
 */
export function useRecordView(): [RecordView, (v: RecordView) => void] {
  const [loc, go] = useLocation()
  const set = useCallback((v: RecordView) => go(recordPath(v)), [go])
  return [parseRecordView(loc), set]
}

/** A page's tab kept in the address (`/<tab>`), so a reload or a bookmark opens the same tab. */
export function useTabRoute<T extends string>(tabs: readonly T[], fallback: T): [T, (t: string | null) => void] {
  const [loc, go] = useLocation()
  const seg = firstSegment(loc)
  const tab = seg !== null && (tabs as readonly string[]).includes(seg) ? (seg as T) : fallback
  const set = useCallback((t: string | null) => { if (t) go(`/${encodeURIComponent(t)}`, { replace: true }) }, [go])
  return [tab, set]
}
