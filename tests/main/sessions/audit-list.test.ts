import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AUDIT_LABELS } from '../../../src-main/services/sessions'
import { createAuditObjects } from '../../../src-main/services/sessions/audit-list'
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

  it('has Vietnamese words for every kind of event the services write (no code such as "minutes.text" on screen)', () => {
    const src = join(__dirname, '../../../src-main')
    const kinds = new Set<string>()
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name)
        if (e.isDirectory()) walk(p)
        else if (e.name.endsWith('.ts')) for (const m of readFileSync(p, 'utf8').matchAll(/\.audit\('([a-z.]+)'/gi)) kinds.add(m[1]!)
      }
    }
    walk(src)
    expect(kinds.size).toBeGreaterThan(20)
    expect([...kinds].filter((k) => !AUDIT_LABELS[k])).toEqual([])
  })

  it('names the issued document and its number', async () => {
    const core = await testCore()
    const objectOf = createAuditObjects(core.db)
    expect(objectOf('document.issue', JSON.stringify({ data: { kind: 'minutes', productId: null, number: '01/BB-HĐOCOP' } }))).toBe('Biên bản họp Hội đồng số 01/BB-HĐOCOP')
  })
})
