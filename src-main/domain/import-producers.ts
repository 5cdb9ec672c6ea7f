import { zProducerInput } from '../shared/api/catalogue'
import { GENDER_LABELS, PRODUCER_KIND_LABELS, keyForLabel } from '../shared/catalogue'
import { NO, PRODUCER_COLUMNS, YES } from '../shared/catalogue-xlsx'
import { foldVietnamese } from '../shared/text'
import type { CommuneResolutionRow, DuplicateInfo, ExistingProducer, ImportContext, ImportedProducer, ImportIssue, RawRow, RowAction } from './import-types'
import { choiceKey, decide, mergeProducer, producerChanges } from './import-match'
import { isUnknownCell, validateProducerAddress } from './producer'

type Field = keyof typeof PRODUCER_COLUMNS
/** «Không» and what people type for it in spreadsheets, folded. */
const NO_DISABILITY: readonly string[] = [foldVietnamese(NO), 'khong co', '-']
export const PRODUCER_REQUIRED: readonly Field[] = ['no', 'kind', 'name']
/** Facts a legacy list may not give: a blank cell or «chưa rõ» is stored as unknown (NULL), never as a guess. */
export const PRODUCER_MAY_BE_UNKNOWN: readonly Field[] = ['repName', 'repGender', 'repEthnicity', 'repDisability']
/** The cells that say where the producer is, below the province; all blank: a province-only address. */
const COMMUNE_FIELDS: readonly Field[] = ['communeCode', 'communeName', 'oldCommune', 'oldDistrict', 'oldAddress']

/** Excel turns "01" or "02345" typed as numbers into 1 and 2345; codes have a fixed width, so pad them back. */
export const padCode = (s: string, width: number): string => (/^\d+$/.test(s) && s.length < width ? s.padStart(width, '0') : s)

/** «Thiếu tên chủ thể», but «Thiếu STT»: only a leading capital of an ordinary word is lowered. */
export const missing = (header: string): string => `Thiếu ${/^\p{Lu}{2,}/u.test(header) ? header : header.charAt(0).toLowerCase() + header.slice(1)}`

export function positiveInt(s: string): number | null {
  return /^\d+$/.test(s) && Number(s) >= 1 ? Number(s) : null
}

/**
 * Checks the rows of sheet «Chủ thể» one by one with the same schema as the producer form, plus what only the whole
 * file or the database can tell: duplicate numbers and tax numbers, communes outside the configured province, and
 * likely duplicates of producers already registered.
 */
export function checkProducers(
  rows: RawRow[],
  ctx: ImportContext
): { producers: ImportedProducer[]; issues: ImportIssue[]; allNos: Set<number>; skipped: Set<number>; resolutions: CommuneResolutionRow[]; actions: RowAction[] } {
  const issues: ImportIssue[] = []
  const resolutions: CommuneResolutionRow[] = []
  const actions: RowAction[] = []
  const firstOf = new Map<string, ImportedProducer>()
  const producers: ImportedProducer[] = []
  const allNos = new Set<number>()
  const firstNo = new Map<number, number>()
  const skipped = new Set<number>()
  const firstName = new Map<string, number>()

  for (const { row, cells } of rows) {
    const before = issues.length
    const err = (field: Field, message: string) => issues.push({ sheet: 'producers', row, column: PRODUCER_COLUMNS[field], message, severity: 'error' })
    const v = (f: Field) => {
      const text = cells[f] ?? ''
      return (PRODUCER_MAY_BE_UNKNOWN.includes(f) || COMMUNE_FIELDS.includes(f)) && isUnknownCell(text) ? '' : text
    }
    for (const f of PRODUCER_REQUIRED) if (!v(f)) err(f, missing(PRODUCER_COLUMNS[f]))

    const no = positiveInt(v('no'))
    if (v('no') && no === null) err('no', 'STT phải là số nguyên dương')
    if (no !== null) {
      allNos.add(no)
      const dup = firstNo.get(no)
      if (dup !== undefined) err('no', `Trùng STT ${no} với dòng ${dup}`)
      else firstNo.set(no, row)
    }
    const kind = v('kind') ? keyForLabel(PRODUCER_KIND_LABELS, v('kind')) : undefined
    if (v('kind') && !kind) err('kind', `Loại hình «${v('kind')}» không có trong danh mục`)
    const gender = v('repGender') ? keyForLabel(GENDER_LABELS, v('repGender')) : undefined
    if (v('repGender') && !gender) err('repGender', `Giới tính «${v('repGender')}» không hợp lệ (Nam hoặc Nữ)`)
    const disabilityText = foldVietnamese(v('repDisability'))
    const disability = disabilityText === foldVietnamese(YES) ? true : NO_DISABILITY.includes(disabilityText) ? false : null
    if (v('repDisability') && disability === null) err('repDisability', `Người khuyết tật phải là «Có» hoặc «Không»`)
    if (issues.length > before) continue

    // The commune as the clerk wrote it: today's code or name, an old code, old names, an old address.
    const input = [v('communeCode'), v('communeName'), v('oldCommune'), v('oldDistrict'), v('oldProvince')].filter(Boolean).join(', ') || v('oldAddress') || v('street')
    const province = padCode(v('provinceCode'), 2) || ctx.provinceCode
    const res = ctx.resolveCommune({
      code: v('communeCode'),
      name: v('communeName'),
      oldCommune: v('oldCommune'),
      oldDistrict: v('oldDistrict'),
      oldProvince: v('oldProvince'),
      address: v('oldAddress') || v('street'),
      provinceCode: province
    })
    const chosen = ctx.communeChoices.get(row)
    const chosenUnit = chosen ? ctx.commune(chosen) : undefined
    let communeCode: string | null = ''
    let communeProvince = ''
    const provinceOnly = COMMUNE_FIELDS.every((f) => !v(f))
    if (provinceOnly && !chosenUnit && res.status !== 'resolved' && res.status !== 'choice') {
      // Nothing names a commune (at most a street): a province-only address, kept as such — no commune is invented.
      communeCode = null
      communeProvince = province ?? ''
    } else if (chosen && chosenUnit) {
      communeCode = chosen
      communeProvince = chosenUnit.provinceCode
      resolutions.push({ row, input, status: 'chosen', how: 'chosen', code: chosen, name: chosenUnit.name, via: 'Người nhập đã chọn', reason: '', candidates: res.status === 'choice' ? res.candidates : [] })
    } else if (res.status === 'resolved') {
      communeCode = res.candidate.code
      communeProvince = res.candidate.provinceCode
      if (res.how !== 'code')
        resolutions.push({ row, input, status: 'resolved', how: res.how, code: res.candidate.code, name: res.candidate.name, via: res.candidate.via, reason: '', candidates: [] })
    } else if (res.status === 'choice') {
      resolutions.push({ row, input, status: 'choice', how: res.how, code: null, name: null, via: '', reason: res.reason, candidates: res.candidates })
      err('communeCode', `Cần chọn xã/phường: ${res.reason}`)
      continue
    } else {
      err('communeCode', res.message)
      continue
    }

    const parsed = zProducerInput.safeParse({
      kind,
      name: v('name'),
      regNo: v('regNo'),
      repName: v('repName') || null,
      repGender: gender ?? null,
      repEthnicity: v('repEthnicity') || null,
      repDisability: v('repDisability') ? disability : null,
      provinceCode: padCode(v('provinceCode'), 2) || communeProvince,
      communeCode,
      street: v('street'),
      oldAddress: v('oldAddress'),
      phone: v('phone'),
      email: v('email')
    })
    if (!parsed.success) {
      for (const i of parsed.error.issues) err((i.path[0] as Field) ?? 'name', i.message)
      continue
    }
    const data = parsed.data
    for (const i of validateProducerAddress(data, (c) => ctx.commune(c))) err('communeCode', i.message)
    if (ctx.provinceCode && data.provinceCode !== ctx.provinceCode)
      err('provinceCode', `Chủ thể thuộc tỉnh mã ${data.provinceCode}, không phải tỉnh đã cài đặt (mã ${ctx.provinceCode})`)
    if (issues.length > before) continue

    // One producer row per product (real published lists): the same producer again is the same producer.
    const sameKey = data.regNo ? `reg:${data.regNo}` : `name:${data.communeCode ?? `tỉnh ${data.provinceCode}`}|${foldVietnamese(data.name)}`
    const earlier = firstOf.get(sameKey)
    if (earlier && foldVietnamese(earlier.data.name) !== foldVietnamese(data.name)) {
      err('regNo', `Trùng mã số thuế / số ĐKKD ${data.regNo} với dòng ${earlier.row} nhưng khác tên chủ thể («${earlier.data.name}»)`)
      continue
    }
    if (earlier) {
      const p: ImportedProducer = { row, no: no!, data, matchedId: earlier.matchedId, sameAsNo: earlier.no }
      producers.push(p)
      actions.push({ sheet: 'producers', row, action: 'same-as-row', matchedBy: `dòng ${earlier.row}`, changes: [], duplicate: null })
      continue
    }
    /** The row stands for a registered producer: an update of the fields that differ, or nothing to do. */
    const matched = (x: ExistingProducer, by: string, duplicate: DuplicateInfo | null) => {
      const next = mergeProducer(x.data, data)
      const changes = producerChanges(x.data, next, ctx)
      const communeFrom = next.communeCode !== x.data.communeCode ? x.data.communeCode : null
      if (communeFrom !== null && x.productCount > 0)
        changes.push({ field: 'products', label: 'Sản phẩm chuyển theo', from: '', to: `${x.productCount} sản phẩm sang xã mới (mã sản phẩm giữ nguyên)` })
      const p: ImportedProducer = { row, no: no!, data: next, matchedId: x.id, ...(changes.length ? { update: { changes, communeFrom } } : {}) }
      firstOf.set(sameKey, p)
      producers.push(p)
      actions.push({ sheet: 'producers', row, action: changes.length ? 'update' : 'unchanged', matchedBy: by, changes, duplicate })
    }
    // Re-import as update: the producer already registered, by its number or by name in the same commune.
    const byReg = data.regNo ? ctx.producerByRegNo(data.regNo) : undefined
    const named = byReg === undefined && data.communeCode !== null ? ctx.producersByNameInCommune(data.communeCode, data.name) : []
    let target = byReg ?? (named.length === 1 ? named[0] : undefined)
    const matchedBy = byReg !== undefined ? `mã số thuế ${data.regNo}` : 'tên, cùng xã'
    if (named.length > 1) {
      // A true duplicate: several registered producers of this name in this commune; the clerk says which.
      const candidates = named.map((x) => ({ id: x.id, label: `${x.data.name}${x.data.regNo ? ` (${x.data.regNo})` : ''} · ${x.productCount} sản phẩm` }))
      const d = decide(candidates, ctx.rowChoices.get(choiceKey('producers', row)))
      const duplicate = { reason: `${named.length} chủ thể đã có cùng tên, cùng xã`, candidates, chosen: d.info }
      if (d.kind === 'pending') {
        actions.push({ sheet: 'producers', row, action: 'duplicate', matchedBy: '', changes: [], duplicate })
        err('name', `Trùng với ${named.length} chủ thể đã có cùng tên, cùng xã: chọn cập nhật chủ thể nào, thêm mới hay bỏ qua`)
        continue
      }
      if (d.kind === 'skip') {
        skipped.add(no!)
        actions.push({ sheet: 'producers', row, action: 'skip', matchedBy: '', changes: [], duplicate })
        continue
      }
      target = d.kind === 'update' ? named.find((x) => x.id === d.target) : undefined
      if (target) {
        matched(target, 'chọn khi trùng', duplicate)
        continue
      }
      const p: ImportedProducer = { row, no: no!, data }
      firstOf.set(sameKey, p)
      actions.push({ sheet: 'producers', row, action: 'add', matchedBy: '', changes: [], duplicate })
      producers.push(p)
      continue
    }
    if (byReg && foldVietnamese(byReg.data.name) !== foldVietnamese(data.name))
      issues.push({ sheet: 'producers', row, column: PRODUCER_COLUMNS.name, message: `Mã số thuế / số ĐKKD ${data.regNo} đã thuộc chủ thể «${byReg.data.name}»: dòng này được coi là chủ thể đó (tên trong tệp khác)`, severity: 'warning' })
    if (target) {
      matched(target, matchedBy, null)
      continue
    }
    actions.push({ sheet: 'producers', row, action: 'add', matchedBy: '', changes: [], duplicate: null })
    const p: ImportedProducer = { row, no: no!, data }
    firstOf.set(sameKey, p)

    const nameKey = `${data.communeCode}|${foldVietnamese(data.name)}`
    const sameRow = firstName.get(nameKey)
    if (sameRow !== undefined)
      issues.push({ sheet: 'producers', row, column: PRODUCER_COLUMNS.name, message: `Có thể trùng với chủ thể dòng ${sameRow}: cùng tên, cùng xã`, severity: 'warning' })
    firstName.set(nameKey, row)
    producers.push(p)
  }
  return { producers, issues, allNos, skipped, resolutions, actions }
}
