import { TOURISM_ONLY_KINDS, type Gender, type ProducerKind } from '../shared/catalogue'
import type { ApiIssue } from '../shared/result'
import { foldVietnamese } from '../shared/text'

/** The fields of a producer that the cross-field rules look at (format checks live in the contract schemas). */
export interface ProducerFacts {
  kind: ProducerKind
  /** Null everywhere below: "chưa rõ", recorded from a legacy list (issue 12) and never replaced by a guess. */
  repName: string | null
  repGender: Gender | null
  repEthnicity: string | null
  repDisability: boolean | null
  provinceCode: string
  /** Null: a province-only address. */
  communeCode: string | null
}

/** Where a commune belongs, as the administrative units know it; undefined for an unknown code. */
export type CommuneLookup = (communeCode: string) => { provinceCode: string } | undefined

export function validateProducerAddress(p: Pick<ProducerFacts, 'provinceCode' | 'communeCode'>, lookup: CommuneLookup): ApiIssue[] {
  if (p.communeCode === null) return []
  const unit = lookup(p.communeCode)
  if (!unit) return [{ path: 'communeCode', message: `Không có xã/phường mã ${p.communeCode}` }]
  if (unit.provinceCode !== p.provinceCode)
    return [{ path: 'communeCode', message: `Xã/phường mã ${p.communeCode} không thuộc tỉnh/thành phố mã ${p.provinceCode}` }]
  return []
}

/** The Kinh are the majority; every other of the 54 recognised groups counts as an ethnic minority. */
export function isEthnicMinority(ethnicity: string): boolean {
  const f = foldVietnamese(ethnicity).replace(/^dan toc\s+/, '')
  return f !== '' && f !== 'kinh'
}

/**
 * Criterion 3.2 of every sheet: the legal representative is a woman, from an ethnic minority or disabled. Three-valued
 * so nothing unknown feeds it as if known: true when a known fact qualifies, false when all three are known and none
 * does, null (cannot be told) otherwise.
 */
export function qualifiesForCriterion32(p: Pick<ProducerFacts, 'repGender' | 'repEthnicity' | 'repDisability'>): boolean | null {
  if (p.repGender === 'nu' || (p.repEthnicity !== null && isEthnicMinority(p.repEthnicity)) || p.repDisability === true) return true
  return p.repGender === null || p.repEthnicity === null || p.repDisability === null ? null : false
}

/** The facts of a producer that are still unknown, labelled as the form labels them; empty when all are known. */
export const UNKNOWN_FACT_LABELS = {
  repName: 'người đại diện theo pháp luật',
  repGender: 'giới tính người đại diện',
  repEthnicity: 'dân tộc người đại diện',
  repDisability: 'người đại diện có khuyết tật hay không',
  communeCode: 'xã/phường'
} as const

export function unknownFacts(p: Pick<ProducerFacts, 'repName' | 'repGender' | 'repEthnicity' | 'repDisability' | 'communeCode'>): Array<keyof typeof UNKNOWN_FACT_LABELS> {
  return (Object.keys(UNKNOWN_FACT_LABELS) as Array<keyof typeof UNKNOWN_FACT_LABELS>).filter((k) => p[k] === null)
}

/** Blank cells and what clerks write for "not known" in legacy lists, folded. */
const UNKNOWN_TEXTS: readonly string[] = ['', 'chua ro', 'khong ro', 'chua co thong tin', '?']

/** Whether a spreadsheet cell says the fact is unknown ("chưa rõ"), rather than giving a value. */
export function isUnknownCell(text: string): boolean {
  return UNKNOWN_TEXTS.includes(foldVietnamese(text).replace(/[.…]+$/, '').trim())
}

/** Associations and tourism operators may register only tourism products (group VI, set 26). */
export function kindAllowedForSet(kind: ProducerKind, setNo: number): boolean {
  return setNo === 26 || !TOURISM_ONLY_KINDS.includes(kind)
}
