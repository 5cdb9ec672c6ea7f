import { PRODUCT_STATUS_LABELS, REGISTRATION_TYPE_LABELS, keyForLabel, type ProductStatus } from '../shared/catalogue'
import { PRODUCT_COLUMNS } from '../shared/catalogue-xlsx'
import { zName } from '../shared/text'
import { z } from 'zod'
import type { DuplicateInfo, ImportContext, ImportedProducer, ImportedProduct, ImportIssue, RawRow, RowAction } from './import-types'
import { choiceKey, decide, productChanges } from './import-match'
import { foldVietnamese } from '../shared/text'
import { missing, positiveInt } from './import-producers'
import { kindAllowedForSet } from './producer'
import { PROVINCE_ONLY_NO_CODE, formatProductCode, parseProductCode } from './product-code'
import { SIMILAR_NAME_THRESHOLD, nameSimilarity } from './similarity'

type Field = keyof typeof PRODUCT_COLUMNS
export const PRODUCT_REQUIRED: readonly Field[] = ['no', 'name', 'producerNo', 'setId', 'registrationType', 'year']
const STARRED: readonly ProductStatus[] = ['recognised', 'certificate-valid', 'expired', 'revoked']
const zProductName = zName.pipe(z.string().max(300, 'Tên sản phẩm tối đa 300 ký tự'))

interface Seen {
  row: number
  name: string
  setId: string
  communeCode: string
  producerNo: number
}

/**
 * Checks the rows of sheet «Sản phẩm»: each refers to a producer row by its STT, a known criteria set and, when
 * given, an official code that matches the producer's commune and is unused in the file and the database. Likely
 * duplicates (similar name in the same commune, same producer or same criteria set) are warnings, not errors.
 */
export function checkProducts(
  rows: RawRow[],
  producers: ImportedProducer[],
  producerNos: Set<number>,
  skippedProducers: ReadonlySet<number>,
  ctx: ImportContext
): { products: ImportedProduct[]; issues: ImportIssue[]; allNos: Set<number>; actions: RowAction[] } {
  const actions: RowAction[] = []
  /** Registered products already taken by an earlier row, and the first row of each (producer, name). */
  const claimed = new Map<number, number>()
  const firstKey = new Map<string, number>()
  const issues: ImportIssue[] = []
  const products: ImportedProduct[] = []
  const byNo = new Map(producers.map((p) => [p.no, p]))
  const firstNo = new Map<number, number>()
  const allNos = new Set<number>()
  const firstCode = new Map<string, number>()
  const seen: Seen[] = []

  for (const { row, cells } of rows) {
    const before = issues.length
    const err = (field: Field, message: string) => issues.push({ sheet: 'products', row, column: PRODUCT_COLUMNS[field], message, severity: 'error' })
    const v = (f: Field) => cells[f] ?? ''
    for (const f of PRODUCT_REQUIRED) if (!v(f)) err(f, missing(PRODUCT_COLUMNS[f]))

    const no = positiveInt(v('no'))
    if (v('no') && no === null) err('no', 'STT phải là số nguyên dương')
    if (no !== null) {
      allNos.add(no)
      const dup = firstNo.get(no)
      if (dup !== undefined) err('no', `Trùng STT ${no} với dòng ${dup}`)
      else firstNo.set(no, row)
    }
    const name = zProductName.safeParse(v('name'))
    if (v('name') && !name.success) err('name', name.error.issues[0]!.message)
    const producerNo = positiveInt(v('producerNo'))
    if (v('producerNo') && (producerNo === null || !producerNos.has(producerNo)))
      err('producerNo', `Không có chủ thể STT ${v('producerNo')} trong sheet «Chủ thể»`)
    const setId = v('setId').toUpperCase()
    const set = setId ? ctx.set(setId) : undefined
    if (setId && !set) err('setId', `Không có bộ tiêu chí «${v('setId')}» (QD26-2026-01 … QD26-2026-26)`)
    const regType = v('registrationType') ? keyForLabel(REGISTRATION_TYPE_LABELS, v('registrationType')) : undefined
    if (v('registrationType') && !regType) err('registrationType', `Hình thức đăng ký «${v('registrationType')}» không có trong danh mục`)
    const year = positiveInt(v('year'))
    if (v('year') && (year === null || year < 2000 || year > 2100)) err('year', 'Năm phải từ 2000 đến 2100')
    const status = v('status') ? keyForLabel(PRODUCT_STATUS_LABELS, v('status')) : 'registered'
    if (!status) err('status', `Trạng thái «${v('status')}» không có trong danh mục`)
    const stars = v('stars') ? positiveInt(v('stars')) : null
    if (v('stars') && (stars === null || stars < 3 || stars > 5)) err('stars', 'Hạng sao phải là 3, 4 hoặc 5')
    else if (stars !== null && status && !STARRED.includes(status)) err('stars', 'Chỉ sản phẩm đã được công nhận mới có hạng sao')

    const producer = producerNo !== null ? byNo.get(producerNo) : undefined
    if (producer && set && !kindAllowedForSet(producer.data.kind, set.no))
      err('setId', 'Hội, hiệp hội và trung tâm điều hành chỉ đăng ký sản phẩm du lịch (bộ tiêu chí số 26)')

    if (producerNo !== null && skippedProducers.has(producerNo)) {
      actions.push({ sheet: 'products', row, action: 'skip', matchedBy: `chủ thể STT ${producerNo} bị bỏ qua`, changes: [], duplicate: null })
      continue
    }
    const parts = v('code') ? parseProductCode(v('code')) : null
    if (v('code') && !parts) err('code', `Mã sản phẩm «${v('code')}» không đúng dạng (Mã tỉnh)-(Mã xã)-(STT)-(Năm), ví dụ 68-24778-001-2026`)
    const code = parts ? formatProductCode(parts) : undefined
    if (parts && year !== null && parts.year !== year) err('code', `Năm trong mã sản phẩm ${code} khác năm đăng ký ${year}`)
    // A product of a producer row with errors is not an error itself: fixing that row is enough.
    if (issues.length > before || !producer || !name.success || !set || !regType || !status || year === null) continue

    // Re-import as update: a product of a registered producer, by its code or its name under that producer; the
    // same product twice in the file, or a name shared by several registered products, is a true duplicate.
    const fields = { name: name.data, setId, registrationType: regType }
    const byCode = code ? ctx.productByCode(code) : undefined
    const candidates = byCode ? (byCode.producerId === producer.matchedId ? [byCode] : []) : producer.matchedId !== undefined ? ctx.productsNamed(producer.matchedId, name.data) : []
    const key = `${producer.sameAsNo ?? producer.no}|${foldVietnamese(name.data)}`
    const twinRow = firstKey.get(key) ?? (candidates.length === 1 ? claimed.get(candidates[0]!.id) : undefined)
    let target = candidates.length === 1 && twinRow === undefined ? candidates[0] : undefined
    let duplicate: DuplicateInfo | null = null
    if (candidates.length > 1 || twinRow !== undefined) {
      const reason = candidates.length > 1 ? `${candidates.length} sản phẩm đã có cùng tên của chủ thể này` : `Cùng sản phẩm với dòng ${twinRow}`
      const open = candidates.filter((c) => !claimed.has(c.id)).map((c) => ({ id: c.id, label: `${c.code} · ${c.name}` }))
      const d = decide(open, ctx.rowChoices.get(choiceKey('products', row)))
      duplicate = { reason, candidates: open, chosen: d.info }
      if (d.kind === 'pending' || d.kind === 'skip') {
        actions.push({ sheet: 'products', row, action: d.kind === 'skip' ? 'skip' : 'duplicate', matchedBy: '', changes: [], duplicate })
        if (d.kind === 'pending') err('name', `${reason}: chọn cập nhật sản phẩm nào, thêm mới hay bỏ qua`)
        continue
      }
      target = candidates.find((c) => c.id === d.target)
    }
    if (!firstKey.has(key)) firstKey.set(key, row)
    if (target) {
      claimed.set(target.id, row)
      const changes = productChanges(target, fields, (id) => `${id} ${ctx.set(id)?.name ?? ''}`.trim())
      if (changes.some((c) => c.field !== 'name') && target.status !== 'registered') {
        err('setId', `Sản phẩm ${target.code} đã qua bước hồ sơ («${PRODUCT_STATUS_LABELS[target.status]}»): không đổi được bộ tiêu chí hoặc hình thức đăng ký`)
        continue
      }
      actions.push({ sheet: 'products', row, action: changes.length ? 'update' : 'unchanged', matchedBy: duplicate ? 'chọn khi trùng' : byCode ? `mã sản phẩm ${target.code}` : 'tên, cùng chủ thể', changes, duplicate })
      products.push({ row, no: no!, producerNo: producer.no, matchedId: target.id, changes, data: { ...fields, year, code: target.code, status, stars } })
      continue
    }
    if (parts && code) {
      // A province-only producer: the code as issued names its commune; only the province can be checked.
      if (parts.provinceCode !== producer.data.provinceCode || (producer.data.communeCode !== null && parts.communeCode !== producer.data.communeCode))
        err('code', `Mã sản phẩm ${code} không khớp với địa chỉ của chủ thể (${producer.data.provinceCode}-${producer.data.communeCode ?? 'chưa rõ xã'})`)
      const dup = firstCode.get(code)
      if (dup !== undefined) err('code', `Trùng mã sản phẩm ${code} với dòng ${dup}`)
      else if (byCode) err('code', `Mã sản phẩm ${code} đã cấp cho sản phẩm «${byCode.name}»`)
      else firstCode.set(code, row)
      if (issues.length > before) continue
    }
    if (producer.data.communeCode === null && !code) {
      err('code', PROVINCE_ONLY_NO_CODE)
      continue
    }

    const communeCode = code ? code.split('-')[1]! : producer.data.communeCode!
    const twin =
      seen.find((s) => s.communeCode === communeCode && (s.producerNo === producer.no || s.setId === setId) && nameSimilarity(s.name, name.data) >= SIMILAR_NAME_THRESHOLD)
    const dbTwin = ctx
      .productsInCommune(communeCode)
      .find(
        (p) =>
          (p.setId === setId || (producer.data.regNo !== '' && p.producerRegNo === producer.data.regNo) || nameSimilarity(p.producerName, producer.data.name) === 1) &&
          nameSimilarity(p.name, name.data) >= SIMILAR_NAME_THRESHOLD
      )
    const warn = (message: string) => issues.push({ sheet: 'products', row, column: PRODUCT_COLUMNS.name, message, severity: 'warning' })
    if (twin && !duplicate) warn(`Có thể trùng với sản phẩm dòng ${twin.row} (tên gần giống, cùng xã, ${twin.producerNo === producer.no ? 'cùng chủ thể' : 'cùng bộ tiêu chí'})`)
    if (dbTwin) warn(`Có thể trùng với sản phẩm đã có ${dbTwin.code} «${dbTwin.name}» của «${dbTwin.producerName}» (tên gần giống, cùng xã)`)
    seen.push({ row, name: name.data, setId, communeCode, producerNo: producer.no })
    actions.push({ sheet: 'products', row, action: 'add', matchedBy: '', changes: [], duplicate })
    products.push({ row, no: no!, producerNo: producer.no, data: { name: name.data, setId, registrationType: regType, year, code, status, stars } })
  }
  return { products, issues, allNos, actions }
}

