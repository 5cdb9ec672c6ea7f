import { useState } from 'react'
import { RoundsPanel } from './RoundsPanel'
import { SessionDetail } from './SessionDetail'

/** Đợt/Phiên đánh giá: rounds and their sessions, then one session's meeting screens. */
export function SessionsPage() {
  const [sessionId, setSessionId] = useState<number | null>(null)
  return sessionId === null ? <RoundsPanel onOpen={setSessionId} /> : <SessionDetail id={sessionId} onBack={() => setSessionId(null)} />
}
