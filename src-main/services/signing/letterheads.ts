import type { ProvinceSettings as DocProvince, Signer } from '../../shared/documents'
import type { ProvinceSettings as CatalogueProvince } from '../../shared/contract'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'
import type { Approval } from './signing-service'

const inSentence = (name: string): string => name.replace(/^(Xã|Phường|Tỉnh|Thành phố|Đặc khu)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'))

/**
 * The approver signs the generated document: NĐ 30 Điều 13 prints "KT. CHỦ TỊCH" over a deputy's title and
 * "TM. <body>" for a collective body, so the authority decides the line above the title.
 */
export function signerOf(a: Approval, body: 'committee' | 'council'): Signer {
  const authority = a.authority === '' ? null : (a.authority.slice(0, -1) as NonNullable<Signer['authority']>)
  const authorityOf = a.authority === '' ? '' : a.authority === 'TM.' ? (body === 'committee' ? 'Ủy ban nhân dân' : 'Hội đồng') : 'Chủ tịch'
  return { authority, authorityOf, title: a.positionTitle, name: a.approverName }
}

/** Letterheads of the documents from the province chosen in Cài đặt; the approver is every body's signer. */
export function letterheads(p: CatalogueProvince | null, units: AdminUnits, a: Approval): DocProvince {
  const unit = p?.provinceCode ? units.province(p.provinceCode)?.name : undefined
  if (!unit) throw new AppError('VALIDATION', 'Chưa khai báo tỉnh trong phần Cài đặt; không lập được văn bản')
  const provinceName = unit.replace(/^(Tỉnh|Thành phố)\s+/u, '')
  const committee = p?.bodyName || `Ủy ban nhân dân ${inSentence(unit)}`
  return {
    provinceName,
    placeName: p?.placeName || provinceName,
    committee: { parent: '', name: committee, symbol: 'UBND', signer: signerOf(a, 'committee') },
    council: { parent: committee, name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP', symbol: 'HĐOCOP', signer: signerOf(a, 'council') },
    agency: { parent: committee, name: p?.advisoryBody || 'Sở Nông nghiệp và Môi trường', symbol: 'SNNMT', signer: signerOf(a, 'council') },
    certificateSymbol: 'GCN-OCOP',
    validityMonths: 36
  }
}
