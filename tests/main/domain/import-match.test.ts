import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkCatalogue, type ExistingProducer, type ExistingProduct, type ImportContext, type RawRow } from '../../../src-main/domain/catalogue-import'
import { decide, mergeProducer, parseRowChoice, producerChanges, productChanges } from '../../../src-main/domain/import-match'
import type { ProducerData } from '../../../src-main/shared/api/catalogue'
import { foldVietnamese } from '../../../src-main/shared/text'

const COMMUNES: Record<string, string> = { '24778': 'Phường Lâm Viên - Đà Lạt', '24820': 'Phường 2 Bảo Lộc' }

/** An in-memory catalogue behind the pure checks: what the service's context answers from SQLite. */
function memoryCatalogue() {
  const producers: ExistingProducer[] = []
  const products: ExistingProduct[] = []
  let code = 0
  const ctx = (rowChoices = new Map()): ImportContext => ({
    provinceCode: '68',
    commune: (c) => (COMMUNES[c] ? { provinceCode: '68', name: COMMUNES[c]! } : undefined),
    set: (id) => (/^QD26-2026-\d\d$/.test(id) ? { no: Number(id.slice(-2)), name: `Bộ ${id.slice(-2)}` } : undefined),
    productsInCommune: () => [],
    resolveCommune: (q) =>
      q.code && COMMUNES[q.code]
        ? { status: 'resolved', how: 'code', candidate: { code: q.code, name: COMMUNES[q.code]!, provinceCode: '68', provinceName: 'Tỉnh Lâm Đồng', via: '' } }
        : { status: 'none', message: 'Không có xã' },
    communeChoices: new Map(),
    producersByNameInCommune: (c, n) => producers.filter((p) => p.data.communeCode === c && foldVietnamese(p.data.name) === foldVietnamese(n)),
    producerByRegNo: (r) => producers.find((p) => p.data.regNo === r),
    productByCode: (c) => products.find((p) => p.code === c),
    productsNamed: (id, n) => products.filter((p) => p.producerId === id && foldVietnamese(p.name) === foldVietnamese(n)),
    rowChoices,
    recordedCertificate: () => undefined,
    asOf: '2026-07-01'
  })
  /** What the commit writes: new rows added, updates applied. */
  function commit(c: ReturnType<typeof checkCatalogue>): void {
    const idOf = new Map<number, number>()
    for (const p of c.producers.filter((x) => x.sameAsNo === undefined)) {
      if (p.matchedId === undefined) producers.push({ id: producers.length + 1, data: p.data, productCount: 0 })
      else if (p.update) producers.find((x) => x.id === p.matchedId)!.data = p.data
      idOf.set(p.no, p.matchedId ?? producers.length)
    }
    for (const p of c.producers) if (p.sameAsNo !== undefined) idOf.set(p.no, idOf.get(p.sameAsNo)!)
    for (const x of c.products) {
      if (x.matchedId !== undefined) Object.assign(products.find((p) => p.id === x.matchedId)!, x.data)
      else products.push({ id: products.length + 1, code: `68-24778-${String(++code).padStart(3, '0')}-2026`, name: x.data.name, producerId: idOf.get(x.producerNo)!, setId: x.data.setId, registrationType: x.data.registrationType, status: 'registered' })
    }
  }
  return { ctx, commit, producers, products }
}

const producer = (no: number, name: string, regNo: string, commune = '24778'): RawRow => ({
  row: no + 1,
  cells: { no: String(no), kind: 'Hợp tác xã', name, regNo, repName: 'Người A', repGender: 'Nữ', repEthnicity: 'Kinh', repDisability: 'Không', communeCode: commune }
})
const product = (no: number, producerNo: number, name: string, set = 'QD26-2026-01'): RawRow => ({
  row: no + 1,
  cells: { no: String(no), name, producerNo: String(producerNo), setId: set, registrationType: 'Lần đầu', year: '2026' }
})
const wb = (producers: RawRow[], products: RawRow[]) => ({ producers, products, certificates: [], issues: [] })

const DATA: ProducerData = {
  kind: 'htx', name: 'HTX A', regNo: '5800000001', repName: 'Người A', repGender: 'nu', repEthnicity: 'Kinh', repDisability: false,
  provinceCode: '68', communeCode: '24778', street: '1 Trần Phú', oldAddress: '', phone: '0263111222', email: ''
}

describe('field diff of a re-import', () => {
  it('lists each changed field old → new in the clerk’s words; a blank cell keeps what is registered', () => {
    const file = { ...DATA, phone: '', repGender: 'nam' as const, repDisability: true, communeCode: '24820', street: '2 Lê Lợi' }
    const next = mergeProducer(DATA, file)
    expect(next.phone).toBe('0263111222')
    expect(producerChanges(DATA, next, { commune: (c) => (COMMUNES[c] ? { provinceCode: '68', name: COMMUNES[c]! } : undefined) })).toEqual([
      { field: 'repGender', label: 'Giới tính', from: 'Nữ', to: 'Nam' },
      { field: 'repDisability', label: 'Người khuyết tật', from: 'Không', to: 'Có' },
      { field: 'communeCode', label: 'Mã xã', from: '24778 Phường Lâm Viên - Đà Lạt', to: '24820 Phường 2 Bảo Lộc' },
      { field: 'street', label: 'Địa chỉ chi tiết', from: '1 Trần Phú', to: '2 Lê Lợi' }
    ])
    expect(producerChanges(DATA, mergeProducer(DATA, DATA), { commune: () => undefined })).toEqual([])
  })

  it('a product: name, criteria set and registration type; nothing when equal', () => {
    const a = { name: 'Trà', setId: 'QD26-2026-01', registrationType: 'lan-dau' as const }
    expect(productChanges(a, a, (id) => id)).toEqual([])
    expect(productChanges(a, { ...a, setId: 'QD26-2026-02', registrationType: 'nang-hang' }, (id) => `Bộ ${id}`)).toEqual([
      { field: 'setId', label: 'Mã bộ tiêu chí', from: 'Bộ QD26-2026-01', to: 'Bộ QD26-2026-02' },
      { field: 'registrationType', label: 'Hình thức đăng ký', from: 'Lần đầu', to: 'Nâng hạng' }
    ])
  })

  it('choices: only add, skip or update of a candidate count', () => {
    expect(['add', 'skip', 'update:12', 'update:0', 'update:x', 'ADD', ''].map(parseRowChoice)).toEqual(['add', 'skip', 'update:12', null, null, null, null])
    const cands = [{ id: 3, label: 'a' }]
    expect(decide(cands, undefined).kind).toBe('pending')
    expect(decide(cands, 'update:4').kind).toBe('pending')
    expect(decide(cands, 'update:3')).toEqual({ info: 'update:3', target: 3, kind: 'update' })
    expect(decide(cands, 'skip').kind).toBe('skip')
  })
})

describe('matching rows to registered records', () => {
  it('by tax number, by product code, by name under the producer; the same product twice in the file is a duplicate', () => {
    const m = memoryCatalogue()
    m.commit(checkCatalogue(wb([producer(1, 'HTX A', '5800000001')], [product(1, 1, 'Trà xanh')]), m.ctx()))
    const c = checkCatalogue(wb([producer(1, 'HTX A (đổi tên)', '5800000001')], [product(1, 1, 'Trà Xanh'), product(2, 1, 'trà xanh'), { ...product(3, 1, 'Trà mới'), cells: { ...product(3, 1, 'Trà mới').cells, code: '68-24778-001-2026' } }]), m.ctx())
    expect(c.actions.map((a) => [a.sheet, a.action, a.matchedBy])).toEqual([
      ['producers', 'update', 'mã số thuế 5800000001'],
      ['products', 'update', 'tên, cùng chủ thể'],
      ['products', 'duplicate', ''],
      ['products', 'duplicate', '']
    ])
    // Same folded name, so the same product; the capital letter is still a change of its name.
    expect(c.actions[1]!.changes).toEqual([{ field: 'name', label: 'Tên sản phẩm', from: 'Trà xanh', to: 'Trà Xanh' }])
    expect(c.actions[3]!.duplicate!.reason).toBe('Cùng sản phẩm với dòng 2')
    expect(c.issues.filter((i) => i.severity === 'error')).toHaveLength(2)
  })

  it('several registered producers of one name in one commune: a duplicate with both as candidates', () => {
    const m = memoryCatalogue()
    m.commit(checkCatalogue(wb([producer(1, 'Hộ Nguyễn Văn A', '5800000001'), producer(2, 'Hộ Nguyễn Văn A', '5800000002')], []), m.ctx()))
    const c = checkCatalogue(wb([producer(1, 'hộ nguyễn văn a', '')], []), m.ctx())
    expect(c.actions[0]).toMatchObject({ action: 'duplicate', duplicate: { candidates: [{ id: 1 }, { id: 2 }], chosen: null } })
    const chosen = checkCatalogue(wb([producer(1, 'hộ nguyễn văn a', '')], []), m.ctx(new Map([['producers:2', 'update:2']])))
    expect(chosen.actions[0]).toMatchObject({ action: 'update', matchedBy: 'chọn khi trùng' })
    expect(chosen.producers[0]!.matchedId).toBe(2)
  })
})

const NAMES = ['Trà xanh', 'Cà phê', 'Mật ong', 'Hạt điều', 'Nước mắm', 'Rượu cần']
const arbFile = fc
  .record({
    producers: fc.uniqueArray(fc.record({ name: fc.constantFrom('HTX A', 'HTX B', 'Hộ C', 'Hộ D'), reg: fc.boolean(), commune: fc.constantFrom('24778', '24820') }), { minLength: 1, maxLength: 4, selector: (p) => p.name }),
    products: fc.array(fc.record({ producer: fc.nat(), name: fc.constantFrom(...NAMES), set: fc.constantFrom('QD26-2026-01', 'QD26-2026-02') }), { maxLength: 8 })
  })
  .map((f) => {
    const producers = f.producers.map((p, i) => producer(i + 1, p.name, p.reg ? `58000000${String(i + 1).padStart(2, '0')}` : '', p.commune))
    // One product name per producer: the same product twice in one file is a duplicate by design (tested above).
    const seen = new Set<string>()
    const products = f.products
      .map((x) => ({ ...x, producer: (x.producer % producers.length) + 1 }))
      .filter((x) => !seen.has(`${x.producer}|${x.name}`) && seen.add(`${x.producer}|${x.name}`))
      .map((x, i) => product(i + 1, x.producer, x.name, x.set))
    return wb(producers, products)
  })

describe('property: importing the same rows twice never adds', () => {
  it('the second preview has no add, no update and no duplicate, and its commit adds nothing', () => {
    fc.assert(
      fc.property(arbFile, (file) => {
        const m = memoryCatalogue()
        const first = checkCatalogue(file, m.ctx())
        expect(first.issues.filter((i) => i.severity === 'error')).toEqual([])
        m.commit(first)
        const sizes = [m.producers.length, m.products.length]
        const again = checkCatalogue(file, m.ctx())
        expect(again.issues.filter((i) => i.severity === 'error')).toEqual([])
        expect(again.actions.filter((a) => !['unchanged', 'same-as-row'].includes(a.action))).toEqual([])
        m.commit(again)
        expect([m.producers.length, m.products.length]).toEqual(sizes)
      }),
      { numRuns: 200 }
    )
  })
})
