import { province } from '../../../src-main/documents/fixtures/lam-dong-data'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { assembleSessionDocuments } from '../../../src-main/services/session-documents'
import { zDocumentInput } from '../../../src-main/shared/documents'
import { ok, testCore } from '../../utils/core'
import { answersAt, openScoringSession, scoreAndSubmit } from './helpers'

describe('session documents assembler', () => {
  it('builds a valid documents DTO from a finalized session, with recusals, stored ratings and amendments', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 2, absent: [6], recusals: [[3, 1]] })
    const high = answersAt(s.set, () => 'max')
    const recused = s.members[3]!.id
    for (const p of s.products)
      for (const [i, m] of s.members.entries()) if (m.role !== 'secretary' && i !== 6 && !(m.id === recused && p === s.products[1])) await scoreAndSubmit(core, s.sessionId, p, m.id, high)
    const extras = { province, number: 1, endTime: '11:30', issueDate: '2026-11-21' }
    const criteria = createCriteriaService(core.db, core.info().criteriaVersion)
    expect(() => assembleSessionDocuments(core.db, criteria, s.sessionId, extras)).toThrow(/đã chốt/)
    await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
    await ok(core, 'sessions.finalize', { id: s.sessionId })
    await ok(core, 'amendments.add', { sessionId: s.sessionId, productId: s.products[0]!, reason: 'Ghi sai địa chỉ', author: 'Thư ký', text: 'Địa chỉ đúng là 12 Trần Phú' })
    const dto = zDocumentInput.parse(assembleSessionDocuments(core.db, criteria, s.sessionId, extras))
    expect(dto.session.members.filter((m) => !m.present)).toHaveLength(1)
    expect(dto.session.recusals).toEqual([{ memberId: String(recused), productId: String(s.products[1]), reason: 'Anh ruột của chủ thể' }])
    expect(dto.products.map((p) => p.stars)).toEqual([5, 5])
    expect(dto.products[0]!.sheets).toHaveLength(7)
    expect(dto.products[1]!.sheets).toHaveLength(6)
    expect(dto.products[0]!.notes.join(' ')).toContain('Địa chỉ đúng là 12 Trần Phú')
    expect(dto.session.quorum.met).toBe(true)
    core.close()
  })
})
