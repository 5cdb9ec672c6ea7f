import { addDays, REEVAL_EARLIEST_DAYS, REEVAL_LATEST_DAYS } from '../../domain/certificate'
import { nextProvincialRound } from '../../domain/evaluation-round'
import { formatScore } from '../../domain/star-band'
import { draftMark, headerOf } from '../context'
import { para, type Block, type TextDocument } from '../layout/ast'
import { shortDate } from '../layout/decree30'
import { keepNumbers, sentence } from '../wording'
import { n2, officeClosing } from './common'
import type { AdviceDocInput } from './model'

/**
 * Phiếu góp ý hoàn thiện sản phẩm (issue 14 §2), a công văn of the advising body to the producer (NĐ 30 Mẫu 1.5:
 * "Số: 05/SNNMT-OCOP", "V/v …" under the number, "Kính gửi"): the fewest criterion improvements that reach the next
 * star (advice.product), the council's comments, and when the product may be evaluated again.
 */
const markerText = (markers: readonly number[]) => (markers.length === 0 ? '—' : markers.map((m) => `Hạng ${m} sao`).join('; '))

/** The re-evaluation timing rules as they apply to this product on the letter's date. */
export function timingLines(i: AdviceDocInput): string[] {
  const r = nextProvincialRound(i.head.issue.date)
  const lines = [
    `Khi đã hoàn thiện, chủ thể đăng ký ${i.certificate ? 'đánh giá nâng hạng' : 'tham gia đánh giá ở đợt sau'}: hồ sơ gồm Phiếu đăng ký (Mẫu 01), Báo cáo tự đánh giá (Mẫu 02) và thuyết minh, minh chứng những thay đổi so với lần đánh giá trước (Điều 6 Quyết định số 26/2026/QĐ-TTg), nộp tại Ủy ban nhân dân cấp xã.`,
    `Tỉnh tổ chức ít nhất 02 đợt đánh giá mỗi năm: đợt 1 hoàn thành trước ngày 30/6 đối với hồ sơ được Ủy ban nhân dân cấp xã đề xuất trước ngày 30/4; đợt 2 hoàn thành trước ngày 30/12 đối với hồ sơ được đề xuất trước ngày 30/10 (Điều 5). Đợt gần nhất sản phẩm có thể tham gia là đợt ${r.round} năm ${r.year}, với hồ sơ được Ủy ban nhân dân cấp xã đề xuất trước ngày ${shortDate(r.proposeBefore)}.`
  ]
  if (i.certificate)
    lines.push(
      `Giấy chứng nhận số ${i.certificate.number} có hiệu lực đến ngày ${shortDate(i.certificate.expiryDate)}; hồ sơ đánh giá lại khi hết hiệu lực nộp không sớm hơn ${REEVAL_EARLIEST_DAYS} ngày và không muộn hơn ${REEVAL_LATEST_DAYS} ngày trước ngày hết hiệu lực, tức từ ngày ${shortDate(addDays(i.certificate.expiryDate, -REEVAL_EARLIEST_DAYS))} đến ngày ${shortDate(addDays(i.certificate.expiryDate, -REEVAL_LATEST_DAYS))} (Điều 7.6).`
    )
  return lines.map(keepNumbers)
}

export function adviceLetterDocument(i: AdviceDocInput): TextDocument {
  const h = i.head
  const p = i.product
  const header = { ...headerOf({ ...h.agency, symbol: 'OCOP' }, h.agency.symbol, h.issue, h.placeName), subject: `V/v góp ý hoàn thiện sản phẩm "${p.name}"` }
  const result = i.stars === null ? 'chưa xác định hạng sao' : i.stars === 0 ? 'không xếp hạng' : `đạt ${i.stars} sao`
  const plan: Block[] = i.plan
    ? [
        para(`1. Các tiêu chí cần hoàn thiện để đạt ${i.target} sao (số tiêu chí ít nhất theo kết quả chấm của Hội đồng):`, { keepWithNext: true }),
        {
          kind: 'table',
          widths: [5, 18, 26, 31, 8, 12],
          header: ['STT', 'Tiêu chí', 'Mức hiện tại', 'Mức cần đạt', 'Điểm tăng', 'Yêu cầu tối thiểu đáp ứng'],
          rows: i.plan.changes.map((c, k) => [String(k + 1), c.criterion, c.current, c.target, `+${formatScore(c.gain)}`, markerText(c.markers)]),
          align: ['center', 'left', 'left', 'left', 'center', 'left'],
          size: 11
        },
        para(`Khi hoàn thiện ${n2(i.plan.changes.length)} tiêu chí trên, điểm trung bình dự kiến đạt ${formatScore(i.plan.meanAfter)} điểm (hiện nay ${formatScore(i.plan.meanBefore)} điểm), đủ điểm và các yêu cầu tối thiểu của hạng ${i.target} sao.`)
      ]
    : [para(`1. ${sentence(i.message ?? 'Không có đề xuất hoàn thiện')}`)]
  return {
    title: `Phiếu góp ý hoàn thiện sản phẩm "${p.name}"`,
    landscape: false,
    blocks: [
      ...draftMark(h.issue),
      header,
      { kind: 'center', runs: [{ text: `Kính gửi: ${p.producer}` }], spaceAfter: 10 },
      para(
        `Căn cứ kết quả đánh giá, phân hạng sản phẩm OCOP ${i.batch.charAt(0).toLocaleLowerCase('vi')}${i.batch.slice(1)} (phiên họp ngày ${shortDate(i.sessionDate)}) của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${h.provinceName}, sản phẩm "${p.name}"${p.code ? ` (mã số ${p.code})` : ''} chấm theo ${p.setTitle} ${result}${i.mean === null ? '' : ` với điểm trung bình ${formatScore(i.mean)} điểm`}. Để hỗ trợ chủ thể hoàn thiện sản phẩm, ${h.agency.name} góp ý như sau:`
      ),
      ...plan,
      para('2. Ý kiến của Hội đồng:', { keepWithNext: true }),
      ...(i.comments.length > 0 ? i.comments.map((c) => para(`- ${sentence(c)}`)) : [para('- Hội đồng không có ý kiến khác.')]),
      para('3. Thời điểm đánh giá lại:', { keepWithNext: true }),
      ...timingLines(i).map((l) => para(`- ${l}`)),
      para(`Trong quá trình hoàn thiện, đề nghị chủ thể liên hệ ${h.agency.name} hoặc Ủy ban nhân dân ${p.commune || 'cấp xã'} để được hướng dẫn, hỗ trợ./.`),
      officeClosing(h)
    ]
  }
}
