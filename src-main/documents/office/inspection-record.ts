import { para, run, type Block, type TextDocument } from '../layout/ast'
import { shortDate, starsText, vnDateWords } from '../layout/decree30'
import { keepNumbers, sentence } from '../wording'
import { caption, heading, officeTop } from './common'
import type { RecordDocInput } from './model'

/**
 * Biên bản kiểm tra sản phẩm OCOP sau công nhận (QĐ 26/2026 Điều 9; NĐ 30 Mẫu 1.9), one per inspection record:
 * time and place, the team and the producer's representative, each commitment checked with its finding and the
 * evidence (file name and the first 12 hex digits of its SHA-256), the conclusion, the signatures of both sides.
 */
export const shortSha = (sha: string): string => sha.slice(0, 12)

export function inspectionRecordDocument(i: RecordDocInput): TextDocument {
  const h = i.head
  const p = i.product
  const conclusion: Block[] =
    i.outcome === 'no-action'
      ? [para('Sản phẩm duy trì các yêu cầu đã được đánh giá, công nhận; không có biện pháp xử lý.')]
      : i.outcome === 'recommendations'
        ? [
            para(`Đoàn kiểm tra khuyến nghị chủ thể khắc phục các nội dung sau: ${sentence(i.recommendation)}`),
            para(`Thời hạn khắc phục: trước ngày ${shortDate(i.deadline!)}. Hết thời hạn, Đoàn kiểm tra tổ chức kiểm tra lại việc khắc phục; chủ thể báo cáo kết quả khắc phục kèm tài liệu chứng minh.`)
          ]
        : [
            ...(i.recommendation ? [para(sentence(i.recommendation))] : []),
            para(keepNumbers(`Sản phẩm không còn đáp ứng yêu cầu; Đoàn kiểm tra đề nghị cấp có thẩm quyền thu hồi Giấy chứng nhận ${p.certificate} theo ${i.revocationGround ?? 'khoản 1 Điều 8'} Quyết định số 26/2026/QĐ-TTg.`))
          ]
  return {
    title: `Biên bản kiểm tra sản phẩm OCOP "${p.name}"`,
    landscape: false,
    blocks: [
      ...officeTop(h, 'BB'),
      { kind: 'title', type: 'BIÊN BẢN', subject: ['Kiểm tra sản phẩm OCOP sau công nhận'] },
      para(
        keepNumbers(
          `Thực hiện ${i.planRef ?? 'nhiệm vụ kiểm tra sau công nhận sản phẩm OCOP (Điều 9 Quyết định số 26/2026/QĐ-TTg)'}${i.followUpRef ? `, kiểm tra lại việc khắc phục theo ${i.followUpRef}` : ''}; hôm nay, ${vnDateWords(i.inspectedOn)}, tại ${i.place}, Đoàn kiểm tra tiến hành ${i.kind.toLocaleLowerCase('vi')} sản phẩm OCOP.`
        )
      ),
      heading('I. THÀNH PHẦN'),
      caption('1. Đoàn kiểm tra:', false),
      ...i.team.map((m) => para(`- ${m}`)),
      caption('2. Đại diện chủ thể:', false),
      para(`- ${i.producer.representative}, đại diện ${i.producer.name}.`),
      heading('II. NỘI DUNG KIỂM TRA'),
      para(`Sản phẩm: ${p.name}${p.code ? ` (mã số ${p.code})` : ''}${p.stars ? `, hạng ${starsText(p.stars)}` : ''}${p.certificate ? `; Giấy chứng nhận số ${p.certificate}${p.expiryDate ? `, hiệu lực đến ngày ${shortDate(p.expiryDate)}` : ''}` : ''}.`),
      para(`Chủ thể: ${i.producer.name}${i.producer.address ? `; địa chỉ: ${i.producer.address}` : ''}.`),
      caption('Kết quả kiểm tra từng nội dung:', false),
      {
        kind: 'table',
        widths: [6, 36, 14, 44],
        header: ['STT', 'Nội dung kiểm tra', 'Kết quả', 'Nhận xét, tài liệu chứng cứ'],
        rows: i.findings.map((f, k) => [
          String(k + 1),
          f.item,
          f.result,
          [f.note, ...f.evidence.map((e) => `Tệp: ${e.name} (SHA-256 ${shortSha(e.sha256)})`)].filter(Boolean).join('\n') || '—'
        ]),
        align: ['center', 'left', 'center', 'left'],
        size: 11
      },
      heading('III. KẾT LUẬN VÀ KIẾN NGHỊ'),
      ...conclusion,
      { kind: 'para', runs: [run('Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản; đã đọc lại cho các thành phần cùng nghe, thống nhất nội dung và ký tên dưới đây./.')] },
      {
        kind: 'signPair',
        left: { heads: ['ĐẠI DIỆN CHỦ THỂ'], name: i.producer.representative, hint: '(Ký, ghi rõ họ tên)' },
        right: { heads: ['TRƯỞNG ĐOÀN KIỂM TRA'], name: i.lead, hint: '(Ký, ghi rõ họ tên)' }
      }
    ]
  }
}
