import { draftMark, headerOf, recipientsOf, refText } from './context'
import { para, type TextDocument } from './layout/ast'
import { recipientLines, signatureLines } from './layout/decree30'
import type { DocumentInput } from './model'
import { resultsTable } from './results'
import { communeCommittee } from './wording'

/**
 * Thông báo kết quả from the advising body to the communes and the producers (QĐ 26/2026 Điều 7.3g; NĐ 30 Mẫu 1.4),
 * issued after the recognition decision, which it cites from the register; a one-product notice is a document of its
 * own (its own number, `input.notice` filled for that product by the caller).
 */
export function noticeDocument(input: DocumentInput, productId?: string): TextDocument {
  const prov = input.province
  const products = productId ? input.products.filter((p) => p.id === productId) : input.products
  const decided = input.decision.number !== null
  const decision = `${refText(input, 'decision')} của Chủ tịch ${prov.committee.name}`
  const own = [...new Set(products.flatMap((p) => [p.commune ? communeCommittee(p.commune) : '', p.producer]).filter((x) => x !== ''))]
  const recipients = productId ? own : recipientsOf(input, 'notice', own)
  return {
    title: 'Thông báo kết quả đánh giá, phân hạng sản phẩm OCOP',
    landscape: false,
    blocks: [
      ...draftMark(input.notice),
      headerOf(prov.agency, 'TB', input.notice, prov.placeName),
      { kind: 'title', type: 'THÔNG BÁO', subject: [`Kết quả đánh giá, phân hạng sản phẩm OCOP ${input.session.batch}`] },
      para(`Căn cứ kết quả đánh giá, phân hạng của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${prov.provinceName} và ${decision}, ${prov.agency.name} thông báo kết quả đánh giá, phân hạng sản phẩm OCOP như sau:`),
      resultsTable(input, products, decided),
      para(`Đối với sản phẩm được công nhận, chủ thể liên hệ ${prov.agency.name} để nhận Giấy chứng nhận; sản phẩm đạt từ 90 điểm trở lên được hoàn thiện hồ sơ đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao; sản phẩm chưa đạt được tiếp tục hoàn thiện để tham gia đánh giá ở đợt sau.`),
      para('Ủy ban nhân dân các xã, phường thông báo đến chủ thể trên địa bàn; phối hợp theo dõi, hỗ trợ chủ thể duy trì và nâng cao chất lượng sản phẩm./.'),
      { kind: 'closing', recipients: recipientLines(recipients, `VT, ${prov.agency.symbol}`), signer: signatureLines(prov.agency.signer) }
    ]
  }
}
