import { basisOf, draftMark, headerOf, proposerOf, recipientsOf, recognised } from './context'
import { auditHeadLine, para, run, type Block, type TextDocument } from './layout/ast'
import { basisLines, docSymbol, recipientLines, signatureLines, upper, vnDateWords } from './layout/decree30'
import type { DocumentInput, IssueDto } from './model'
import { annexTable, byStars, countByStars } from './results'
import { keepNumbers } from './wording'

/**
 * Quyết định công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP (3★, 4★; QĐ 26/2026 Điều
 * 7.3e), NĐ 30 Mẫu 1.2, signed by the Chủ tịch UBND tỉnh (usually KT. CHỦ TỊCH / PHÓ CHỦ TỊCH), with its Phụ lục.
 */
export const article = (n: number, text: string): Block => ({ kind: 'para', runs: [run(`Điều ${n}. `, { bold: true }), run(text)] })

/** The authority line of a Chủ tịch's decision: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG". */
export function authorityLine(input: DocumentInput): Block {
  return { kind: 'center', runs: [run(`CHỦ TỊCH ${upper(input.province.committee.name)}`, { bold: true })], spaceAfter: 8 }
}

/** "Căn cứ …;" lines then "Theo đề nghị của ….", italic (NĐ 30 Mẫu 1.2). */
export function basisBlocks(input: DocumentInput, kind: 'decision' | 'approval'): Block[] {
  const proposer = proposerOf(input, kind)
  const lines = basisLines([...basisOf(input, kind), ...(proposer ? [proposer] : [])])
  return lines.map((l) => para(keepNumbers(l), { italic: true }))
}

export function annexHeading(input: DocumentInput, title: string, issue: IssueDto): Block[] {
  const ref =
    issue.number === null
      ? `(Kèm theo dự thảo Quyết định của Chủ tịch ${input.province.committee.name})`
      : `(Kèm theo Quyết định số ${docSymbol(issue.number, 'QĐ', input.province.committee.symbol)} ${vnDateWords(issue.date)} của Chủ tịch ${input.province.committee.name})`
  return [
    { kind: 'center', runs: [run('Phụ lục', { bold: true })], spaceAfter: 0 },
    { kind: 'title', type: null, subject: [upper(title)], note: ref }
  ]
}

export function decisionDocument(input: DocumentInput): TextDocument {
  const prov = input.province
  const list = byStars(recognised(input))
  const months = String(prov.validityMonths).padStart(2, '0')
  return {
    title: 'Quyết định công nhận sản phẩm OCOP',
    landscape: false,
    blocks: [
      ...draftMark(input.decision),
      headerOf(prov.committee, 'QĐ', input.decision, prov.placeName),
      { kind: 'title', type: 'QUYẾT ĐỊNH', subject: [`Về việc công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP ${input.session.batch}`] },
      authorityLine(input),
      ...basisBlocks(input, 'decision'),
      { kind: 'center', runs: [run('QUYẾT ĐỊNH:', { bold: true })], spaceAfter: 8 },
      article(1, `Công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận cho ${String(list.length).padStart(2, '0')} sản phẩm OCOP tỉnh ${prov.provinceName} ${input.session.batch} (${countByStars(list)}), chi tiết tại Phụ lục kèm theo Quyết định này.`),
      article(2, `Các chủ thể có sản phẩm tại Điều 1 được sử dụng Giấy chứng nhận, biểu trưng (logo) OCOP và hạng sao được công nhận trên bao bì, nhãn sản phẩm và trong hoạt động xúc tiến thương mại theo quy định. Kết quả công nhận có giá trị ${months} tháng kể từ ngày ký Quyết định này.`),
      article(3, `Giao ${prov.agency.name} tổ chức công bố kết quả, trao Giấy chứng nhận; hướng dẫn, theo dõi, kiểm tra việc duy trì chất lượng sản phẩm sau công nhận.`),
      article(4, `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${prov.committee.name}; Giám đốc ${prov.agency.name}; Thủ trưởng các sở, ngành có liên quan; Chủ tịch Ủy ban nhân dân các xã, phường có sản phẩm và các chủ thể có tên tại Phụ lục kèm theo chịu trách nhiệm thi hành Quyết định này./.`),
      {
        kind: 'closing',
        recipients: recipientLines(recipientsOf(input, 'decision', ['Như Điều 4', 'Bộ Nông nghiệp và Môi trường (b/c)', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh']), 'VT, KT'),
        signer: signatureLines(prov.committee.signer)
      },
      ...auditHeadLine(input.session.auditHead),
      { kind: 'page', landscape: true },
      ...annexHeading(input, 'Danh sách sản phẩm OCOP được công nhận', input.decision),
      annexTable(input, list)
    ]
  }
}
