import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Core } from '../../../src-main/core'
import { METHOD_NAMES } from '../../../src-main/shared/contract'
import { call, ok, REPO, testCore } from '../../utils/core'
import { memberCtx, openScoringSession, seedProducts, type Seeded } from '../sessions/helpers'

/**
 * The member access matrix: every contract method called with a member token, compared with the checked-in
 * expectation. A new method fails here until someone decides, in the expectation file, whether a member may call it.
 */
const EXPECTED = JSON.parse(readFileSync(join(REPO, 'tests/main/api/member-access.expected.json'), 'utf8')) as Record<string, 'allowed' | 'forbidden'>
const ROLE_REFUSAL = 'Bạn không có quyền thực hiện thao tác này'

describe('member access matrix', () => {
  let core: Core
  let s: Seeded
  let memberId: number
  beforeAll(async () => {
    core = await testCore()
    s = await openScoringSession(core, { products: 1 })
    memberId = s.members[0]!.id
  })
  afterAll(() => core.close())

  it('has exactly one expectation per contract method', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...METHOD_NAMES].sort())
  })

  it('dispatches every method with a member token and matches the expectation', async () => {
    const rows: string[] = []
    const actual: Record<string, 'allowed' | 'forbidden'> = {}
    for (const method of [...METHOD_NAMES].sort()) {
      const r = await core.registry.dispatch(method, {}, memberCtx(memberId))
      const refusedByRole = !r.ok && r.error.code === 'FORBIDDEN' && r.error.message === ROLE_REFUSAL
      actual[method] = refusedByRole ? 'forbidden' : 'allowed'
      if (!refusedByRole) rows.push(method)
    }
    console.log(`member access matrix: ${METHOD_NAMES.length} methods, ${rows.length} allowed to a member token: ${rows.join(', ')}`)
    expect(actual).toEqual(EXPECTED)
  })
})

describe('what a member may call reaches only the member’s own session and sheets', () => {
  it('scopes sheets, dossiers and declarations; the sheet header carries only what QĐ 26 prints', async () => {
    const core = await testCore()
    try {
      const s = await openScoringSession(core, { products: 1 })
      const [a, b] = s.members
      const ctx = memberCtx(a!.id)
      const own = { sessionId: s.sessionId, productId: s.products[0]!, memberId: a!.id }
      // A product outside the session, with a dossier file, and a producer with personal data.
      const [outside] = seedProducts(core, 1)
      core.db.prepare('UPDATE producers SET phone = ?, email = ? WHERE id = (SELECT producer_id FROM products WHERE id = ?)').run('0912 345 678', 'hoa@example.vn', s.products[0])
      const fileId = Number(
        core.db.prepare("INSERT INTO dossier_files (product_id, item_key, sha256, size, mime, original_name, added_at) VALUES (?, 'mau-01', ?, 1, 'application/pdf', 'x.pdf', '2026-05-01T00:00:00.000Z')").run(outside, 'a'.repeat(64)).lastInsertRowid
      )

      const sheet = await ok(core, 'sheets.get', own, ctx)
      expect(sheet.product).toMatchObject({ producerName: 'Hợp tác xã Chè Cầu Đất', producerPhone: '0912 345 678' })
      expect(sheet.product.producerAddress).toContain('Lâm Đồng')
      const text = JSON.stringify([sheet, await ok(core, 'sheets.mine', { sessionId: s.sessionId, memberId: a!.id }, ctx), await ok(core, 'dossier.get', { productId: s.products[0]! }, ctx), await ok(core, 'sessions.me', {}, ctx)])
      for (const secret of ['hoa@example.vn', 'Kinh', 'Nguyễn Thị Hoa', core.dataDir]) expect(text).not.toContain(secret)

      const refused = {
        otherMembersSheet: await call(core, 'sheets.get', { ...own, memberId: b!.id }, ctx),
        otherMembersList: await call(core, 'sheets.mine', { sessionId: s.sessionId, memberId: b!.id }, ctx),
        otherMembersDeclaration: await call(core, 'conflicts.declare', { ...own, memberId: b!.id, kind: 'none', text: '' }, ctx),
        outsideDossier: await call(core, 'dossier.get', { productId: outside! }, ctx),
        outsideFile: await call(core, 'dossier.download', { fileId }, ctx),
        missingFile: await call(core, 'dossier.download', { fileId: fileId + 1000 }, ctx),
        producer: await call(core, 'producers.get', { id: 1 }, ctx),
        product: await call(core, 'products.get', { id: s.products[0]! }, ctx),
        history: await call(core, 'products.evaluations', { productId: s.products[0]! }, ctx),
        session: await call(core, 'sessions.get', { id: s.sessionId }, ctx),
        results: await call(core, 'results.list', { sessionId: s.sessionId }, ctx),
        appInfo: await call(core, 'app.info', {}, ctx)
      }
      for (const [what, r] of Object.entries(refused)) expect(r, what).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      expect(refused.outsideFile).toEqual(refused.missingFile)
      // The office keeps its reach.
      expect((await call(core, 'dossier.get', { productId: outside! })).ok).toBe(true)
    } finally {
      core.close()
    }
  })
})
