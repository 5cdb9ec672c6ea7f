import { basisOf, candidates5, draftMark, headerOf, recipientsOf, recognised, refText } from './context'
import { para, run, type TextDocument } from './layout/ast'
import { basisLines, recipientLines, signatureLines } from './layout/decree30'
import type { DocumentInput } from './model'
import { byStars, countByStars, resultsTable } from './results'
import { keepNumbers } from './wording'

/** Tờ trình of the advising body proposing recognition (QĐ 26/2026 Điều 7.3đ; NĐ 30 Mẫu 1.4). */
export function submissionDocument(input: DocumentInput): TextDocument {
  const prov = input.province
  const rec = byStars(recognised(input))
  const five = candidates5(input)
  const basis = basisOf(input, 'submission')
  // The tờ trình answers the council's report: cite it from the register unless the settings' lines already do.
  const report = `Căn cứ ${refText(input, 'report')} của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${prov.provinceName}`
  const cites = basis.some((l) => l.includes('Báo cáo'))
  return {
    title: 'Tờ trình đề nghị công nhận sản phẩm OCOP',
    landscape: false,
    blocks: [
      ...draftMark(input.submission),
      headerOf(prov.agency, 'TTr', input.submission, prov.placeName),
      { kind: 'title', type: 'TỜ TRÌNH', subject: [`Đề nghị công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP ${input.session.batch}`] },
      { kind: 'center', runs: [run(`Kính gửi: ${prov.committee.name.normalize('NFC')}.`)] },
      ...basisLines(cites ? basis : [...basis, report]).map((l) => para(keepNumbers(l), { italic: true })),
      para(`${prov.agency.name} kính trình ${prov.committee.name} xem xét công nhận kết quả đánh giá, phân hạng sản phẩm OCOP ${input.session.batch} như sau:`),
      resultsTable(input, input.products),
      para(`1. Công nhận và cấp Giấy chứng nhận cho ${String(rec.length).padStart(2, '0')} sản phẩm OCOP (${countByStars(rec) || 'không có sản phẩm'}); danh sách tại dự thảo Quyết định kèm theo.`),
      ...(five.length > 0 ? [para(`2. Phê duyệt kết quả đánh giá ${String(five.length).padStart(2, '0')} sản phẩm đạt từ 90 điểm trở lên, đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao.`)] : []),
      para(`${prov.agency.name} kính trình Ủy ban nhân dân tỉnh xem xét, quyết định./.`),
      { kind: 'closing', recipients: recipientLines(recipientsOf(input, 'submission', ['Như trên', 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh']), `VT, ${prov.agency.symbol}`), signer: signatureLines(prov.agency.signer) }
    ]
  }
}
