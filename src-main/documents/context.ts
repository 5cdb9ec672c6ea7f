import { isLeaf, type CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'
import type { Block } from './layout/ast'
import { docSymbol, issuerLines, numberLine, placeDate, shortDate } from './layout/decree30'
import type { DocMember, DocProduct, DocumentInput, IssueDto, Issuer } from './model'
import { composeAddress, keepNumbers } from './wording'

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

/**
 * The letterhead. A numbered kind without its number is a draft: no "Số:" line (the number is given only when the
 * office issues it) and the date left blank for the signer; `draftMark` prints "DỰ THẢO" above it.
 */
export function headerOf(issuer: Issuer, abbr: string | null, issue: IssueDto | null, place: string): Extract<Block, { kind: 'header' }> {
  const l = issuerLines(issuer)
  const draft = abbr !== null && issue !== null && issue.number === null
  return {
    kind: 'header',
    parent: l.parent,
    issuer: l.name,
    number: abbr && !draft ? numberLine(issue?.number ?? null, abbr, issuer.symbol) : null,
    placeDate: issue ? placeDate(place, draft ? null : issue.date) : null
  }
}

/** The visible mark of a document not yet issued; nothing once it has its number. */
export function draftMark(issue: IssueDto): Block[] {
  return issue.number === null ? [{ kind: 'center', runs: [{ text: 'DỰ THẢO', bold: true }], size: 14, spaceAfter: 4 }] : []
}

/** The documents one document may cite; each reference is read from the input, which the register filled. */
export type RefKind = 'decision' | 'approval' | 'report' | 'submission'

/** "Quyết định số 12/QĐ-UBND ngày 05/03/2026"; a reference not issued yet is named as a draft, never with a blank number. */
export function refText(input: DocumentInput, kind: RefKind): string {
  const p = input.province
  const [word, abbr, symbol] =
    kind === 'decision' || kind === 'approval' ? ['Quyết định', 'QĐ', p.committee.symbol] : kind === 'report' ? ['Báo cáo', 'BC', p.council.symbol] : ['Tờ trình', 'TTr', p.agency.symbol]
  const issue = input[kind]
  return issue.number === null ? `dự thảo ${word}` : keepNumbers(`${word} số ${docSymbol(issue.number, abbr, symbol)} ngày ${shortDate(issue.date)}`)
}

/** "tỉnh Lâm Đồng": the province as running text and in addresses. */
export const provinceInText = (input: DocumentInput): string => input.province.provinceUnit || `tỉnh ${input.province.provinceName}`

/** A product's address composed once: street, xã, tỉnh (wording.ts). */
export const addressOf = (input: DocumentInput, p: DocProduct): string => composeAddress(p.address, p.commune, provinceInText(input))

/**
 * A settings line with its placeholders filled (see shared/api/document-settings.ts); null when it names something
 * the records do not have (a Quy chế decision not entered on the council), so the line is left out.
 */
export function fillLine(input: DocumentInput, line: string): string | null {
  if (line.includes('{quyChe}') && input.session.quyCheDecision === '') return null
  return line
    .replaceAll('{tinh}', input.province.provinceName)
    .replaceAll('{hoiDong}', input.session.councilDecision)
    .replaceAll('{quyChe}', input.session.quyCheDecision)
    .replaceAll('{baoCao}', refText(input, 'report'))
    .replaceAll('{toTrinh}', refText(input, 'submission'))
}

/** Căn cứ lines of a document kind from the settings, else the input's legal basis (fixtures). */
export function basisOf(input: DocumentInput, kind: 'decision' | 'approval' | 'submission'): string[] {
  const lines = input.basis[kind].length > 0 ? input.basis[kind] : input.legalBasis.filter((l) => !l.startsWith('Theo đề nghị'))
  return lines.map((l) => fillLine(input, l)).filter((l): l is string => l !== null)
}

/** "Theo đề nghị của …" of a decision; from the legal basis when the settings have none (fixtures). */
export function proposerOf(input: DocumentInput, kind: 'decision' | 'approval'): string | null {
  const line = input.proposer[kind] || input.legalBasis.find((l) => l.startsWith('Theo đề nghị')) || ''
  return line ? fillLine(input, line) : null
}

/** Nơi nhận of a kind from the settings, else the builder's default list. */
export function recipientsOf(input: DocumentInput, kind: string, fallback: readonly string[]): string[] {
  const list = input.recipients[kind]
  return list && list.length > 0 ? [...list] : [...fallback]
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
