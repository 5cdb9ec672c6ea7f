import type { DocumentInputRaw } from '../../documents/model'
import type { Signer } from '../../shared/documents'
import type { Approval } from './signing-service'

/**
 * The approver signs the generated document: NĐ 30 Điều 13 prints "KT. CHỦ TỊCH" over a deputy's title and
 * "TM. <body>" for a collective body, so the authority decides the line above the title.
 */
export function signerOf(a: Approval, body: 'committee' | 'council'): Signer {
  const authority = a.authority === '' ? null : (a.authority.slice(0, -1) as NonNullable<Signer['authority']>)
  const authorityOf = a.authority === '' ? '' : a.authority === 'TM.' ? (body === 'committee' ? 'Ủy ban nhân dân' : 'Hội đồng') : 'Chủ tịch'
  return { authority, authorityOf, title: a.positionTitle, name: a.approverName }
}

/** The session's documents DTO with the approver as every body's signer and the chosen issue date and end time. */
export function approvedSource(raw: DocumentInputRaw, a: Approval, o: { issueDate: string; endTime: string }): DocumentInputRaw {
  const p = raw.province
  // An issued document keeps its registered number and date (signing never numbers anew); a draft takes the chosen date.
  const keep = (i: DocumentInputRaw['minutes']) => (i?.number ? i : { number: null, date: o.issueDate })
  return {
    ...raw,
    province: {
      ...p,
      committee: { ...p.committee, signer: signerOf(a, 'committee') },
      council: { ...p.council, signer: signerOf(a, 'council') },
      agency: { ...p.agency, signer: signerOf(a, 'council') }
    },
    session: { ...raw.session, endTime: o.endTime },
    minutes: keep(raw.minutes),
    report: keep(raw.report),
    submission: keep(raw.submission),
    decision: keep(raw.decision),
    approval: keep(raw.approval),
    notice: keep(raw.notice),
    certificate: keep(raw.certificate)
  }
}
