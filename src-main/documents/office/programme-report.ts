import { para, type TextDocument } from '../layout/ast'
import { shortDate } from '../layout/decree30'
import { keepNumbers } from '../wording'
import { caption, countTable, heading, n2, officeClosing, officeTop } from './common'
import type { ReportDocInput } from './model'

/**
 * Báo cáo kết quả thực hiện Chương trình OCOP (6 tháng, năm) of the advising body (issue 14 §4; NĐ 30 Mẫu 1.4). Every
 * figure comes from reports.periodic for the period (domain/periodic-report.ts): evaluations, certificates issued,
 * revoked and expired, the portfolio valid on the last day by stars, sector and commune, inspections and findings.
 */
export function programmeReportDocument(i: ReportDocInput): TextDocument {
  const h = i.head
  const e = i.evaluations
  const c = i.certificates
  const v = i.portfolio
  const s = i.inspections
  return {
    title: `Báo cáo kết quả thực hiện Chương trình OCOP ${i.periodText}`,
    landscape: false,
    blocks: [
      ...officeTop(h, 'BC'),
      { kind: 'title', type: 'BÁO CÁO', subject: [`Kết quả thực hiện Chương trình OCOP ${i.periodText}`] },
      para(
        keepNumbers(
          `Thực hiện Quyết định số 26/2026/QĐ-TTg ngày 22/5/2026 của Thủ tướng Chính phủ, ${h.agency.name} báo cáo kết quả thực hiện Chương trình mỗi xã một sản phẩm (OCOP) trên địa bàn ${h.provinceUnit} từ ngày ${shortDate(i.period.from)} đến ngày ${shortDate(i.period.to)} như sau:`
        )
      ),
      heading('I. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM'),
      para(
        `Trong kỳ, Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh đã đánh giá, phân hạng ${n2(e.total)} sản phẩm (đánh giá lần đầu ${n2(e.firstTime)}, nâng hạng ${n2(e.upgrade)}, đánh giá lại ${n2(e.reEvaluation)}); ${n2(e.recognised)} sản phẩm đạt 3 sao, 4 sao được đề nghị công nhận; ${n2(e.proposedFiveStar)} sản phẩm đạt từ 90 điểm được đề xuất đánh giá 5 sao.`
      ),
      caption('Bảng 1. Kết quả đánh giá, phân hạng theo hạng sao'),
      countTable('Hạng sao', e.byStars),
      heading('II. CẤP VÀ THU HỒI GIẤY CHỨNG NHẬN'),
      para(`Trong kỳ, cấp ${n2(c.issued)} Giấy chứng nhận sản phẩm OCOP; thu hồi ${n2(c.revoked)} Giấy chứng nhận; ${n2(c.expired)} Giấy chứng nhận hết hiệu lực.`),
      caption('Bảng 2. Giấy chứng nhận cấp trong kỳ theo hạng sao'),
      countTable('Hạng sao', c.issuedByStars),
      heading(`III. SẢN PHẨM OCOP CÒN HIỆU LỰC ĐẾN NGÀY ${shortDate(i.period.to)}`),
      para(`Toàn tỉnh có ${n2(v.valid)} sản phẩm OCOP có Giấy chứng nhận còn hiệu lực.`),
      caption('Bảng 3. Sản phẩm OCOP còn hiệu lực theo hạng sao'),
      countTable('Hạng sao', v.byStars),
      caption('Bảng 4. Sản phẩm OCOP còn hiệu lực theo ngành'),
      countTable('Ngành', v.bySector),
      caption('Bảng 5. Sản phẩm OCOP còn hiệu lực theo xã, phường'),
      countTable('Xã, phường', v.byCommune),
      heading('IV. KIỂM TRA SAU CÔNG NHẬN'),
      para(`Trong kỳ, tổ chức kiểm tra ${n2(s.total)} lượt sản phẩm (kiểm tra đột xuất ${n2(s.adHoc)} lượt).`),
      caption('Bảng 6. Kết luận kiểm tra'),
      countTable('Kết luận', s.byOutcome),
      caption('Bảng 7. Nội dung kiểm tra không đạt'),
      countTable('Nội dung kiểm tra', s.failedItems),
      para(`${h.agency.name} kính báo cáo./.`),
      officeClosing(h)
    ]
  }
}
