import { candidates5, headerOf, recognised } from './context'
import { para, run, type TextDocument } from './layout/ast'
import { basisLines, recipientLines, shortDate, signatureLines } from './layout/decree30'
import type { DocumentInput } from './model'
import { byStars, countByStars, resultsTable } from './results'

/** Tờ trình of the advising body proposing recognition (QĐ 26/2026 Điều 7.3đ; NĐ 30 Mẫu 1.4). */
export function submissionDocument(input: DocumentInput): TextDocument {
  const prov = input.province
  const rec = byStars(recognised(input))
  const five = candidates5(input)
  const basis = input.legalBasis.filter((l) => !l.startsWith('Theo đề nghị'))
  return {
    title: 'Tờ trình đề nghị công nhận sản phẩm OCOP',
    landscape: false,
    blocks: [
      headerOf(prov.agency, 'TTr', input.submission, prov.placeName),
      { kind: 'title', type: 'TỜ TRÌNH', subject: [`Đề nghị công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP ${input.session.batch}`] },
      { kind: 'center', runs: [run(`Kính gửi: ${prov.committee.name.normalize('NFC')}.`)] },
      ...basisLines([...basis, `Căn cứ Báo cáo số ${String(input.report.number ?? '…').padStart(2, '0')}/BC-${prov.council.symbol} ngày ${shortDate(input.report.date)} của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh`]).map((l) => para(l, { italic: true })),
      para(`${prov.agency.name} kính trình ${prov.committee.name} xem xét công nhận kết quả đánh giá, phân hạng sản phẩm OCOP ${input.session.batch} như sau:`),
      resultsTable(input, input.products),
      para(`1. Công nhận và cấp Giấy chứng nhận cho ${String(rec.length).padStart(2, '0')} sản phẩm OCOP (${countByStars(rec) || 'không có sản phẩm'}); danh sách tại dự thảo Quyết định kèm theo.`),
      ...(five.length > 0 ? [para(`2. Phê duyệt kết quả đánh giá ${String(five.length).padStart(2, '0')} sản phẩm đạt từ 90 điểm trở lên, đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao.`)] : []),
      para(`${prov.agency.name} kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.`),
      { kind: 'closing', recipients: recipientLines(['Như trên', 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh'], `VT, ${prov.agency.symbol}`), signer: signatureLines(prov.agency.signer) }
    ]
  }
}
