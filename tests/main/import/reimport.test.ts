import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { runImport } from '../../../src-main/cli/catalogue'
import type { CliIo } from '../../../src-main/cli/rate'
import { call, ok, tempDir } from '../../utils/core'
import { productRow, producerRow, provinceCore, workbook, type ProducerCells, type ProductCells } from './workbook'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

const count = (core: Core, table: string) => core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
const events = (core: Core, kind: string) =>
  (core.db.prepare('SELECT content FROM audit_events WHERE kind = ? ORDER BY seq').pluck().all(kind) as string[]).map((c) => (JSON.parse(c) as { data: Record<string, unknown> }).data)

async function load(core: Core, producers: ProducerCells[], products: ProductCells[], extra: { rowChoices?: Array<{ sheet: 'producers' | 'products'; row: number; choice: string }> } = {}) {
  const upload = { fileName: 'ds.xlsx', contentBase64: await workbook(producers, products), ...extra }
  const preview = await ok(core, 'catalogueImport.preview', upload)
  return { upload, preview, commit: () => call(core, 'catalogueImport.commit', { ...upload, sha256: preview.sha256 }) }
}
const base = () => ({ producers: [producerRow(1), producerRow(2)], products: [productRow(1, 1), productRow(2, 1), productRow(3, 2)] })

describe('re-import as update', () => {
  it('the same file again: every row «không đổi», nothing added, nothing updated, no audit entry', async () => {
    const core = await provinceCore()
    const f = base()
    expect((await (await load(core, f.producers, f.products)).commit()).ok).toBe(true)
    const again = await load(core, f.producers, f.products)
    expect(again.preview.errorCount).toBe(0)
    expect(again.preview.actions.map((a) => a.action)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged', 'unchanged'])
    const before = count(core, 'audit_events')
    expect(await again.commit()).toMatchObject({ ok: true, value: { producers: 0, products: 0, producersUpdated: 0, productsUpdated: 0 } })
    expect([count(core, 'producers'), count(core, 'products'), count(core, 'audit_events')]).toEqual([2, 3, before])
    core.close()
  })

  it('a changed file: «cập nhật» with each field old → new; the commit applies them in one transaction with audit entries', async () => {
    const core = await provinceCore()
    const f = base()
    expect((await (await load(core, f.producers, f.products)).commit()).ok).toBe(true)
    const [coffee] = core.db.prepare('SELECT id, code FROM products ORDER BY id').all() as Array<{ id: number; code: string }>
    const changed = await load(
      core,
      [producerRow(1, { phone: '0912 345 678', repName: 'Trần Thị Mai' }), producerRow(2, { phone: '' })],
      [productRow(1, 1, { code: coffee!.code, name: 'Cà phê Arabica Cầu Đất', registrationType: 'Nâng hạng' }), productRow(2, 1), productRow(3, 2), productRow(4, 2)]
    )
    expect(changed.preview.errorCount).toBe(0)
    const byRow = new Map(changed.preview.actions.map((a) => [`${a.sheet}:${a.row}`, a]))
    expect(byRow.get('producers:2')).toMatchObject({
      action: 'update',
      matchedBy: 'mã số thuế 5800123401',
      changes: [
        { field: 'repName', label: 'Người đại diện theo pháp luật', from: 'Người Đại Diện 1', to: 'Trần Thị Mai' },
        { field: 'phone', label: 'Điện thoại', from: '02633822111', to: '0912345678' }
      ]
    })
    // A blank cell never erases what is registered.
    expect(byRow.get('producers:3')).toMatchObject({ action: 'unchanged', changes: [] })
    expect(byRow.get('products:2')).toMatchObject({
      action: 'update',
      matchedBy: `mã sản phẩm ${coffee!.code}`,
      changes: [
        { field: 'name', from: 'Trà Atiso loại 1', to: 'Cà phê Arabica Cầu Đất' },
        { field: 'registrationType', from: 'Lần đầu', to: 'Nâng hạng' }
      ]
    })
    expect(byRow.get('products:5')).toMatchObject({ action: 'add' })
    expect(await changed.commit()).toMatchObject({ ok: true, value: { producers: 0, products: 1, producersUpdated: 1, productsUpdated: 1 } })
    expect(core.db.prepare('SELECT code, name, registration_type FROM products WHERE id = ?').get(coffee!.id)).toEqual({ code: coffee!.code, name: 'Cà phê Arabica Cầu Đất', registration_type: 'nang-hang' })
    expect(core.db.prepare("SELECT phone, rep_name FROM producers WHERE reg_no = '5800123401'").get()).toEqual({ phone: '0912345678', rep_name: 'Trần Thị Mai' })
    expect(events(core, 'producer.update')).toEqual([expect.objectContaining({ changes: expect.arrayContaining([expect.objectContaining({ field: 'phone' })]), source: 'Nhập từ Excel «ds.xlsx», Chủ thể, dòng 2' })])
    expect(events(core, 'product.update')).toEqual([expect.objectContaining({ productId: coffee!.id, source: 'Nhập từ Excel «ds.xlsx», Sản phẩm, dòng 2' })])
    const audit = await ok(core, 'audit.list', { limit: 5 })
    expect(audit.map((e) => e.summary)).toContain('Cập nhật sản phẩm khi nhập lại từ Excel')
    core.close()
  })

  it('a producer whose commune changed moves its products with it; their codes stay', async () => {
    const core = await provinceCore()
    const f = base()
    expect((await (await load(core, f.producers, f.products)).commit()).ok).toBe(true)
    const codes = core.db.prepare('SELECT code FROM products WHERE producer_id = 1 ORDER BY id').pluck().all()
    const moved = await load(core, [producerRow(1, { communeCode: '24820' }), producerRow(2)], f.products)
    const a = moved.preview.actions.find((x) => x.sheet === 'producers' && x.row === 2)!
    expect(a.changes.map((c) => [c.field, c.from, c.to])).toEqual([
      ['communeCode', '24778 Phường Lâm Viên - Đà Lạt', '24820 Phường 2 Bảo Lộc'],
      ['products', '', '2 sản phẩm sang xã mới (mã sản phẩm giữ nguyên)']
    ])
    expect((await moved.commit()).ok).toBe(true)
    expect(core.db.prepare('SELECT code, commune_code FROM products WHERE producer_id = 1 ORDER BY id').all()).toEqual(codes.map((code) => ({ code, commune_code: '24820' })))
    expect(events(core, 'producer.update')[0]!.movedProducts).toHaveLength(2)
    core.close()
  })

  it('true duplicates block the commit until the clerk chooses: update which one, add as new, or skip', async () => {
    const core = await provinceCore()
    const f = base()
    expect((await (await load(core, f.producers, f.products)).commit()).ok).toBe(true)
    // Two registered products of producer 1 with the same name (e.g. typed twice before the app had this check).
    const producerId = core.db.prepare("SELECT id FROM producers WHERE reg_no = '5800123401'").pluck().get() as number
    const twin = await ok(core, 'products.create', { producerId, name: 'Mứt dâu tây loại 2', setId: 'QD26-2026-03', registrationType: 'lan-dau', year: 2026 })
    const rows = [...f.products, productRow(4, 2, { name: 'Rượu vang Đà Lạt loại 3' })]
    const dup = await load(core, f.producers, rows)
    const actions = new Map(dup.preview.actions.map((a) => [`${a.sheet}:${a.row}`, a]))
    expect(actions.get('products:3')).toMatchObject({ action: 'duplicate', duplicate: { reason: '2 sản phẩm đã có cùng tên của chủ thể này', chosen: null } })
    expect(actions.get('products:3')!.duplicate!.candidates.map((c) => c.id)).toContain(twin.id)
    expect(actions.get('products:5')).toMatchObject({ action: 'duplicate', duplicate: { reason: 'Cùng sản phẩm với dòng 4' } })
    expect(dup.preview.errorCount).toBe(2)
    const refused = await dup.commit()
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(count(core, 'products')).toBe(4)

    const chosen = await load(core, f.producers, rows, {
      rowChoices: [
        { sheet: 'products', row: 3, choice: `update:${twin.id}` },
        { sheet: 'products', row: 5, choice: 'skip' }
      ]
    })
    expect(chosen.preview.errorCount).toBe(0)
    expect(chosen.preview.actions.find((a) => a.row === 3 && a.sheet === 'products')).toMatchObject({ action: 'unchanged', matchedBy: 'chọn khi trùng', duplicate: { chosen: `update:${twin.id}` } })
    expect(chosen.preview.actions.find((a) => a.row === 5 && a.sheet === 'products')).toMatchObject({ action: 'skip' })
    expect(await chosen.commit()).toMatchObject({ ok: true, value: { products: 0 } })
    // «add» instead: the second row becomes a new product.
    const added = await load(core, f.producers, rows, { rowChoices: [{ sheet: 'products', row: 3, choice: `update:${twin.id}` }, { sheet: 'products', row: 5, choice: 'add' }] })
    expect(await added.commit()).toMatchObject({ ok: true, value: { products: 1 } })
    // A choice naming a record that is not a candidate is no choice.
    const wrong = await load(core, f.producers, rows, { rowChoices: [{ sheet: 'products', row: 3, choice: 'update:999' }] })
    expect(wrong.preview.actions.find((a) => a.row === 3 && a.sheet === 'products')!.action).toBe('duplicate')
    core.close()
  })

  it('a producer name shared by two registered producers of the commune is a duplicate to decide; skipping it skips its products', async () => {
    const core = await provinceCore()
    const noReg = { regNo: '', name: 'Hộ kinh doanh Nguyễn Văn A' }
    const a = await ok(core, 'producers.create', { kind: 'htx', name: 'Hộ kinh doanh Nguyễn Văn A', repName: 'A', repGender: 'nam', repEthnicity: 'Kinh', provinceCode: '68', communeCode: '24778' })
    const b = await ok(core, 'producers.create', { kind: 'htx', name: 'Hộ Kinh Doanh Nguyễn Văn A', repName: 'A', repGender: 'nam', repEthnicity: 'Kinh', provinceCode: '68', communeCode: '24778' })
    const pending = await load(core, [producerRow(1, noReg)], [productRow(1, 1)])
    expect(pending.preview.actions[0]).toMatchObject({ action: 'duplicate', duplicate: { candidates: [{ id: a.id }, { id: b.id }] } })
    const skip = await load(core, [producerRow(1, noReg)], [productRow(1, 1)], { rowChoices: [{ sheet: 'producers', row: 2, choice: 'skip' }] })
    expect(skip.preview.actions.map((x) => x.action)).toEqual(['skip', 'skip'])
    const upd = await load(core, [producerRow(1, noReg)], [productRow(1, 1)], { rowChoices: [{ sheet: 'producers', row: 2, choice: `update:${b.id}` }] })
    expect(upd.preview.actions[0]).toMatchObject({ action: 'update', matchedBy: 'chọn khi trùng' })
    expect(await upd.commit()).toMatchObject({ ok: true, value: { producers: 0, producersUpdated: 1, products: 1 } })
    expect(core.db.prepare('SELECT producer_id FROM products').pluck().all()).toEqual([b.id])
    core.close()
  })

  it('the CLI prints the changes and the candidates, and takes --duplicate choices', async () => {
    const core = await provinceCore()
    const f = base()
    expect((await (await load(core, f.producers, f.products)).commit()).ok).toBe(true)
    const dir = (core as Core & { dataDir: string }).dataDir
    core.close()
    const file = join(tempDir(), 'ds.xlsx')
    writeFileSync(file, Buffer.from(await workbook([producerRow(1, { phone: '0912 345 678' }), producerRow(2)], [...f.products, productRow(4, 2, { name: 'Rượu vang Đà Lạt loại 3' })]), 'base64'))
    const io = { out: '', err: '', readFile: () => '', readStdin: async () => '', stdout: (t: string) => void (io.out += t), stderr: (t: string) => void (io.err += t) } as CliIo & { out: string; err: string }
    expect(await runImport([file, '--data-dir', dir], io)).toBe(1)
    expect(io.out).toContain('Chủ thể dòng 2: cập nhật mã số thuế 5800123401')
    expect(io.out).toContain('Điện thoại: 02633822111 → 0912345678')
    expect(io.out).toContain('Sản phẩm dòng 5: TRÙNG, CẦN CHỌN')
    expect(io.out).toContain('dùng --duplicate products:5=update:MÃ|add|skip')
    expect(await runImport([file, '--data-dir', dir, '--duplicate', 'products:5=oops'], io)).toBe(2)
    expect(await runImport([file, '--data-dir', dir, '--duplicate', 'products:5=skip', '--commit'], io)).toBe(0)
    expect(io.out).toContain('Đã nhập: 0 chủ thể mới, 1 chủ thể cập nhật, 0 sản phẩm mới, 0 sản phẩm cập nhật')
  })
})
