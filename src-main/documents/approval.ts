import { candidates5, draftMark, headerOf, recipientsOf } from './context'
import type { TextDocument } from './layout/ast'
import { recipientLines, signatureLines } from './layout/decree30'
import { annexHeading, article, authorityLine, basisBlocks } from './decision'
import type { DocumentInput } from './model'
import { annexTable } from './results'

/** Quyết định phê duyệt kết quả đánh giá for products of 90 points or more, proposed to the Ministry for 5★ (Điều 6.3, 7.3e). */
export function approvalDocument(input: DocumentInput): TextDocument {
  const prov = input.province
  const list = candidates5(input)
  return {
    title: 'Quyết định phê duyệt kết quả đánh giá sản phẩm đề xuất 5 sao',
    landscape: false,
    blocks: [
      ...draftMark(input.approval),
      headerOf(prov.committee, 'QĐ', input.approval, prov.placeName),
      { kind: 'title', type: 'QUYẾT ĐỊNH', subject: ['Về việc phê duyệt kết quả đánh giá sản phẩm OCOP đạt từ 90 điểm trở lên,', 'đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao'] },
      authorityLine(input),
      ...basisBlocks(input, 'approval'),
      { kind: 'center', runs: [{ text: 'QUYẾT ĐỊNH:', bold: true }], spaceAfter: 8 },
      article(1, `Phê duyệt kết quả đánh giá ${String(list.length).padStart(2, '0')} sản phẩm OCOP tỉnh ${prov.provinceName} ${input.session.batch} đạt từ 90 điểm trở lên, chi tiết tại Phụ lục kèm theo Quyết định này.`),
      article(2, `Giao ${prov.agency.name} hoàn thiện hồ sơ các sản phẩm tại Điều 1, tham mưu Ủy ban nhân dân tỉnh có văn bản đề nghị Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao theo quy định.`),
      article(3, `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${prov.committee.name}; Giám đốc ${prov.agency.name}; Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm và các chủ thể có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này./.`),
      { kind: 'closing', recipients: recipientLines(recipientsOf(input, 'approval', ['Như Điều 3', 'Bộ Nông nghiệp và Môi trường', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh']), 'VT, KT'), signer: signatureLines(prov.committee.signer) },
      { kind: 'page', landscape: true },
      ...annexHeading(input, 'Danh sách sản phẩm đạt từ 90 điểm trở lên đề xuất đánh giá 5 sao', input.approval),
      annexTable(input, list)
    ]
  }
}
