import { para, run, type TextDocument } from '../../documents/layout/ast'
import { basisLines, docSymbol, recipientLines, shortDate, signatureLines, starsText, upper } from '../../documents/layout/decree30'
import { headerOf } from '../../documents/context'
import { citeText } from '../../documents/office/common'
import { REVOCATION_GROUNDS, groundLetter, type RevocationGround } from '../../shared/certificates'

/**
 * Quyết định thu hồi Giấy chứng nhận sản phẩm OCOP (QĐ 26/2026 Điều 8), NĐ 30 Mẫu 1.2 like the recognition
 * decision: signed by the Chủ tịch UBND tỉnh (or KT. CHỦ TỊCH, a Phó Chủ tịch) for 3★ and 4★ products.
 */
export interface RevocationInput {
  provinceName: string
  placeName: string
  committeeName: string
  advisoryBody: string
  number: number
  decidedOn: string
  signerTitle: string
  signerName: string
  ground: RevocationGround
  detail: string
  conclusionRef: string
  conclusionDate: string
  /** The post-recognition inspection's biên bản as registered; cited instead of the typed conclusion reference. */
  inspectionRecord?: { number: string; date: string }
  /** issuedOn / decisionDate are null for a recorded certificate known only by its year; authority is '' for the app's own. */
  certificate: { number: string; issuedOn: string | null; year: number; stars: number; decisionNo: string; decisionDate: string | null; authority: string }
  product: { name: string; code: string; producer: string; address: string; commune: string }
}

export const QD26 = 'Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình mỗi xã một sản phẩm'

export function revocationDocument(i: RevocationInput): TextDocument {
  const deputy = /phó/iu.test(i.signerTitle)
  const signer = { authority: deputy ? ('KT' as const) : null, authorityOf: deputy ? 'Chủ tịch' : '', title: i.signerTitle, name: i.signerName }
  const issuer = { parent: '', name: i.committeeName, symbol: 'UBND', signer }
  const c = i.certificate
  const p = i.product
  const article = (n: number, text: string) => ({ kind: 'para' as const, runs: [run(`Điều ${n}. `, { bold: true }), run(text)] })
  return {
    title: 'Quyết định thu hồi Giấy chứng nhận sản phẩm OCOP',
    landscape: false,
    blocks: [
      headerOf(issuer, 'QĐ', { number: i.number, date: i.decidedOn }, i.placeName),
      { kind: 'title', type: 'QUYẾT ĐỊNH', subject: ['Về việc thu hồi Giấy chứng nhận sản phẩm OCOP'] },
      { kind: 'center', runs: [run(`CHỦ TỊCH ${upper(i.committeeName)}`, { bold: true })], spaceAfter: 8 },
      ...basisLines([
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025',
        `Căn cứ ${QD26}`,
        `Căn cứ Quyết định số ${c.decisionNo}${c.decisionDate ? ` ngày ${shortDate(c.decisionDate)}` : ''}${c.authority ? ` của ${c.authority}` : ''} về việc công nhận kết quả đánh giá, phân hạng và cấp Giấy chứng nhận sản phẩm OCOP`,
        i.inspectionRecord ? `Căn cứ ${citeText('Biên bản kiểm tra', i.inspectionRecord.number, i.inspectionRecord.date)} của Đoàn kiểm tra sau công nhận` : `Căn cứ ${i.conclusionRef} ngày ${shortDate(i.conclusionDate)}`,
        `Theo đề nghị của ${i.advisoryBody}`
      ]).map((l) => para(l, { italic: true })),
      { kind: 'center', runs: [run('QUYẾT ĐỊNH:', { bold: true })], spaceAfter: 8 },
      article(
        1,
        `Thu hồi Giấy chứng nhận sản phẩm OCOP số ${c.number} ${c.issuedOn ? `cấp ngày ${shortDate(c.issuedOn)}` : `cấp năm ${c.year}`}${c.authority ? ` (${c.authority} cấp)` : ''} cho sản phẩm "${p.name}" (mã số ${p.code}), hạng ${starsText(c.stars)}, của ${p.producer}${p.address ? `, địa chỉ ${p.address}` : ''}.`
      ),
      para(`Lý do thu hồi: ${REVOCATION_GROUNDS[i.ground]} (điểm ${groundLetter(i.ground)} khoản 1 Điều 8 Quyết định số 26/2026/QĐ-TTg). ${i.detail.replace(/[.\s]+$/u, '')}.`),
      article(
        2,
        `Kể từ ngày Quyết định này có hiệu lực, ${p.producer} không được sử dụng Giấy chứng nhận, biểu trưng (logo) OCOP và hạng sao đã được công nhận trên bao bì, nhãn sản phẩm và trong hoạt động xúc tiến thương mại; nộp lại bản chính Giấy chứng nhận cho ${i.advisoryBody}.`
      ),
      article(
        3,
        `Quyết định này có hiệu lực kể từ ngày ký. Chánh Văn phòng ${i.committeeName}; ${i.advisoryBody}; Chủ tịch Ủy ban nhân dân ${p.commune || 'cấp xã nơi có sản phẩm'}; ${p.producer} và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.`
      ),
      {
        kind: 'closing',
        recipients: recipientLines(['Như Điều 3', 'Bộ Nông nghiệp và Môi trường (b/c)', 'Văn phòng Điều phối nông thôn mới Trung ương'], 'VT, KT'),
        signer: signatureLines(signer)
      }
    ]
  }
}

export const revocationNumber = (n: number): string => docSymbol(n, 'QĐ', 'UBND')
