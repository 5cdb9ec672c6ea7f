import type { DB } from '../db/connection'
import { stmt } from '../db/statements'
import { kindAllowedForSet, qualifiesForCriterion32, validateProducerAddress } from '../domain/producer'
import { viSortKey } from '../domain/vi-sort'
import type { Producer, ProducerData } from '../shared/contract'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'
import type { AdminUnits } from './admin-units-service'
import { createStore, type Actor } from './sessions/store'

export interface ProducerRow {
  id: number
  kind: Producer['kind']
  name: string
  reg_no: string | null
  rep_name: string | null
  rep_gender: Producer['repGender']
  rep_ethnicity: string | null
  rep_disability: number | null
  province_code: string
  commune_code: string | null
  street: string
  old_address: string
  phone: string
  email: string
  product_count: number
  created_at: string
  updated_at: string
}

/** A producer row with its product count: the shape `ProducerRow` describes, read by the catalogue and the import. */
export const PRODUCER_SELECT = `SELECT p.*, (SELECT count(*) FROM products x WHERE x.producer_id = p.id) AS product_count FROM producers p`

/** Escapes LIKE wildcards so a user's "%" or "_" is searched literally. */
export const likePattern = (q: string): string => `%${foldVietnamese(q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function toProducer(r: ProducerRow, units: AdminUnits): Producer {
  return {
    id: r.id,
    ...producerData(r),
    qualifies32: qualifiesForCriterion32({ repGender: r.rep_gender, repEthnicity: r.rep_ethnicity, repDisability: r.rep_disability === null ? null : r.rep_disability === 1 }),
    provinceName: units.province(r.province_code)?.name ?? r.province_code,
    communeName: r.commune_code === null ? null : (units.commune(r.commune_code)?.name ?? r.commune_code),
    productCount: r.product_count,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  }
}

/** The fields of a registered producer as the producer form and the import take them. */
export function producerData(r: ProducerRow): ProducerData {
  return {
    kind: r.kind,
    name: r.name,
    regNo: r.reg_no ?? '',
    repName: r.rep_name,
    repGender: r.rep_gender,
    repEthnicity: r.rep_ethnicity,
    repDisability: r.rep_disability === null ? null : r.rep_disability === 1,
    provinceCode: r.province_code,
    communeCode: r.commune_code,
    street: r.street,
    oldAddress: r.old_address,
    phone: r.phone,
    email: r.email
  }
}

/** A product moved with its producer: its code (which names the commune that issued it) never changes. */
export interface MovedProduct {
  id: number
  code: string
  name: string
  fromCommune: string
}

/**
 * Moves every product of a producer to the producer's commune (after a change of address or a merge), in the
 * caller's transaction. Only the product's commune and province change; migration 016 lets them change while the
 * code stays as issued.
 */
export function moveProductsWithProducer(db: DB, producerId: number, at: string, only?: readonly number[]): MovedProduct[] {
  const moved = stmt(
    db,
    `SELECT x.id, x.code, x.name, x.commune_code AS fromCommune FROM products x JOIN producers p ON p.id = x.producer_id
     WHERE x.producer_id = @p AND (x.commune_code <> p.commune_code OR x.province_code <> p.province_code)
       AND (@only IS NULL OR x.id IN (SELECT value FROM json_each(@only))) ORDER BY x.id`
  ).all({ p: producerId, only: only ? JSON.stringify(only) : null }) as MovedProduct[]
  stmt(
    db,
    `UPDATE products SET commune_code = (SELECT commune_code FROM producers WHERE id = @p), province_code = (SELECT province_code FROM producers WHERE id = @p),
     updated_at = @at WHERE producer_id = @p AND id IN (SELECT value FROM json_each(@ids))`
  ).run({ p: producerId, at, ids: JSON.stringify(moved.map((m) => m.id)) })
  return moved
}

function checkAddress(units: AdminUnits, data: ProducerData): void {
  const issues = validateProducerAddress(data, (code) => units.commune(code))
  if (issues.length) throw new AppError('VALIDATION', issues[0]!.message, issues)
}

function checkRegNo(db: DB, regNo: string, exceptId: number | null): void {
  if (!regNo) return
  const other = stmt(db, 'SELECT id, name FROM producers WHERE reg_no = ? AND id IS NOT ?').get(regNo, exceptId) as { id: number; name: string } | undefined
  if (other) throw new AppError('CONFLICT', `Mã số thuế / số đăng ký ${regNo} đã thuộc chủ thể "${other.name}"`, [{ path: 'regNo', message: 'Đã có chủ thể với số này' }])
}

const columns = (d: ProducerData) => ({
  kind: d.kind,
  name: d.name,
  name_fold: foldVietnamese(d.name),
  sort_key: viSortKey(d.name),
  reg_no: d.regNo || null,
  rep_name: d.repName,
  rep_gender: d.repGender,
  rep_ethnicity: d.repEthnicity,
  rep_disability: d.repDisability === null ? null : d.repDisability ? 1 : 0,
  province_code: d.provinceCode,
  commune_code: d.communeCode,
  street: d.street,
  old_address: d.oldAddress,
  phone: d.phone,
  email: d.email
})

/**
 * Inserts one producer from input already parsed by zProducerInput. Runs in the caller's transaction (the Excel
 * import commits many rows at once); throws AppError for an unknown commune or a duplicate registration number.
 */
export function createProducer(db: DB, units: AdminUnits, data: ProducerData, now: Date): number {
  checkAddress(units, data)
  checkRegNo(db, data.regNo, null)
  const at = now.toISOString()
  const r = stmt(
    db,
    `INSERT INTO producers (kind, name, name_fold, sort_key, reg_no, rep_name, rep_gender, rep_ethnicity, rep_disability, province_code, commune_code, street, old_address, phone, email, created_at, updated_at)
       VALUES (@kind, @name, @name_fold, @sort_key, @reg_no, @rep_name, @rep_gender, @rep_ethnicity, @rep_disability, @province_code, @commune_code, @street, @old_address, @phone, @email, @at, @at)`
  ).run({ ...columns(data), at })
  return Number(r.lastInsertRowid)
}

export function updateProducer(db: DB, units: AdminUnits, id: number, data: ProducerData, now: Date): void {
  checkAddress(units, data)
  checkRegNo(db, data.regNo, id)
  const r = stmt(
    db,
    `UPDATE producers SET kind = @kind, name = @name, name_fold = @name_fold, sort_key = @sort_key, reg_no = @reg_no, rep_name = @rep_name,
       rep_gender = @rep_gender, rep_ethnicity = @rep_ethnicity, rep_disability = @rep_disability, province_code = @province_code,
       commune_code = @commune_code, street = @street, old_address = @old_address, phone = @phone, email = @email, updated_at = @at WHERE id = @id`
  ).run({ ...columns(data), at: now.toISOString(), id })
  if (r.changes === 0) throw new AppError('NOT_FOUND', 'Không tìm thấy chủ thể')
}

export function getProducer(db: DB, units: AdminUnits, id: number): Producer {
  const row = db.prepare(`${PRODUCER_SELECT} WHERE p.id = ?`).get(id) as ProducerRow | undefined
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy chủ thể')
  return toProducer(row, units)
}

export interface ProducerListInput {
  query?: string | undefined
  communeCode?: string | undefined
  page: number
  pageSize: number
}

export function createProducerService(db: DB, units: AdminUnits, now: () => Date = () => new Date()) {
  const store = createStore(db)
  return {
    list(i: ProducerListInput) {
      const where: string[] = []
      const args: Record<string, unknown> = {}
      if (i.query?.trim()) {
        where.push("(p.name_fold LIKE @q ESCAPE '\\' OR p.reg_no LIKE @q ESCAPE '\\' OR lower(p.rep_name) LIKE @qRaw ESCAPE '\\')")
        args.q = likePattern(i.query)
        args.qRaw = `%${i.query.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
      }
      if (i.communeCode) {
        where.push('p.commune_code = @commune')
        args.commune = i.communeCode
      }
      const w = where.length ? `WHERE ${where.join(' AND ')}` : ''
      const total = (db.prepare(`SELECT count(*) AS n FROM producers p ${w}`).get(args) as { n: number }).n
      const rows = db
        .prepare(`${PRODUCER_SELECT} ${w} ORDER BY p.sort_key, p.id LIMIT @limit OFFSET @offset`)
        .all({ ...args, limit: i.pageSize, offset: (i.page - 1) * i.pageSize }) as ProducerRow[]
      return { items: rows.map((r) => toProducer(r, units)), total, page: i.page, pageSize: i.pageSize }
    },
    get: (id: number) => getProducer(db, units, id),
    create(data: ProducerData): Producer {
      const id = db.transaction(() => createProducer(db, units, data, now()))()
      return getProducer(db, units, id)
    },
    /**
     * Saves the producer's fields. When its commune changes and `moveProducts` is true (the screen asks "Chuyển N sản
     * phẩm sang xã mới?"), its products move to the new commune in the same transaction, with an audit entry naming
     * each product and the commune it left; product codes never change.
     */
    update(id: number, data: ProducerData, opts: { moveProducts?: boolean | undefined; actor?: Actor | undefined } = {}): Producer {
      db.transaction(() => {
        const before = stmt(db, 'SELECT commune_code FROM producers WHERE id = ?').get(id) as { commune_code: string | null } | undefined
        if (!before) throw new AppError('NOT_FOUND', 'Không tìm thấy chủ thể')
        const at = now()
        updateProducer(db, units, id, data, at)
        if (opts.moveProducts && before.commune_code !== data.communeCode) {
          const moved = moveProductsWithProducer(db, id, at.toISOString())
          if (moved.length)
            store.audit('producer.move-products', null, opts.actor ?? { kind: 'local' }, { producerId: id, fromCommune: before.commune_code, toCommune: data.communeCode, products: moved }, at.toISOString())
        }
      })()
      return getProducer(db, units, id)
    },
    /**
     * Merges a duplicate producer into the one kept: its products move to the kept producer (and its commune), their
     * codes unchanged; the duplicate is then removed, its whole record and the list of moved products kept in the
     * audit log. Finalized sessions and issued documents keep the names they were finalized with (their snapshots).
     */
    merge(keepId: number, mergeId: number, actor: Actor = { kind: 'local' }): { producer: Producer; moved: number } {
      if (keepId === mergeId) throw new AppError('VALIDATION', 'Chọn hai chủ thể khác nhau để gộp')
      const moved = db.transaction(() => {
        const keep = getProducer(db, units, keepId)
        // The removed producer's whole record goes to the audit log; reading it also checks that it exists.
        const row = db.prepare('SELECT * FROM producers WHERE id = ?').get(mergeId) as ProducerRow | undefined
        if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy chủ thể')
        const products = db.prepare('SELECT id, code, name, set_id, commune_code AS fromCommune FROM products WHERE producer_id = ? ORDER BY id').all(mergeId) as Array<MovedProduct & { set_id: string }>
        const misfit = products.find((x) => !kindAllowedForSet(keep.kind, Number(x.set_id.slice(-2))))
        if (misfit)
          throw new AppError('CONFLICT', `Không gộp được: «${keep.name}» là hội/hiệp hội/trung tâm, chỉ đăng ký sản phẩm du lịch, còn «${misfit.name}» (${misfit.code}) thuộc bộ tiêu chí khác`)
        const at = now().toISOString()
        db.prepare('UPDATE products SET producer_id = ?, updated_at = ? WHERE producer_id = ?').run(keepId, at, mergeId)
        const relocated = moveProductsWithProducer(db, keepId, at, products.map((x) => x.id))
        db.prepare('DELETE FROM producers WHERE id = ?').run(mergeId)
        const removed = { id: mergeId, ...producerData(row), createdAt: row.created_at }
        store.audit('producer.merge', null, actor, {
          producerId: keepId,
          kept: keep.name,
          removed,
          products: products.map(({ id, code, name, fromCommune }) => ({ id, code, name, fromCommune, movedCommune: relocated.some((r) => r.id === id) }))
        }, at)
        return products.length
      })()
      return { producer: getProducer(db, units, keepId), moved }
    },
    delete(id: number): { id: number } {
      return db.transaction(() => {
        const p = getProducer(db, units, id)
        if (p.productCount > 0) throw new AppError('CONFLICT', `Chủ thể "${p.name}" đang có ${p.productCount} sản phẩm, không thể xóa`)
        db.prepare('DELETE FROM producers WHERE id = ?').run(id)
        return { id }
      })()
    }
  }
}
export type ProducerService = ReturnType<typeof createProducerService>
