import { createStore, type SessionRow } from '../../../src-main/services/sessions/store'
import { leafCriteria } from '../../../src-main/shared/criteria'
import { call, ok, testCore } from '../../utils/core'
import { openScoringSession } from './helpers'

/**
 * Every answer save asks the session's Quy chế whether the secretary may score. The store keeps the parsed rules
 * per stored text (a zod parse per keystroke was a good part of a save in the LAN bench); a changed text must still
 * be read afresh, and a broken one refused as before.
 */
describe('Quy chế of a session, as the answer save reads it', () => {
  it('parses each stored text once and reads a changed text afresh', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const store = createStore(core.db)
      const row = store.session(s.sessionId)
      const first = store.quyChe(row)
      expect(store.quyChe({ ...row })).toBe(first)
      const changed: SessionRow = { ...row, quy_che: JSON.stringify({ ...first, secretaryScores: !first.secretaryScores }) }
      expect(store.quyChe(changed).secretaryScores).toBe(!first.secretaryScores)
      expect(store.quyChe(row)).toBe(first)
      expect(() => store.quyChe({ ...row, quy_che: '{"spreadLimit":"tám"}' })).toThrow()
    } finally {
      core.close()
    }
  })

  it('lets the secretary save an answer only while the stored Quy chế says the secretary scores', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const secretary = s.members.find((m) => m.role === 'secretary')!
      const leaf = leafCriteria(s.set)[0]!.criterion
      const save = (expectedVersion: number) =>
        call(core, 'sheets.saveAnswer', { sessionId: s.sessionId, productId: s.products[0]!, memberId: secretary.id, criterionCode: leaf.code, optionId: leaf.options[0]!.id, expectedVersion })
      const stored = JSON.parse((core.db.prepare('SELECT quy_che FROM sessions WHERE id = ?').get(s.sessionId) as { quy_che: string }).quy_che) as Record<string, unknown>
      expect(stored.secretaryScores).toBe(false)

      const refused = await save(0)
      expect(refused.ok).toBe(false)
      if (!refused.ok) expect(refused.error.message).toBe('Thư ký Hội đồng không chấm điểm theo Quy chế')

      // The same session with rules that let the secretary score (as a session created under such a Quy chế is).
      core.db.prepare('UPDATE sessions SET quy_che = ? WHERE id = ?').run(JSON.stringify({ ...stored, secretaryScores: true }), s.sessionId)
      await ok(core, 'conflicts.declare', { sessionId: s.sessionId, productId: s.products[0]!, memberId: secretary.id, kind: 'none', text: '' })
      const saved = await save(0)
      expect(saved.ok).toBe(true)
      if (saved.ok) expect(saved.value).toMatchObject({ criterionCode: leaf.code, version: 1 })
    } finally {
      core.close()
    }
  })
})
