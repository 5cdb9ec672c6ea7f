import { ok, testCore } from '../../utils/core'
import { memberCtx, openScoringSession } from './helpers'

describe('audit.list', () => {
  it('names the object of each event (product, member, criterion, status change) and pages by seq, newest first', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 1 })
    const product = s.products[0]!
    const member = s.members.find((m) => m.role === 'member')!
    const ref = { sessionId: s.sessionId, productId: product, memberId: member.id }
    await ok(core, 'sheets.saveAnswer', { ...ref, criterionCode: '1.2', optionId: '1.2.b', expectedVersion: 0 }, memberCtx(member.id))
    await ok(core, 'sheets.setKnockout', { ...ref, criterionCode: '6.1', flagged: true, note: '' }, memberCtx(member.id))

    const seat = (await ok(core, 'sessions.get', { id: s.sessionId })).members.find((m) => m.id === member.id)!
    const p = core.db.prepare('SELECT code, name FROM products WHERE id = ?').get(product) as { code: string; name: string }
    const [knockout, answer] = await ok(core, 'audit.list', { sessionId: s.sessionId, limit: 2 })
    expect(knockout).toMatchObject({ kind: 'sheet.knockout', actor: `member:${member.id}`, summary: 'Đánh dấu quy định loại/dừng' })
    expect(knockout!.object).toBe(`Sản phẩm ${p.name}${p.code ? ` (${p.code})` : ''} · Thành viên ${seat.fullName} · Tiêu chí 6.1`)
    expect(answer).toMatchObject({ kind: 'answer.save', object: `Sản phẩm ${p.name}${p.code ? ` (${p.code})` : ''} · Thành viên ${seat.fullName} · Tiêu chí 1.2` })

    const all = await ok(core, 'audit.list', { sessionId: s.sessionId, limit: 500 })
    expect(all.find((e) => e.kind === 'session.status')!.object).toBe('Mở → Đang chấm')
    const pages: number[] = []
    let before: number | undefined
    for (;;) {
      const page = await ok(core, 'audit.list', { sessionId: s.sessionId, limit: 7, ...(before === undefined ? {} : { beforeSeq: before }) })
      if (page.length === 0) break
      pages.push(...page.map((e) => e.seq))
      before = page.at(-1)!.seq
    }
    expect(pages).toEqual(all.map((e) => e.seq))
    expect(pages).toEqual([...pages].sort((a, b) => b - a))
  })
})
