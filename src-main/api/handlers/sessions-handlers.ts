import type { LiveEvents } from '../../services/live/live-events'
import type { SessionServices } from '../../services/sessions'
import type { Registry } from '../registry'

export function registerSessionsHandlers(r: Registry, deps: { sessions: SessionServices; backupBefore?: (reason: string) => Promise<unknown>; events?: LiveEvents }): void {
  const { sessions: s, sheets, review, joinCodes, audit } = deps.sessions
  r.handle('rounds.list', (i) => s.listRounds(i.year))
  r.handle('rounds.create', (i, c) => s.createRound(i, c.actor))
  r.handle('rounds.update', (i, c) => s.updateRound(i, c.actor))
  r.handle('rounds.remove', (i, c) => s.removeRound(i.id, c.actor))

  r.handle('sessions.list', (i) => s.list(i.roundId))
  r.handle('sessions.get', (i, c) => s.get(i.id, c.actor))
  r.handle('sessions.create', (i, c) => s.create(i, c.actor))
  r.handle('sessions.update', (i, c) => s.update(i, c.actor))
  r.handle('sessions.remove', (i, c) => s.remove(i.id, c.actor))
  r.handle('sessions.eligibleProducts', (i) => s.eligibleProducts(i.sessionId))
  r.handle('sessions.setAgenda', (i, c) => s.setAgenda(i.id, i.productIds, c.actor))
  // Live updates go out only after the write committed (the service returned): members' screens unlock or refresh.
  r.handle('sessions.setStatus', (i, c) => {
    const out = s.setStatus(i.id, i.to, c.actor)
    deps.events?.emit({ kind: 'status', sessionId: i.id, status: i.to })
    return out
  })
  r.handle('sessions.me', (_i, c) => s.me(c.actor))
  r.handle('attendance.get', (i) => s.attendance(i.sessionId))
  r.handle('attendance.set', (i, c) => s.setAttendance(i, c.actor))
  r.handle('conflicts.list', (i) => s.conflicts(i.sessionId))
  r.handle('conflicts.declare', (i, c) => s.declare(i, c.actor))

  r.handle('sheets.mine', (i, c) => sheets.mine(i.sessionId, i.memberId, c.actor))
  r.handle('sheets.get', (i, c) => sheets.get(i, c.actor))
  r.handle('sheets.saveAnswer', (i, c) => deps.sessions.groupCommit.run(() => sheets.saveAnswer(i, c.actor)))
  r.handle('sheets.saveComment', (i, c) => sheets.saveComment(i, c.actor))
  r.handle('sheets.setKnockout', (i, c) => sheets.setKnockout(i, c.actor))
  r.handle('sheets.submit', (i, c) => sheets.submit(i, c.actor))
  r.handle('paper.status', (i, c) => sheets.paperStatus(i, c.actor))
  r.handle('paper.savePass', (i, c) => sheets.savePass(i, c.actor))

  r.handle('sessions.progress', (i) => review.progress(i.sessionId))
  r.handle('review.matrix', (i) => review.matrix(i.sessionId))
  r.handle('review.product', (i) => review.product(i.sessionId, i.productId))
  r.handle('review.agree', (i, c) => review.agree(i, c.actor))
  r.handle('review.decideKnockout', (i, c) => review.decideKnockout(i, c.actor))
  r.handle('review.openRescore', (i, c) => {
    const out = review.openRescore(i, c.actor)
    deps.events?.emit({ kind: 'rescore', sessionId: i.sessionId, productId: i.productId })
    return out
  })
  r.handle('sessions.finalize', async (i, c) => {
    // Finalized results are append-only; the copy taken just before is the way back from a wrong finalization.
    await deps.backupBefore?.(`chot-phien-${i.id}`)
    const out = review.finalize(i.id, c.actor)
    deps.events?.emit({ kind: 'finalized', sessionId: i.id, status: 'finalized' })
    return out
  })
  r.handle('results.list', (i) => review.results(i.sessionId))
  r.handle('results.get', (i) => review.result(i.sessionId, i.productId))
  r.handle('amendments.add', (i, c) => review.amend(i, c.actor))

  r.handle('audit.verify', (i) => audit.verify(i.expectHead))
  r.handle('audit.list', (i) => audit.list(i))
  r.handle('joinCodes.issue', (i, c) => joinCodes.issue(i.sessionId, i.memberId, c.actor))
  r.handle('joinCodes.list', (i) => joinCodes.list(i.sessionId))
  r.handle('joinCodes.revoke', (i, c) => joinCodes.revoke(i.id, c.actor))
}
