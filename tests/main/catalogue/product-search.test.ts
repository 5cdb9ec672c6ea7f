import fc from 'fast-check'
import type { Core } from '../../../src-main/core'
import type { DB } from '../../../src-main/db/connection'
import { loadAdminUnits } from '../../../src-main/services/admin-units-service'
import { setLookup } from '../../../src-main/services/catalogue-wiring'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { createProducer, likePattern } from '../../../src-main/services/producer-service'
import { createProduct } from '../../../src-main/services/product-service'
import { PRODUCT_STATUSES, REGISTRATION_TYPES } from '../../../src-main/shared/catalogue'
import { zProducerInput } from '../../../src-main/shared/contract'
import { foldVietnamese } from '../../../src-main/shared/text'
import { ok, RESOURCES, testCore } from '../../utils/core'

/**
 * products.list searches through the trigram index of migration 016 (queries of three characters or more) and the
 * LIKE scan (shorter ones). Whatever the query and filters, the page and the total must be exactly those of the scan
 * every query used before (copied here as it was), in the same order — also after renames and deletions.
 */
const WORDS = ['Dâu tây', 'Cà phê', 'Chè', 'Mắc ca', 'Hồng treo gió', 'Rượu cần', 'Mật ong', 'Hạt điều', 'Bơ', 'Tơ tằm', 'ĐẶC SẢN', 'Đà Lạt', 'Cầu Đất', 'Bảo Lộc', '100% sạch', 'mã_số', 'trà "xanh"', 'a\\b', 'Ưu đãi', 'Ý Yên']
const SETS = ['QD26-2026-01', 'QD26-2026-06', 'QD26-2026-12']

function oldList(db: DB, i: { query?: string; setId?: string; status?: string; page: number; pageSize: number }) {
  const where: string[] = []
  const args: Record<string, unknown> = {}
  if (i.query?.trim()) {
    where.push("(x.name_fold LIKE @q ESCAPE '\\' OR x.code LIKE @q ESCAPE '\\' OR p.name_fold LIKE @q ESCAPE '\\')")
    args.q = likePattern(i.query)
  }
  for (const [k, col] of [['setId', 'x.set_id'], ['status', 'x.status']] as const) {
    if (i[k] === undefined) continue
    where.push(`${col} = @${k}`)
    args[k] = i[k]
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
  const from = 'FROM products x JOIN producers p ON p.id = x.producer_id'
  const total = (db.prepare(`SELECT count(*) AS n ${from} ${w}`).get(args) as { n: number }).n
  const ids = db.prepare(`SELECT x.id ${from} ${w} ORDER BY x.sort_key, x.id LIMIT @limit OFFSET @offset`).pluck().all({ ...args, limit: i.pageSize, offset: (i.page - 1) * i.pageSize })
  return { total, ids }
}

function seed(core: Core, producers: number, products: number): void {
  let s = 7
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!
  const units = loadAdminUnits(RESOURCES)
  const sets = setLookup(createCriteriaService(core.db, core.info().criteriaVersion))
  const now = new Date('2026-06-10T00:00:00Z')
  core.db.transaction(() => {
    const ids: number[] = []
    for (let i = 0; i < producers; i++)
      ids.push(
        createProducer(
          core.db,
          units,
          zProducerInput.parse({ kind: 'htx', name: `Hợp tác xã ${pick(WORDS)} ${pick(WORDS)} ${i}`, repName: 'Người đại diện', repGender: 'nam', repEthnicity: 'Kinh', provinceCode: '68', communeCode: '24778' }),
          now
        )
      )
    for (let i = 0; i < products; i++)
      createProduct(core.db, { units, sets }, { producerId: pick(ids), name: `${pick(WORDS)} ${pick(WORDS)} loại ${i % 7}`, setId: pick(SETS), registrationType: pick(REGISTRATION_TYPES), year: 2026 }, now)
  })()
}

const fragment = (texts: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    // A piece of an existing name or code, as typed with or without diacritics and in any case.
    fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 8 }), fc.constantFrom('as-is', 'fold', 'upper')).map(([t, a, n, how]) => {
      const start = a % t.length
      const piece = t.slice(start, start + n)
      return how === 'fold' ? foldVietnamese(piece) : how === 'upper' ? piece.toUpperCase() : piece
    }),
    // Anything else: letters with and without marks, LIKE and FTS5 syntax characters, spaces, a lone combining mark.
    fc.array(fc.constantFrom(...'aăâdđĐeêoôơuưyAÊ chèphêlạt%_"\\*-:()^0123456789'.split(''), '\u0301'), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''))
  )

async function expectSame(core: Core, runs: number): Promise<void> {
  const texts = (core.db.prepare('SELECT x.name, x.code, p.name AS producer FROM products x JOIN producers p ON p.id = x.producer_id').all() as Array<Record<string, string>>).flatMap((r) => [r.name!, r.code!, r.producer!])
  await fc.assert(
    fc.asyncProperty(
      fragment(texts),
      fc.option(fc.constantFrom(...SETS), { nil: undefined }),
      fc.option(fc.constantFrom(...PRODUCT_STATUSES), { nil: undefined }),
      fc.integer({ min: 1, max: 3 }),
      fc.integer({ min: 1, max: 60 }),
      async (query, setId, status, page, pageSize) => {
        const input = { query, page, pageSize, ...(setId ? { setId } : {}), ...(status ? { status } : {}) }
        const now = await ok(core, 'products.list', input)
        // The boundary trims the query (zod) before the service sees it; the old scan is given the same text.
        const before = oldList(core.db, { ...input, query: query.normalize('NFC').trim() })
        expect({ total: now.total, ids: now.items.map((p) => p.id) }).toEqual(before)
      }
    ),
    { numRuns: runs }
  )
}

describe('product search through the trigram index', () => {
  it('finds exactly what the LIKE scan found, in the same order, before and after renames and deletions', async () => {
    const core = await testCore()
    try {
      seed(core, 30, 400)
      await expectSame(core, 300)
      // Writes the triggers must follow: a product renamed, a producer renamed (all its products), products deleted.
      const [a, b] = core.db.prepare('SELECT id, set_id, registration_type FROM products ORDER BY id LIMIT 2').all() as Array<{ id: number; set_id: string; registration_type: 'lan-dau' }>
      await ok(core, 'products.update', { id: a!.id, name: 'Sâm Ngọc Linh "đỏ" 50%', setId: a!.set_id, registrationType: a!.registration_type })
      const producer = (await ok(core, 'producers.list', { page: 1, pageSize: 1 })).items[0]!
      const full = await ok(core, 'producers.get', { id: producer.id })
      await ok(core, 'producers.update', { id: full.id, kind: full.kind, name: 'Công ty Đặc sản Lang Biang', regNo: full.regNo, repName: full.repName, repGender: full.repGender, repEthnicity: full.repEthnicity, repDisability: full.repDisability, provinceCode: full.provinceCode, communeCode: full.communeCode, street: full.street, phone: full.phone, email: full.email })
      await ok(core, 'products.delete', { id: b!.id })
      expect((await ok(core, 'products.list', { query: 'sam ngoc linh "do" 50%', page: 1, pageSize: 50 })).items.map((p) => p.id)).toEqual([a!.id])
      expect((await ok(core, 'products.list', { query: 'Đặc sản Lang', page: 1, pageSize: 200 })).total).toBe((core.db.prepare('SELECT count(*) FROM products WHERE producer_id = ?').pluck().get(full.id) as number))
      await expectSame(core, 150)
      // The index itself agrees with its content (FTS5's own check).
      expect(() => core.db.exec("INSERT INTO product_search (product_search) VALUES ('integrity-check')")).not.toThrow()
    } finally {
      core.close()
    }
  }, 600_000)
})
