import type { DB } from '../db/connection'
import { stmt } from '../db/statements'
import { kindAllowedForSet } from '../domain/producer'
import { PROVINCE_ONLY_NO_CODE, formatFormNumber, formatProductCode, nextSerial, parseProductCode } from '../domain/product-code'
import { allowedNext, checkTransition } from '../domain/product-status'
import { viSortKey } from '../domain/vi-sort'
import type { ProducerKind, ProductStatus, RegistrationType } from '../shared/catalogue'
import type { Product, ProductDetail } from '../shared/contract'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'
import type { AdminUnits } from './admin-units-service'
import { likePattern } from './producer-service'

export interface SetInfo {
  no: number
  name: string
  requiresSamples: boolean
}
export type SetLookup = (setId: string) => SetInfo | undefined

export interface CatalogueDeps {
  units: AdminUnits
  sets: SetLookup
}

export interface ProductCreateData {
  producerId: number
  name: string
  setId: string
  registrationType: RegistrationType
  year?: number | undefined
  /** An official code already issued (legacy records, import of an export); generated when absent. */
  code?: string | undefined
  /** For legacy records only: the status and stars the product already has. */
  status?: ProductStatus | undefined
  stars?: number | null | undefined
  reason?: string | undefined
}

interface ProductRow {
  id: number
  code: string
  form_no: string
  province_code: string
  commune_code: string
  serial: number
  year: number
  name: string
  producer_id: number
  producer_name: string
  set_id: string
  registration_type: RegistrationType
  status: ProductStatus
  stars: number | null
  dossier_completed_at: string | null
  created_at: string
  updated_at: string
}

const SELECT = 'SELECT x.*, p.name AS producer_name FROM products x JOIN producers p ON p.id = x.producer_id'

/**
 * The last serial of a commune and year among product codes. A product may move to another commune later (its
 * producer moved, migration 016); its code, serial included, stays with the commune that issued it, so serials
 * are counted by the commune written in the code (substr(code, 4, 5) of "68-24778-001-2026"), on the index of
 * that expression.
 */
const CODE_SERIAL_MAX = 'SELECT max(serial) AS m FROM products WHERE substr(code, 4, 5) = ? AND year = ?'

function toProduct(r: ProductRow, deps: CatalogueDeps): Product {
  const set = deps.sets(r.set_id)
  return {
    id: r.id,
    code: r.code,
    formNo: r.form_no,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    communeName: deps.units.commune(r.commune_code)?.name ?? r.commune_code,
    serial: r.serial,
    year: r.year,
    name: r.name,
    producerId: r.producer_id,
    producerName: r.producer_name,
    setId: r.set_id,
    setNo: set?.no ?? 0,
    setName: set?.name ?? r.set_id,
    registrationType: r.registration_type,
    status: r.status,
    stars: r.stars,
    dossierCompletedAt: r.dossier_completed_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

export function productRow(db: DB, id: number): ProductRow {
  const row = db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as ProductRow | undefined
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
  return row
}

export function getProduct(db: DB, deps: CatalogueDeps, id: number): ProductDetail {
  const row = productRow(db, id)
  const history = (
    db.prepare('SELECT from_status, to_status, stars, reason, at FROM product_status_history WHERE product_id = ? ORDER BY id').all(id) as Array<{
      from_status: ProductStatus | null
      to_status: ProductStatus
      stars: number | null
      reason: string
      at: string
    }>
  ).map((h) => ({ fromStatus: h.from_status, toStatus: h.to_status, stars: h.stars, reason: h.reason, at: h.at }))
  return { ...toProduct(row, deps), history, allowedNext: [...allowedNext(row.status)] }
}

function checkSet(deps: CatalogueDeps, setId: string, kind: ProducerKind): SetInfo {
  const set = deps.sets(setId)
  if (!set) throw new AppError('VALIDATION', `Không có bộ tiêu chí ${setId}`, [{ path: 'setId', message: 'Bộ tiêu chí không tồn tại' }])
  if (!kindAllowedForSet(kind, set.no))
    throw new AppError('VALIDATION', 'Hội, hiệp hội và trung tâm điều hành chỉ đăng ký sản phẩm du lịch (bộ tiêu chí số 26)', [
      { path: 'setId', message: 'Loại hình chủ thể không phù hợp với bộ tiêu chí' }
    ])
  return set
}

export function recordStatus(db: DB, productId: number, from: ProductStatus | null, to: ProductStatus, stars: number | null, reason: string, at: string): void {
  stmt(db, 'INSERT INTO product_status_history (product_id, from_status, to_status, stars, reason, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    productId,
    from,
    to,
    stars,
    reason,
    at
  )
}

/**
 * Registers one product in the caller's transaction and returns its id. The code's commune is the producer's; the
 * serial is the next one in that commune and year, unless an issued code is given, which must match the commune
 * and be unused.
 */
/** Writes a product's editable fields (name with its search and sort keys, criteria set, registration type). */
export function updateProductRow(db: DB, id: number, f: { name: string; setId: string; registrationType: RegistrationType }, at: string): void {
  stmt(db, 'UPDATE products SET name = ?, name_fold = ?, sort_key = ?, set_id = ?, registration_type = ?, updated_at = ? WHERE id = ?').run(
    f.name,
    foldVietnamese(f.name),
    viSortKey(f.name),
    f.setId,
    f.registrationType,
    at,
    id
  )
}

export function createProduct(db: DB, deps: CatalogueDeps, data: ProductCreateData, now: Date): number {
  const producer = stmt(db, 'SELECT kind, province_code, commune_code FROM producers WHERE id = ?').get(data.producerId) as
    | { kind: ProducerKind; province_code: string; commune_code: string | null }
    | undefined
  if (!producer) throw new AppError('VALIDATION', 'Không tìm thấy chủ thể của sản phẩm', [{ path: 'producerId', message: 'Chủ thể không tồn tại' }])
  checkSet(deps, data.setId, producer.kind)
  let parts
  if (data.code) {
    parts = parseProductCode(data.code)
    if (!parts) throw new AppError('VALIDATION', `Mã sản phẩm "${data.code}" không đúng dạng (Mã tỉnh)-(Mã xã)-(STT)-(Năm), ví dụ 68-24823-001-2026`, [{ path: 'code', message: 'Mã sản phẩm không hợp lệ' }])
    // A province-only producer (PROVINCE_ONLY_NO_CODE): the issued code names the commune; the province must match.
    if ((producer.commune_code !== null && parts.communeCode !== producer.commune_code) || parts.provinceCode !== producer.province_code)
      throw new AppError('VALIDATION', `Mã sản phẩm ${data.code} không khớp với địa chỉ của chủ thể (${producer.province_code}-${producer.commune_code ?? 'chưa rõ xã'})`, [{ path: 'code', message: 'Mã tỉnh/xã không khớp' }])
    if (data.year !== undefined && data.year !== parts.year)
      throw new AppError('VALIDATION', `Năm trong mã sản phẩm ${data.code} khác năm đăng ký ${data.year}`, [{ path: 'code', message: 'Năm không khớp' }])
  } else {
    if (producer.commune_code === null) throw new AppError('VALIDATION', PROVINCE_ONLY_NO_CODE, [{ path: 'code', message: 'Cần mã sản phẩm đã cấp hoặc xã/phường của chủ thể' }])
    const year = data.year ?? now.getFullYear()
    const max = stmt(db, CODE_SERIAL_MAX).get(producer.commune_code, year) as { m: number | null }
    let serial: number
    try {
      serial = nextSerial(max.m)
    } catch (e) {
      throw new AppError('CONFLICT', (e as Error).message)
    }
    parts = { provinceCode: producer.province_code, communeCode: producer.commune_code, serial, year }
  }
  const code = formatProductCode(parts)
  const taken = stmt(db, 'SELECT name FROM products WHERE code = ?').get(code) as { name: string } | undefined
  if (taken) throw new AppError('CONFLICT', `Mã sản phẩm ${code} đã cấp cho sản phẩm "${taken.name}"`, [{ path: 'code', message: 'Mã sản phẩm bị trùng' }])
  const status = data.status ?? 'registered'
  const stars = data.stars ?? null
  if (stars !== null && !['recognised', 'certificate-valid', 'expired', 'revoked'].includes(status))
    throw new AppError('VALIDATION', 'Chỉ sản phẩm đã được công nhận mới có hạng sao', [{ path: 'stars', message: 'Hạng sao không phù hợp với trạng thái' }])
  const at = now.toISOString()
  const r = stmt(
    db,
    `INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, stars, created_at, updated_at)
       VALUES (@code, @formNo, @province, @commune, @serial, @year, @name, @fold, @sortKey, @producerId, @setId, @regType, @status, @stars, @at, @at)`
  ).run({
      code,
      formNo: formatFormNumber(parts),
      province: parts.provinceCode,
      commune: parts.communeCode,
      serial: parts.serial,
      year: parts.year,
      name: data.name,
      fold: foldVietnamese(data.name),
      sortKey: viSortKey(data.name),
      producerId: data.producerId,
      setId: data.setId,
      regType: data.registrationType,
      status,
      stars,
      at
    })
  const id = Number(r.lastInsertRowid)
  recordStatus(db, id, null, status, stars, data.reason ?? (status === 'registered' ? 'Đăng ký sản phẩm' : 'Nhập dữ liệu sẵn có'), at)
  return id
}

export interface ProductListInput {
  query?: string | undefined
  setId?: string | undefined
  communeCode?: string | undefined
  status?: ProductStatus | undefined
  stars?: number | undefined
  producerId?: number | undefined
  page: number
  pageSize: number
}

/** The substring scan products.list used for every query before migration 012, kept for queries under three characters. */
const PRODUCT_LIKE = "(x.name_fold LIKE @q ESCAPE '\\' OR x.code LIKE @q ESCAPE '\\' OR p.name_fold LIKE @q ESCAPE '\\')"

/** The shortest folded query the trigram index can serve (three characters, counted as code points). */
const TRIGRAM = 3

/**
 * The search condition of products.list: a substring of the folded product name, the code or the folded producer
 * name. Three characters or more go through the FTS5 trigram index of migration 012 (a quoted phrase: a substring
 * match on the same text); shorter queries, which the trigram index cannot serve, keep the LIKE scan. Both give the
 * same products (tests/main/catalogue/product-search.test.ts).
 */
export function productSearch(query: string): { indexed: boolean; where: string; args: Record<string, string> } {
  const folded = foldVietnamese(query)
  if ([...folded].length >= TRIGRAM) return { indexed: true, where: `x.id IN (${SEARCH_MATCH})`, args: { match: `"${folded.replace(/"/g, '""')}"` } }
  return { indexed: false, where: PRODUCT_LIKE, args: { q: likePattern(query) } }
}
const SEARCH_MATCH = 'SELECT rowid FROM product_search WHERE product_search MATCH @match'

export function createProductService(db: DB, deps: CatalogueDeps, now: () => Date = () => new Date()) {
  const get = (id: number) => getProduct(db, deps, id)
  // The list's statements differ only by which filters are set: `stmt` prepares each shape once, on first use.
  const sql = (text: string) => stmt(db, text)
  return {
    list(i: ProductListInput) {
      const where: string[] = []
      const args: Record<string, unknown> = {}
      const search = i.query?.trim() ? productSearch(i.query) : null
      if (search) {
        where.push(search.where)
        Object.assign(args, search.args)
      }
      const eq: Array<[keyof ProductListInput, string]> = [
        ['setId', 'x.set_id'],
        ['communeCode', 'x.commune_code'],
        ['status', 'x.status'],
        ['stars', 'x.stars'],
        ['producerId', 'x.producer_id']
      ]
      for (const [k, col] of eq) {
        if (i[k] === undefined) continue
        where.push(`${col} = @${k}`)
        args[k] = i[k]
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
      // A search alone: the index holds one row per product (triggers of migration 012), so it counts the matches by itself,
      // and the page walks the products in list order, keeping the first matches (no sort of every match).
      const searchOnly = search?.indexed === true && where.length === 1
      const from = `FROM products x${searchOnly ? ' INDEXED BY products_sort' : ''} JOIN producers p ON p.id = x.producer_id`
      const total = (sql(searchOnly ? `SELECT count(*) AS n FROM product_search WHERE product_search MATCH @match` : `SELECT count(*) AS n ${from} ${w}`).get(args) as { n: number }).n
      const rows = sql(`SELECT x.*, p.name AS producer_name ${from} ${w} ORDER BY x.sort_key, x.id LIMIT @limit OFFSET @offset`).all({
        ...args,
        limit: i.pageSize,
        offset: (i.page - 1) * i.pageSize
      }) as ProductRow[]
      return { items: rows.map((r) => toProduct(r, deps)), total, page: i.page, pageSize: i.pageSize }
    },
    get,
    create(data: ProductCreateData): ProductDetail {
      return get(db.transaction(() => createProduct(db, deps, data, now()))())
    },
    update(i: { id: number; name: string; setId: string; registrationType: RegistrationType }): ProductDetail {
      db.transaction(() => {
        const row = productRow(db, i.id)
        if ((i.setId !== row.set_id || i.registrationType !== row.registration_type) && row.status !== 'registered')
          throw new AppError('CONFLICT', 'Chỉ đổi bộ tiêu chí hoặc hình thức đăng ký khi hồ sơ chưa hoàn tất')
        const kind = (db.prepare('SELECT kind FROM producers WHERE id = ?').get(row.producer_id) as { kind: ProducerKind }).kind
        checkSet(deps, i.setId, kind)
        updateProductRow(db, i.id, i, now().toISOString())
      })()
      return get(i.id)
    },
    transition(i: { id: number; to: ProductStatus; reason: string; stars?: number | undefined }): ProductDetail {
      db.transaction(() => {
        const row = productRow(db, i.id)
        if (i.to === 'dossier-complete' && row.status === 'registered')
          throw new AppError('VALIDATION', 'Hồ sơ chỉ hoàn tất qua danh mục hồ sơ, khi mọi mục bắt buộc đã có')
        const check = checkTransition({ from: row.status, to: i.to, reason: i.reason, stars: i.stars }, row.stars)
        if (!check.ok) throw new AppError('VALIDATION', check.message)
        const at = now().toISOString()
        const reopened = i.to === 'registered'
        db.prepare(`UPDATE products SET status = ?, stars = ?, updated_at = ?${reopened ? ', dossier_completed_at = NULL' : ''} WHERE id = ?`).run(i.to, check.stars, at, i.id)
        recordStatus(db, i.id, row.status, i.to, check.stars, i.reason, at)
      })()
      return get(i.id)
    },
    delete(id: number): { id: number } {
      return db.transaction(() => {
        const row = productRow(db, id)
        if (row.status !== 'registered') throw new AppError('CONFLICT', 'Chỉ xóa được sản phẩm mới đăng ký, hồ sơ chưa hoàn tất')
        db.prepare('DELETE FROM products WHERE id = ?').run(id)
        return { id }
      })()
    }
  }
}
export type ProductService = ReturnType<typeof createProductService>
