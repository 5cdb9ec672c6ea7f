import { para, type TextDocument } from '../layout/ast'
import { shortDate, starsText } from '../layout/decree30'
import { INSPECTION_ITEMS } from '../../shared/inspection'
import { caption, countTable, heading, n2, officeClosing, officeTop } from './common'
import type { PlanDocInput } from './model'
import { keepNumbers } from '../wording'

/**
 * Kế hoạch kiểm tra sau công nhận sản phẩm OCOP (QĐ 26/2026 Điều 9; NĐ 30 Mẫu 1.4), issued by the advising body:
 * căn cứ, purpose and requirements, what is checked (the commitments of the dossier, Điều 9.3), the products chosen
 * with the reason each was chosen, time and form, who does what.
 */
export function inspectionPlanDocument(i: PlanDocInput): TextDocument {
  const h = i.head
  const byReason = new Map<string, number>()
  for (const it of i.items) for (const r of it.reasons) byReason.set(r, (byReason.get(r) ?? 0) + 1)
  return {
    title: `Kế hoạch kiểm tra sau công nhận sản phẩm OCOP năm ${i.year}`,
    landscape: false,
    blocks: [
      ...officeTop(h, 'KH'),
      { kind: 'title', type: 'KẾ HOẠCH', subject: [`Kiểm tra sau công nhận sản phẩm OCOP năm ${i.year}`] },
      ...i.basis.map((b) => para(keepNumbers(b), { italic: true })),
      para(`${h.agency.name} ban hành Kế hoạch kiểm tra sau công nhận sản phẩm OCOP năm ${i.year} trên địa bàn ${h.provinceUnit} (${i.name}) như sau:`),
      heading('I. MỤC ĐÍCH, YÊU CẦU'),
      para('1. Mục đích: kiểm tra việc duy trì các tiêu chí của sản phẩm đã được công nhận như trong hồ sơ đánh giá, phân hạng; việc sử dụng nhãn hiệu, biểu trưng OCOP, thông tin và quảng bá sản phẩm; kịp thời khuyến nghị khắc phục hoặc đề xuất xử lý theo quy định.'),
      para('2. Yêu cầu: kiểm tra đúng nội dung, đúng đối tượng; mỗi sản phẩm được kiểm tra lập một biên bản kiểm tra, có tài liệu chứng cứ kèm theo; kết quả kiểm tra được tổng hợp báo cáo Ủy ban nhân dân tỉnh.'),
      heading('II. NỘI DUNG KIỂM TRA'),
      ...Object.values(INSPECTION_ITEMS).map((text, k) => para(`${k + 1}. ${text}.`)),
      heading('III. ĐỐI TƯỢNG KIỂM TRA'),
      para(`Gồm ${n2(i.items.length)} sản phẩm OCOP đã được công nhận, lựa chọn theo các tiêu chí sau (một sản phẩm có thể có nhiều lý do):`, { keepWithNext: true }),
      countTable('Lý do lựa chọn', [...byReason].map(([label, count]) => ({ label, count })), false),
      caption('Danh sách sản phẩm kiểm tra:', false),
      {
        kind: 'table',
        widths: [6, 25, 23, 18, 28],
        header: ['STT', 'Tên sản phẩm, mã số', 'Chủ thể', 'Hạng sao, số giấy chứng nhận, hiệu lực', 'Lý do lựa chọn'],
        rows: i.items.map((it, k) => [
          String(k + 1),
          it.code ? `${it.name}\n(${it.code})` : it.name,
          it.commune ? `${it.producer}\n(${it.commune})` : it.producer,
          [it.stars ? starsText(it.stars) : '', it.certificate, it.expiryDate ? `đến ${shortDate(it.expiryDate)}` : ''].filter(Boolean).join('\n') || '—',
          [...it.reasons, ...(it.note ? [`Ghi chú: ${it.note}`] : [])].join('; ')
        ]),
        align: ['center', 'left', 'left', 'center', 'left'],
        size: 11
      },
      heading('IV. THỜI GIAN, HÌNH THỨC KIỂM TRA'),
      para(`1. Thời gian: từ ngày ban hành Kế hoạch đến hết ngày 31/12/${i.year}; lịch kiểm tra từng sản phẩm được thông báo cho chủ thể và Ủy ban nhân dân cấp xã trước khi kiểm tra.`),
      para(keepNumbers('2. Hình thức: kiểm tra định kỳ theo Kế hoạch này tại nơi sản xuất của chủ thể; kiểm tra đột xuất khi có phản ánh, khiếu nại hoặc theo yêu cầu của cơ quan có thẩm quyền (Điều 9 Quyết định số 26/2026/QĐ-TTg).')),
      heading('V. TỔ CHỨC THỰC HIỆN'),
      para(`1. ${h.agency.name}: thành lập Đoàn kiểm tra; tổ chức kiểm tra, lập biên bản kiểm tra từng sản phẩm; theo dõi việc khắc phục các khuyến nghị và kiểm tra lại khi hết thời hạn; đề xuất thu hồi Giấy chứng nhận đối với sản phẩm không còn đáp ứng yêu cầu (Điều 8); tổng hợp, báo cáo kết quả.`),
      para('2. Ủy ban nhân dân các xã, phường có sản phẩm: cử cán bộ phối hợp với Đoàn kiểm tra; theo dõi, đôn đốc chủ thể khắc phục các nội dung được khuyến nghị.'),
      para('3. Các chủ thể có sản phẩm được kiểm tra: chuẩn bị hồ sơ, tài liệu, giấy tờ còn hiệu lực và bố trí người đại diện làm việc với Đoàn kiểm tra./.'),
      officeClosing(h)
    ]
  }
}
