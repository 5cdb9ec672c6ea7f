import { TOURISM_ONLY_KINDS, type Gender, type ProducerKind } from '../shared/catalogue'
import type { ApiIssue } from '../shared/result'
import { foldVietnamese } from '../shared/text'

/** The fields of a producer that the cross-field rules look at (format checks live in the contract schemas). */
export interface ProducerFacts {
  kind: ProducerKind
  repGender: Gender
  repEthnicity: string
  repDisability: boolean
  provinceCode: string
  communeCode: string
}

/** Where a commune belongs, as the administrative units know it; undefined for an unknown code. */
export type CommuneLookup = (communeCode: string) => { provinceCode: string } | undefined

export function validateProducerAddress(p: Pick<ProducerFacts, 'provinceCode' | 'communeCode'>, lookup: CommuneLookup): ApiIssue[] {
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

/** Criterion 3.2 of every sheet: the legal representative is a woman, from an ethnic minority or disabled. */
export function qualifiesForCriterion32(p: Pick<ProducerFacts, 'repGender' | 'repEthnicity' | 'repDisability'>): boolean {
  return p.repGender === 'nu' || isEthnicMinority(p.repEthnicity) || p.repDisability
}

/** Associations and tourism operators may register only tourism products (group VI, set 26). */
export function kindAllowedForSet(kind: ProducerKind, setNo: number): boolean {
  return setNo === 26 || !TOURISM_ONLY_KINDS.includes(kind)
}
