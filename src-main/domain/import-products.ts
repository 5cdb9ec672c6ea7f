import { PRODUCT_STATUS_LABELS, REGISTRATION_TYPE_LABELS, keyForLabel, type ProductStatus } from '../shared/catalogue'
import { PRODUCT_COLUMNS } from '../shared/catalogue-xlsx'
import { zName } from '../shared/text'
import { z } from 'zod'
import type { ImportContext, ImportedProducer, ImportedProduct, ImportIssue, RawRow, RowAction } from './import-types'
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
  ctx: ImportContext
): { products: ImportedProduct[]; issues: ImportIssue[]; allNos: Set<number>; actions: RowAction[] } {
  const actions: RowAction[] = []
  const matchedKeys = new Map<number, number>()
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

    // Re-import as update: a product of a registered producer, by its code or its name under that producer.
    const existing = producer?.matchedId !== undefined && name.success ? ctx.productOf(producer.matchedId, name.data, v('code') ? formatCode(v('code')) : undefined) : undefined
    if (existing) {
      const twinRow = matchedKeys.get(existing.id)
      if (twinRow !== undefined) err('name', `Trùng với dòng ${twinRow}: cùng sản phẩm đã có ${existing.code} «${existing.name}»`)
      else if (issues.length === before && set && regType && status && year !== null) {
        matchedKeys.set(existing.id, row)
        actions.push({ sheet: 'products', row, action: 'update', matchedBy: v('code') ? `mã sản phẩm ${existing.code}` : 'tên, cùng chủ thể' })
        products.push({ row, no: no!, producerNo: producer!.no, matchedId: existing.id, data: { name: name.data!, setId, registrationType: regType, year, code: existing.code, status, stars } })
      }
      continue
    }
    let code: string | undefined
    if (v('code')) {
      const parts = parseProductCode(v('code'))
      if (!parts) err('code', `Mã sản phẩm «${v('code')}» không đúng dạng (Mã tỉnh)-(Mã xã)-(STT)-(Năm), ví dụ 68-24778-001-2026`)
      else {
        code = formatProductCode(parts)
        // A province-only producer: the code as issued names its commune; only the province can be checked.
        if (producer && (parts.provinceCode !== producer.data.provinceCode || (producer.data.communeCode !== null && parts.communeCode !== producer.data.communeCode)))
          err('code', `Mã sản phẩm ${code} không khớp với địa chỉ của chủ thể (${producer.data.provinceCode}-${producer.data.communeCode ?? 'chưa rõ xã'})`)
        if (year !== null && parts.year !== year) err('code', `Năm trong mã sản phẩm ${code} khác năm đăng ký ${year}`)
        const dup = firstCode.get(code)
        const inDb = ctx.productByCode(code)
        if (dup !== undefined) err('code', `Trùng mã sản phẩm ${code} với dòng ${dup}`)
        else if (inDb) err('code', `Mã sản phẩm ${code} đã cấp cho sản phẩm «${inDb.name}»`)
        else firstCode.set(code, row)
      }
    }
    if (producer && producer.data.communeCode === null && !v('code') && producer.matchedId === undefined)
      err('code', PROVINCE_ONLY_NO_CODE)
    // A product of a producer row with errors is not an error itself: fixing that row is enough.
    if (issues.length > before || !producer || !name.success || !set || !regType || !status || year === null) continue

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
    if (twin) warn(`Có thể trùng với sản phẩm dòng ${twin.row} (tên gần giống, cùng xã, ${twin.producerNo === producer.no ? 'cùng chủ thể' : 'cùng bộ tiêu chí'})`)
    if (dbTwin) warn(`Có thể trùng với sản phẩm đã có ${dbTwin.code} «${dbTwin.name}» của «${dbTwin.producerName}» (tên gần giống, cùng xã)`)
    seen.push({ row, name: name.data, setId, communeCode, producerNo: producer.no })
    actions.push({ sheet: 'products', row, action: 'add', matchedBy: '' })
    products.push({ row, no: no!, producerNo: producer.no, data: { name: name.data, setId, registrationType: regType, year, code, status, stars } })
  }
  return { products, issues, allNos, actions }
}

function formatCode(s: string): string | undefined {
  const parts = parseProductCode(s)
  return parts ? formatProductCode(parts) : undefined
}
