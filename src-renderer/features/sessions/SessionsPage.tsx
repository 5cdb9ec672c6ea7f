import { useLocation } from 'wouter'
import { parseTabbedRecord } from '../../routing/views'
import { RoundsPanel } from './RoundsPanel'
import { SESSION_TABS, SessionDetail } from './SessionDetail'

/** Đợt/Phiên đánh giá: rounds and their sessions (`#/rounds`), then one session's meeting screens (`#/rounds/7/review`). */
export function SessionsPage() {
  const [loc, go] = useLocation()
  const { id, tab } = parseTabbedRecord(loc, SESSION_TABS)
  if (id === null) return <RoundsPanel onOpen={(s) => go(`/${s}`)} />
  return <SessionDetail id={id} tab={tab ?? 'agenda'} onTab={(t) => go(`/${id}/${t}`, { replace: true })} onBack={() => go('/')} />
}
