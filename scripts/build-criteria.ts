/**
 * Converts the extracted criteria sets of QĐ 26/2026 (../shared/ocop/criteria-qd26-2026-all.json) into the app's
 * own format (src-main/shared/criteria.ts) at resources/criteria/qd26-2026.json.
 * Usage: npm run criteria [-- <source.json>]
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { zCriteriaFile, type CriteriaFile, type Knockout } from '../src-main/shared/criteria'

type SrcOption = { id: string; text: string; points: number; min_star_marker?: 3 | 4 | 5; reconstructed?: boolean; reconstruction_note?: string }
type SrcCriterion = {
  id: string
  text: string
  max_points: number
  options?: SrcOption[]
  sub_criteria?: SrcCriterion[]
  min_points_required_for_star?: Record<string, number>
  notes?: string[]
  knockout_rules?: string[]
  alternatives?: Array<{ label: string; option_ids: string[] }>
  reconstructed?: boolean
  reconstruction_note?: string
  options_reconstructed?: boolean
}
type SrcSet = {
  set_id: string
  criteria_set_no: number
  name: string
  classification_code: string
  sector: string
  group: string
  subgroup: string | null
  managing_agencies: string[]
  disqualification_rules: string[]
  requires_product_samples: boolean
  legal_basis: { document: string; signed: string; effective: string; appendix: string }
  parts: Array<{ code: 'A' | 'B' | 'C'; title: string; max_points: number; sections: Array<{ id: string; text: string; max_points: number; criteria: SrcCriterion[] }> }>
}

// @2: the yes/no options supplied for the bilingual-label criterion (the decision prints none) lost the extraction's
// "(RECONSTRUCTED label)" suffix, which was printed on official sheets. Sessions keep the version they were run with.
export const CRITERIA_VERSION = 'qd26-2026@2'

// The extraction marks the labels it supplied; the flag travels as `reconstructed`, the marker must not be printed.
const SUPPLIED_LABEL = /\s*\(RECONSTRUCTED label\)\s*$/i

const STOP = /không đánh giá (các|những) bước tiếp theo|không xem xét các chỉ tiêu khác/i
// A heading the extraction stored as a note (shared/ocop/README.md, "Data exceptions" 1): not a note of the criterion.
const STRAY_HEADING = /^PHẦN [ABC]\b/

const nfc = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim()

function knockoutOf(text: string): Knockout {
  return { kind: STOP.test(text) ? 'stop' : 'reject', text: nfc(text) }
}

function reconstructionOf(c: { reconstructed?: boolean; reconstruction_note?: string; options_reconstructed?: boolean }): string | undefined {
  if (!c.reconstructed && !c.options_reconstructed) return undefined
  return nfc(c.reconstruction_note ?? 'Giá trị được bổ sung khi trích xuất (bản gốc không in)')
}

function convertCriterion(c: SrcCriterion): unknown {
  const notes = (c.notes ?? []).map(nfc).filter((n) => !STRAY_HEADING.test(n))
  const applies = notes.find((n) => /^Chỉ áp dụng khi/i.test(n))
  const base = {
    code: c.id,
    text: nfc(c.text),
    maxPoints: c.max_points,
    notes,
    knockouts: (c.knockout_rules ?? []).map(knockoutOf),
    ...(applies ? { appliesOnlyWhen: applies } : {}),
    ...(reconstructionOf(c) ? { reconstructed: reconstructionOf(c) } : {})
  }
  if (c.sub_criteria?.length) return { ...base, subCriteria: c.sub_criteria.map(convertCriterion) }
  const min = c.min_points_required_for_star
  return {
    ...base,
    options: (c.options ?? []).map((o) => ({
      id: o.id,
      text: nfc(o.text).replace(SUPPLIED_LABEL, ''),
      points: o.points,
      ...(o.min_star_marker ? { marker: o.min_star_marker } : {}),
      ...(o.reconstructed ? { reconstructed: nfc(o.reconstruction_note ?? 'Giá trị được bổ sung khi trích xuất') } : {})
    })),
    ...(min ? { minPointsForStar: Object.fromEntries(Object.entries(min).map(([k, v]) => [Number(k), v])) } : {}),
    ...(c.alternatives ? { alternatives: c.alternatives.map((a) => ({ label: nfc(a.label), optionIds: a.option_ids })) } : {})
  }
}

export function convertCriteria(src: { sets: SrcSet[] }): CriteriaFile {
  const first = src.sets[0]
  if (!first) throw new Error('source has no sets')
  const out = {
    format: 'ocop-council/criteria@1',
    version: CRITERIA_VERSION,
    legalBasis: {
      document: first.legal_basis.document,
      title: 'Quyết định ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm',
      signed: first.legal_basis.signed,
      effective: first.legal_basis.effective,
      appendix: 'Phụ lục II'
    },
    sets: src.sets.map((s) => ({
      id: s.set_id,
      no: s.criteria_set_no,
      name: nfc(s.name),
      classificationCode: s.classification_code,
      sector: nfc(s.sector),
      group: nfc(s.group),
      subgroup: s.subgroup === null ? null : nfc(s.subgroup),
      ministries: s.managing_agencies.map(nfc),
      requiresSamples: s.requires_product_samples,
      disqualification: s.disqualification_rules.map(nfc),
      maxPoints: 100,
      parts: s.parts.map((p) => ({
        code: p.code,
        title: nfc(p.title),
        maxPoints: p.max_points,
        sections: p.sections.map((sec) => ({ code: sec.id, title: nfc(sec.text), maxPoints: sec.max_points, criteria: sec.criteria.map(convertCriterion) }))
      }))
    }))
  }
  return zCriteriaFile.parse(out)
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(__filename)) {
  const root = resolve(__dirname, '..')
  const source = resolve(process.argv[2] ?? resolve(root, '../shared/ocop/criteria-qd26-2026-all.json'))
  const target = resolve(root, 'resources/criteria/qd26-2026.json')
  const converted = convertCriteria(JSON.parse(readFileSync(source, 'utf8')))
  mkdirSync(dirname(target), { recursive: true })
  writeFileSync(target, JSON.stringify(converted) + '\n')
  console.log(`wrote ${target}: ${converted.sets.length} sets, version ${converted.version}`)
}
