import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { call, ok, testCore } from '../../utils/core'
import { LAM_DONG, producerInput, seedProducer } from './helpers'

let core: Core
const fixed = new Date('2026-06-10T03:00:00Z')
beforeEach(async () => {
  core = await testCore(undefined, () => fixed)
})
afterEach(() => core.close())

describe('administrative units', () => {
  it('ships 34 provinces and 3,321 communes', async () => {
    const provinces = await ok(core, 'admin.provinces', {})
    expect(provinces).toHaveLength(34)
    expect(provinces.reduce((n, p) => n + p.communeCount, 0)).toBe(3321)
    expect(provinces.find((p) => p.code === LAM_DONG)).toMatchObject({ name: 'Tỉnh Lâm Đồng', communeCount: 124 })
    let all = 0
    for (const p of provinces) all += (await ok(core, 'admin.communes', { provinceCode: p.code })).length
    expect(all).toBe(3321)
  })

  it('searches communes without diacritics and refuses unknown provinces', async () => {
    const hits = await ok(core, 'admin.communes', { provinceCode: LAM_DONG, query: 'da lat' })
    expect(hits.map((c) => c.name)).toContain('Phường Lâm Viên - Đà Lạt')
    expect(hits.every((c) => c.name.includes('Đà Lạt'))).toBe(true)
    const r = await call(core, 'admin.communes', { provinceCode: '99' })
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND')
  })

  it('suggests new units for an old address', async () => {
    const hits = await ok(core, 'admin.oldToNew', { address: 'Thị trấn Lạc Dương, huyện Lạc Dương, tỉnh Lâm Đồng' })
    // Thị trấn Lạc Dương went into Phường Lang Biang - Đà Lạt (NQ 1671/NQ-UBTVQH15).
    expect(hits[0]).toMatchObject({ provinceCode: LAM_DONG, communeName: 'Phường Lang Biang - Đà Lạt', oldDistrict: 'Huyện Lạc Dương' })
  })
})

describe('province settings', () => {
  it('are empty at first, then stored', async () => {
    expect(await ok(core, 'settings.getProvince', {})).toEqual({ provinceCode: null, bodyName: '', advisoryBody: '', placeName: '' })
    const s = { provinceCode: LAM_DONG, bodyName: 'ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG', advisoryBody: 'SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', placeName: 'Lâm Đồng' }
    await ok(core, 'settings.setProvince', s)
    expect(await ok(core, 'settings.getProvince', {})).toEqual(s)
    const bad = await call(core, 'settings.setProvince', { ...s, provinceCode: '03' })
    expect(bad.ok ? null : bad.error.message).toMatch(/Không có tỉnh/)
  })
})

describe('producers', () => {
  it('creates with normalised phone/e-mail and derives criterion 3.2', async () => {
    const p = await seedProducer(core)
    expect(p).toMatchObject({ phone: '02633822111', email: 'htx@example.vn', qualifies32: true, communeName: 'Phường Lâm Viên - Đà Lạt', productCount: 0 })
    const man = await seedProducer(core, { name: 'Công ty TNHH Lang Biang', regNo: '', repGender: 'nam', repEthnicity: 'Kinh' })
    expect(man.qualifies32).toBe(false)
    const kho = await seedProducer(core, { name: 'Tổ hợp tác K’Ho', kind: 'tht', regNo: '', repGender: 'nam', repEthnicity: "K'Ho" })
    expect(kho.qualifies32).toBe(true)
  })

  it('refuses bad input with Vietnamese messages and no row written', async () => {
    const email = await call(core, 'producers.create', producerInput({ email: 'not-an-email' }))
    expect(email.ok ? null : email.error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'email', message: 'Địa chỉ email không hợp lệ' }] })
    const commune = await call(core, 'producers.create', producerInput({ communeCode: '00004' }))
    expect(commune.ok ? null : commune.error.message).toMatch(/không thuộc tỉnh/)
    const name = await call(core, 'producers.create', producerInput({ name: '   ' }))
    expect(name.ok ? null : name.error.issues?.[0]).toMatchObject({ path: 'name', message: 'Không được để trống' })
    await seedProducer(core)
    const dup = await call(core, 'producers.create', producerInput({ name: 'Khác' }))
    expect(dup.ok ? null : dup.error.code).toBe('CONFLICT')
    expect((await ok(core, 'producers.list', {})).total).toBe(1)
  })

  it('lists with diacritics-free search, commune filter, Vietnamese order and paging', async () => {
    const names = ['Đồi chè Cầu Đất', 'Dâu tây Đà Lạt', 'Cà phê Cầu Đất', 'Ăn ngon', 'An Phú']
    for (const [i, n] of names.entries())
      await seedProducer(core, { name: n, regNo: `580000000${i}`, communeCode: i % 2 ? '24848' : '24778' })
    const all = await ok(core, 'producers.list', { pageSize: 2 })
    expect(all.total).toBe(5)
    expect(all.items.map((p) => p.name)).toEqual(['An Phú', 'Ăn ngon'])
    const page3 = await ok(core, 'producers.list', { pageSize: 2, page: 3 })
    expect(page3.items.map((p) => p.name)).toEqual(['Đồi chè Cầu Đất'])
    const cau = await ok(core, 'producers.list', { query: 'cau dat' })
    expect(cau.items.map((p) => p.name)).toEqual(['Cà phê Cầu Đất', 'Đồi chè Cầu Đất'])
    const lac = await ok(core, 'producers.list', { communeCode: '24848' })
    expect(lac.total).toBe(2)
    const literal = await ok(core, 'producers.list', { query: '%' })
    expect(literal.total).toBe(0)
  })

  it('updates and deletes only producers without products', async () => {
    const p = await seedProducer(core)
    const u = await ok(core, 'producers.update', { ...producerInput({ name: 'HTX Đà Lạt mới' }), id: p.id })
    expect(u.name).toBe('HTX Đà Lạt mới')
    await ok(core, 'products.create', { producerId: p.id, name: 'Dâu tây', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    const del = await call(core, 'producers.delete', { id: p.id })
    expect(del.ok ? null : del.error.code).toBe('CONFLICT')
  })
})
