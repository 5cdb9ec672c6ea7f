import { ok, testCore } from '../../utils/core'
import { memberCtx, openScoringSession } from './helpers'

describe('sheet header address', () => {
  it('writes the commune and province inside the address in lower case ("…, phường X, tỉnh Y"), as the printed documents do', async () => {
    const core = await testCore()
    const s = await openScoringSession(core, { products: 1 })
    const member = s.members.find((m) => m.role === 'member')!
    const ref = { sessionId: s.sessionId, productId: s.products[0]!, memberId: member.id }
    core.db.prepare('UPDATE producers SET street = ? WHERE id = (SELECT producer_id FROM products WHERE id = ?)').run('Số 5 Trần Phú', s.products[0])
    const withStreet = (await ok(core, 'sheets.get', ref, memberCtx(member.id))).product.producerAddress
    expect(withStreet).toMatch(/^Số 5 Trần Phú, (phường|xã|đặc khu) .+, tỉnh Lâm Đồng$/u)
    core.db.prepare('UPDATE producers SET street = ? WHERE id = (SELECT producer_id FROM products WHERE id = ?)').run('', s.products[0])
    const noStreet = (await ok(core, 'sheets.get', ref, memberCtx(member.id))).product.producerAddress
    expect(noStreet).toMatch(/^(Phường|Xã|Đặc khu) .+, tỉnh Lâm Đồng$/u)
  })
})
