import { leafCriteria } from '../../../src-main/shared/criteria'
import { ok, testCore } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from './helpers'

describe('re-score sheet', () => {
  it('names the criteria the members disagreed on most in the previous round, without their answers', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 1, councilSize: 5 })
    const p = s.products[0]!
    const scorers = (await ok(core, 'sessions.get', { id: s.sessionId })).members.filter((m) => m.scores)
    const first = leafCriteria(s.set)[0]!.criterion.code
    // Everyone gives the maximum, except one member who gives the minimum on the first criterion only.
    for (const [i, m] of scorers.entries()) {
      const answers = answersAt(s.set, () => 'max')
      if (i === 0) answers[first] = answersAt(s.set, () => 'min')[first]!
      await scoreAndSubmit(core, s.sessionId, p, m.id, answers)
    }
    const round1 = await ok(core, 'sheets.get', { sessionId: s.sessionId, productId: p, memberId: scorers[1]!.id }, memberCtx(scorers[1]!.id))
    expect(round1.disputed).toEqual([])
    await ok(core, 'review.openRescore', { sessionId: s.sessionId, productId: p, reason: 'Chênh lệch ở tiêu chí đầu' })
    const round2 = await ok(core, 'sheets.get', { sessionId: s.sessionId, productId: p, memberId: scorers[1]!.id }, memberCtx(scorers[1]!.id))
    expect(round2.scoringRound).toBe(2)
    expect(round2.disputed).toEqual([first])
    expect(round2.answers).toEqual([])
    expect(round2.earlierRounds.at(-1)!.answers.length).toBe(leafCriteria(s.set).length)
    // Sealed: nothing of the other members' sheets is in the member's answer.
    expect(JSON.stringify(round2)).not.toContain(`"memberId":${scorers[0]!.id}`)
    core.close()
  })
})
