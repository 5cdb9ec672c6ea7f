import { readFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { call, ok, testCore } from '../../utils/core'
import { seedProducer } from './helpers'

let core: Core & { dataDir: string }
const fixed = new Date('2026-06-10T03:00:00Z')
beforeEach(async () => {
  core = await testCore(undefined, () => fixed)
})
afterEach(() => core.close())

const newProduct = async (producerId: number, over: Record<string, unknown> = {}) =>
  ok(core, 'products.create', { producerId, name: 'Dâu tây Đà Lạt', setId: 'QD26-2026-01', registrationType: 'lan-dau', ...over })

describe('products', () => {
  it('numbers products per commune and year with unique codes and form numbers', async () => {
    const p = await seedProducer(core)
    const a = await newProduct(p.id)
    const b = await newProduct(p.id, { name: 'Mứt dâu' })
    const c = await newProduct(p.id, { name: 'Trà atiso', year: 2025 })
    expect([a.code, b.code, c.code]).toEqual(['68-24778-001-2026', '68-24778-002-2026', '68-24778-001-2025'])
    expect(a.formNo).toBe('001/PĐK-68-24778-2026')
    expect(a).toMatchObject({ status: 'registered', setNo: 1, producerName: p.name, allowedNext: ['dossier-complete'] })
    expect(a.history).toEqual([{ fromStatus: null, toStatus: 'registered', stars: null, reason: 'Đăng ký sản phẩm', at: fixed.toISOString() }])
  })

  it('refuses tourism-only producers for other sets, and an unknown producer', async () => {
    const hoi = await seedProducer(core, { kind: 'hoi', regNo: '' })
    const r = await call(core, 'products.create', { producerId: hoi.id, name: 'Chè', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    expect(r.ok ? null : r.error.message).toMatch(/du lịch/)
    expect((await newProduct(hoi.id, { setId: 'QD26-2026-26', name: 'Du lịch cộng đồng' })).setNo).toBe(26)
    const none = await call(core, 'products.create', { producerId: 999, name: 'X', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    expect(none.ok ? null : none.error.code).toBe('VALIDATION')
  })

  it('filters by set, commune, status and stars, searching without diacritics', async () => {
    const p = await seedProducer(core)
    const q = await seedProducer(core, { name: 'HTX Lạc Dương', regNo: '', communeCode: '24848' })
    await newProduct(p.id)
    await newProduct(q.id, { name: 'Cà phê Arabica', setId: 'QD26-2026-06' })
    expect((await ok(core, 'products.list', { query: 'ca phe' })).items.map((x) => x.name)).toEqual(['Cà phê Arabica'])
    expect((await ok(core, 'products.list', { communeCode: '24848' })).total).toBe(1)
    expect((await ok(core, 'products.list', { setId: 'QD26-2026-01' })).total).toBe(1)
    expect((await ok(core, 'products.list', { status: 'registered' })).total).toBe(2)
    expect((await ok(core, 'products.list', { stars: 4 })).total).toBe(0)
    expect((await ok(core, 'products.list', { query: '68-24848' })).total).toBe(1)
  })

  it('walks the status machine with reasons and stars, recording history', async () => {
    const p = await seedProducer(core)
    const x = await newProduct(p.id)
    const direct = await call(core, 'products.transition', { id: x.id, to: 'dossier-complete' })
    expect(direct.ok ? null : direct.error.message).toMatch(/danh mục hồ sơ/)
    for (const item of ['mau-01', 'mau-02', 'commune-letter', 'mau-03', 'samples'] as const)
      await ok(core, 'dossier.check', { productId: x.id, itemKey: item, checked: true })
    await ok(core, 'dossier.complete', { productId: x.id })
    await ok(core, 'products.transition', { id: x.id, to: 'on-agenda' })
    await ok(core, 'products.transition', { id: x.id, to: 'rated' })
    const five = await call(core, 'products.transition', { id: x.id, to: 'recognised', stars: 5 })
    expect(five.ok ? null : five.error.message).toMatch(/5 sao/)
    const rec = await ok(core, 'products.transition', { id: x.id, to: 'recognised', stars: 4 })
    expect(rec.stars).toBe(4)
    const noReason = await call(core, 'products.transition', { id: x.id, to: 'revoked' })
    expect(noReason.ok ? null : noReason.error.message).toMatch(/lý do/)
    const rev = await ok(core, 'products.transition', { id: x.id, to: 'revoked', reason: 'Ngừng sản xuất' })
    expect(rev.history.map((h) => h.toStatus)).toEqual(['registered', 'dossier-complete', 'on-agenda', 'rated', 'recognised', 'revoked'])
    expect(rev.history.at(-1)).toMatchObject({ reason: 'Ngừng sản xuất', stars: 4 })
    expect(rev.allowedNext).toEqual([])
    expect((await ok(core, 'products.list', { stars: 4 })).total).toBe(1)
  })
})

describe('dossier', () => {
  it('requires samples except for tourism and extra papers for upgrades', async () => {
    const p = await seedProducer(core)
    const first = await ok(core, 'dossier.get', { productId: (await newProduct(p.id)).id })
    expect(first.items.map((i) => i.key)).toEqual(['mau-01', 'mau-02', 'commune-letter', 'mau-03', 'samples'])
    const up = await ok(core, 'dossier.get', { productId: (await newProduct(p.id, { registrationType: 'nang-hang' })).id })
    expect(up.items.map((i) => i.key)).toContain('upgrade-evidence')
    const t = await seedProducer(core, { kind: 'tt-dieu-hanh', regNo: '' })
    const tour = await ok(core, 'dossier.get', { productId: (await newProduct(t.id, { setId: 'QD26-2026-26' })).id })
    expect(tour.requiresSamples).toBe(false)
    expect(tour.items.map((i) => i.key)).not.toContain('samples')
  })

  it('stores attached files by SHA-256 under the data folder and serves them back', async () => {
    const p = await seedProducer(core)
    const x = await newProduct(p.id)
    const content = Buffer.from('%PDF-1.4 Phiếu đăng ký')
    const sha = createHash('sha256').update(content).digest('hex')
    const d = await ok(core, 'dossier.attach', { productId: x.id, itemKey: 'mau-01', fileName: 'Phiếu đăng ký.pdf', contentBase64: content.toString('base64') })
    const f = d.items.find((i) => i.key === 'mau-01')!.files[0]!
    expect(f).toMatchObject({ name: 'Phiếu đăng ký.pdf', size: content.length, sha256: sha, mime: 'application/pdf' })
    const stored = join(core.dataDir, 'files', sha.slice(0, 2), sha)
    expect(readFileSync(stored)).toEqual(content)
    const back = await ok(core, 'dossier.download', { fileId: f.id })
    expect(Buffer.from(back.contentBase64, 'base64')).toEqual(content)
    const path = await call(core, 'dossier.attach', { productId: x.id, itemKey: 'mau-01', fileName: '../../etc/passwd', contentBase64: 'AA==' })
    expect(path.ok ? null : path.error.code).toBe('VALIDATION')
    const sample = await call(core, 'dossier.attach', { productId: x.id, itemKey: 'samples', fileName: 'a.jpg', contentBase64: 'AA==' })
    expect(sample.ok ? null : sample.error.message).toMatch(/hiện vật/)
    expect(existsSync(stored)).toBe(true)
  })

  it('completes only when every required item is there, then locks the dossier', async () => {
    const p = await seedProducer(core)
    const x = await newProduct(p.id)
    await ok(core, 'dossier.attach', { productId: x.id, itemKey: 'mau-01', fileName: 'a.pdf', contentBase64: 'JVBERg==' })
    const early = await call(core, 'dossier.complete', { productId: x.id })
    expect(early.ok ? null : early.error).toMatchObject({ code: 'VALIDATION', issues: expect.arrayContaining([{ path: 'samples', message: 'Chưa có' }]) })
    for (const item of ['mau-02', 'commune-letter', 'mau-03', 'samples'] as const) await ok(core, 'dossier.check', { productId: x.id, itemKey: item, checked: true })
    const done = await ok(core, 'dossier.complete', { productId: x.id })
    expect(done).toMatchObject({ complete: true, editable: false, completedAt: fixed.toISOString() })
    expect((await ok(core, 'products.get', { id: x.id })).status).toBe('dossier-complete')
    const locked = await call(core, 'dossier.check', { productId: x.id, itemKey: 'samples', checked: false })
    expect(locked.ok ? null : locked.error.code).toBe('CONFLICT')
    await ok(core, 'products.transition', { id: x.id, to: 'registered', reason: 'Bổ sung Mẫu 02' })
    expect((await ok(core, 'dossier.get', { productId: x.id })).editable).toBe(true)
  })
})

describe('export', () => {
  it('writes both sheets with Vietnamese headers and text codes', async () => {
    const p = await seedProducer(core)
    await newProduct(p.id)
    const out = await ok(core, 'catalogue.exportXlsx', {})
    expect(out).toMatchObject({ producers: 1, products: 1 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.contentBase64, 'base64') as never)
    const prod = wb.getWorksheet('Sản phẩm')!
    expect(prod.getRow(1).getCell(2).value).toBe('Mã sản phẩm')
    expect(prod.getRow(2).getCell(2).value).toBe('68-24778-001-2026')
    const producers = wb.getWorksheet('Chủ thể')!
    expect(producers.getRow(2).getCell(11).value).toBe('24778')
    expect(producers.getRow(2).getCell(6).value).toBe('Nữ')
  })
})
