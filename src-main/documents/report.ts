import { candidates5, draftMark, headerOf, recipientsOf, recognised } from './context'
import { para, run, type Block, type TextDocument } from './layout/ast'
import { recipientLines, signatureLines, vnDateWords } from './layout/decree30'
import type { DocumentInput } from './model'
import { byStars, countByStars, previousTable, resultsTable } from './results'
import { keepNumbers } from './wording'

/** Báo cáo kết quả đánh giá, phân hạng của Hội đồng gửi Chủ tịch UBND tỉnh (QĐ 26/2026 Điều 7.3d; NĐ 30 Mẫu 1.4). */
export function reportDocument(input: DocumentInput): TextDocument {
  const s = input.session
  const prov = input.province
  const rec = byStars(recognised(input))
  const five = candidates5(input)
  const scoring = s.members.filter((m) => m.present && m.role !== 'Thư ký').length
  return {
    title: 'Báo cáo kết quả đánh giá, phân hạng sản phẩm OCOP',
    landscape: false,
    blocks: [
      ...draftMark(input.report),
      headerOf(prov.council, 'BC', input.report, prov.placeName),
      { kind: 'title', type: 'BÁO CÁO', subject: [`Kết quả đánh giá, phân hạng sản phẩm OCOP cấp tỉnh ${s.batch}`] },
      para(`Thực hiện ${s.councilDecision}, ${vnDateWords(s.date)} Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${prov.provinceName} đã họp đánh giá, phân hạng ${String(input.products.length).padStart(2, '0')} sản phẩm. Hội đồng báo cáo kết quả như sau:`),
      { kind: 'para', runs: [run('I. TỔ CHỨC ĐÁNH GIÁ', { bold: true })], indent: false },
      para(`Phiên họp có ${scoring} thành viên tham gia chấm điểm; ${s.quorum.text.charAt(0).toLocaleLowerCase('vi')}${s.quorum.text.slice(1)}. Các thành viên chấm điểm độc lập trên phiếu đánh giá theo Bộ tiêu chí ban hành kèm theo ${keepNumbers('Quyết định số 26/2026/QĐ-TTg')}; điểm của sản phẩm là trung bình cộng điểm của các thành viên.`),
      ...(s.recusals.length > 0 ? [para(`Có ${String(s.recusals.length).padStart(2, '0')} trường hợp thành viên không tham gia chấm điểm do xung đột lợi ích (ghi tại Biên bản họp Hội đồng).`)] : []),
      { kind: 'para', runs: [run('II. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG', { bold: true })], indent: false },
      resultsTable(input, input.products),
      ...previousBlocks(input),
      { kind: 'para', runs: [run('III. ĐỀ XUẤT', { bold: true })], indent: false },
      para(`1. Đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận và cấp Giấy chứng nhận cho ${String(rec.length).padStart(2, '0')} sản phẩm OCOP (${countByStars(rec) || 'không có sản phẩm'}).`),
      ...(five.length > 0 ? [para(`2. Đề nghị phê duyệt kết quả đánh giá ${String(five.length).padStart(2, '0')} sản phẩm đạt từ 90 điểm trở lên và đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận sản phẩm OCOP 5 sao.`)] : []),
      para(`Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${prov.provinceName} kính báo cáo./.`),
      { kind: 'closing', recipients: recipientLines(recipientsOf(input, 'report', ['Chủ tịch UBND tỉnh (b/c)', prov.agency.name, 'Thành viên Hội đồng']), `VT, ${prov.council.symbol}`), signer: signatureLines(prov.council.signer) }
    ]
  }
}

/** "Kết quả đánh giá trước" of the products that come back (re-evaluation, upgrade), beside this session's result. */
function previousBlocks(input: DocumentInput): Block[] {
  const table = previousTable(input.products)
  return table ? [para('Kết quả đánh giá trước của các sản phẩm đánh giá lại, nâng hạng:'), table] : []
}
