import { describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { call, ok, testCore } from '../../utils/core'
import { producerInput, seedProducer } from './helpers'

const audit = (core: Core, kind: string) =>
  (core.db.prepare('SELECT content FROM audit_events WHERE kind = ? ORDER BY seq').pluck().all(kind) as string[]).map((c) => (JSON.parse(c) as { data: Record<string, unknown> }).data)
const product = (core: Core, producerId: number, name: string, setId = 'QD26-2026-01') =>
  ok(core, 'products.create', { producerId, name, setId, registrationType: 'lan-dau', year: 2026 })

describe('producer merge', () => {
  it('moves the duplicate’s products to the kept producer with their codes, removes the duplicate, keeps its record in the audit log', async () => {
    const core = await testCore()
    const keep = await seedProducer(core)
    const dup = await seedProducer(core, { name: 'HTX Nông nghiệp Đà Lạt', regNo: '', communeCode: '24848' })
    const mine = await product(core, keep.id, 'Trà Atiso')
    const a = await product(core, dup.id, 'Mứt dâu')
    const b = await product(core, dup.id, 'Rượu vang')
    const r = await ok(core, 'producers.merge', { keepId: keep.id, mergeId: dup.id })
    expect(r.moved).toBe(2)
    expect(r.producer.productCount).toBe(3)
    const rows = core.db.prepare('SELECT id, code, producer_id, commune_code FROM products ORDER BY id').all()
    expect(rows).toEqual([
      { id: mine.id, code: mine.code, producer_id: keep.id, commune_code: '24778' },
      { id: a.id, code: a.code, producer_id: keep.id, commune_code: '24778' },
      { id: b.id, code: b.code, producer_id: keep.id, commune_code: '24778' }
    ])
    expect(a.code).toMatch(/^68-24848-/)
    expect(await call(core, 'producers.get', { id: dup.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const [e] = audit(core, 'producer.merge')
    expect(e).toMatchObject({
      producerId: keep.id,
      kept: keep.name,
      removed: { id: dup.id, name: 'HTX Nông nghiệp Đà Lạt', communeCode: '24848' },
      products: [
        { id: a.id, code: a.code, fromCommune: '24848', movedCommune: true },
        { id: b.id, code: b.code, fromCommune: '24848', movedCommune: true }
      ]
    })
    expect((await ok(core, 'audit.list', { limit: 1 }))[0]).toMatchObject({ summary: 'Gộp chủ thể trùng', object: '' })
    core.close()
  })

  it('refuses a merge into itself, of an unknown producer, and of products a tourism-only kind may not hold; nothing changes', async () => {
    const core = await testCore()
    const keep = await seedProducer(core, { kind: 'hoi', regNo: '' })
    const dup = await seedProducer(core, { regNo: '' })
    await product(core, dup.id, 'Mứt dâu')
    expect(await call(core, 'producers.merge', { keepId: keep.id, mergeId: keep.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await call(core, 'producers.merge', { keepId: keep.id, mergeId: 999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call(core, 'producers.merge', { keepId: keep.id, mergeId: dup.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('Mứt dâu') } })
    expect((await ok(core, 'producers.get', { id: dup.id })).productCount).toBe(1)
    core.close()
  })
})

describe('producer commune change', () => {
  it('moves the products when asked, in the same transaction and audited; codes never change', async () => {
    const core = await testCore()
    const p = await seedProducer(core)
    const x = await product(core, p.id, 'Trà Atiso')
    const y = await product(core, p.id, 'Mứt dâu')
    await ok(core, 'producers.update', { id: p.id, ...producerInput({ communeCode: '24848' }), moveProducts: true })
    expect(core.db.prepare('SELECT code, commune_code FROM products ORDER BY id').all()).toEqual([
      { code: x.code, commune_code: '24848' },
      { code: y.code, commune_code: '24848' }
    ])
    expect(audit(core, 'producer.move-products')).toEqual([
      { producerId: p.id, fromCommune: '24778', toCommune: '24848', products: [expect.objectContaining({ id: x.id, code: x.code, fromCommune: '24778' }), expect.objectContaining({ id: y.id })] }
    ])
    // A new product of the moved producer takes a serial of its new commune; the moved ones keep theirs.
    const z = await product(core, p.id, 'Rượu vang')
    expect(z.code).toBe('68-24848-001-2026')
    core.close()
  })

  it('leaves the products where they are when not asked', async () => {
    const core = await testCore()
    const p = await seedProducer(core)
    await product(core, p.id, 'Trà Atiso')
    await ok(core, 'producers.update', { id: p.id, ...producerInput({ communeCode: '24848' }) })
    expect(core.db.prepare('SELECT commune_code FROM products').pluck().all()).toEqual(['24778'])
    expect(audit(core, 'producer.move-products')).toEqual([])
    core.close()
  })
})
