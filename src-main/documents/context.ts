import { isLeaf, type CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'
import type { Block } from './layout/ast'
import { issuerLines, numberLine, placeDate } from './layout/decree30'
import type { DocMember, DocProduct, DocumentInput, IssueDto, Issuer } from './model'

/** Look-ups shared by the builders; each throws a Vietnamese error when the DTO is inconsistent. */
export function criteriaSetOf(input: DocumentInput, product: DocProduct): CriteriaSet {
  const set = input.criteriaSets.find((s) => s.id === product.criteriaSetId)
  if (!set) throw new AppError('VALIDATION', `Thiếu bộ tiêu chí ${product.criteriaSetId} của sản phẩm "${product.name}"`)
  return set
}

export function productOf(input: DocumentInput, productId: string): DocProduct {
  const p = input.products.find((x) => x.id === productId)
  if (!p) throw new AppError('NOT_FOUND', `Không có sản phẩm "${productId}" trong phiên họp`)
  return p
}

export function memberOf(input: DocumentInput, memberId: string): DocMember {
  const m = input.session.members.find((x) => x.id === memberId)
  if (!m) throw new AppError('NOT_FOUND', `Không có thành viên "${memberId}" trong Hội đồng`)
  return m
}

/** 3★ and 4★ products the province recognises (QĐ 26/2026 Điều 4.1), in the session's order. */
export const recognised = (input: DocumentInput) => input.products.filter((p) => p.outcome === 'recognised-by-province' && (p.stars === 3 || p.stars === 4))
/** Products of 90 points or more proposed to the Ministry for 5★. */
export const candidates5 = (input: DocumentInput) => input.products.filter((p) => p.outcome === 'proposed-5-star')

/** Members who score: present, not the secretary (the Quy chế of most provinces: the secretary does not score). */
export const scoringMembers = (input: DocumentInput) => input.session.members.filter((m) => m.role !== 'Thư ký')

export function headerOf(issuer: Issuer, abbr: string | null, issue: IssueDto | null, place: string): Extract<Block, { kind: 'header' }> {
  const l = issuerLines(issuer)
  return {
    kind: 'header',
    parent: l.parent,
    issuer: l.name,
    number: abbr ? numberLine(issue?.number ?? null, abbr, issuer.symbol) : null,
    placeDate: issue ? placeDate(place, issue.date) : null
  }
}

export function setTitle(set: CriteriaSet): string {
  return `Bộ tiêu chí số ${String(set.no).padStart(2, '0')}: ${set.name}`
}

export function optionLabel(set: CriteriaSet, optionId: string): string {
  for (const part of set.parts)
    for (const section of part.sections)
      for (const c of section.criteria)
        for (const leaf of isLeaf(c) ? [c] : c.subCriteria) {
          const o = leaf.options.find((x) => x.id === optionId)
          if (o) return `${leaf.code} ${leaf.text}: ${o.text} (${o.points} điểm)`
        }
  return optionId
}

export function meanText(p: DocProduct, format: (n: number) => string): string {
  return p.mean === null ? '—' : format(p.mean)
}
