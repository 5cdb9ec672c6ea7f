import { formatScore } from '../domain/star-band'
import { candidates5, criteriaSetOf, draftMark, headerOf, memberOf, optionLabel, productOf, recognised } from './context'
import { auditHeadLine, para, run, type Block, type TextDocument } from './layout/ast'
import { vnDateWords } from './layout/decree30'
import type { DocProduct, DocumentInput } from './model'
import { countByStars, previousText, resultsTable } from './results'
import { keepNumbers, sentence } from './wording'

/**
 * Biên bản họp Hội đồng, Decree 30 Mẫu 1.9 (DOMAIN.md §6.4): time and place, attendance and quorum, chair and
 * secretary, recusals with reasons, the evaluation of each product, conclusions, end time, THƯ KÝ left / CHỦ TỌA right.
 */
const time = (hhmm: string) => {
  const [h, m] = hhmm.split(':')
  return `${h} giờ ${m} phút`
}

/** What the council concludes about one product, worded by its outcome (QĐ 26/2026 Điều 4.1: the province recognises 3★–4★; 5★ is proposed). */
export function outcomeSentence(p: DocProduct): string {
  switch (p.outcome) {
    case 'recognised-by-province':
      return `đạt ${p.stars} sao, đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận và cấp Giấy chứng nhận`
    case 'proposed-5-star':
      return 'đạt từ 90 điểm trở lên, đề nghị phê duyệt kết quả và đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao'
    case 'none':
      return `đạt ${p.stars ?? 0} sao, chưa đủ điều kiện công nhận sản phẩm OCOP`
    case 'disqualified':
      return 'bị loại theo điều kiện loại của Bộ tiêu chí'
    case 'evaluation-stopped':
      return 'dừng đánh giá theo điều kiện của Bộ tiêu chí'
    default:
      return 'chưa có kết quả'
  }
}

/** The generated default of "Kết luận:" from the results, used while the secretary has not written one. */
export function defaultConclusions(input: DocumentInput): string[] {
  const rec = recognised(input)
  const five = candidates5(input)
  const out: string[] = [`Hội đồng thống nhất kết quả đánh giá, phân hạng ${String(input.products.length).padStart(2, '0')} sản phẩm như Bảng tổng hợp kết quả nêu trên`]
  if (rec.length > 0) out.push(`Đề nghị Chủ tịch Ủy ban nhân dân tỉnh công nhận và cấp Giấy chứng nhận cho ${String(rec.length).padStart(2, '0')} sản phẩm (${countByStars(rec)})`)
  if (five.length > 0) out.push(`Đề nghị phê duyệt kết quả ${String(five.length).padStart(2, '0')} sản phẩm đạt từ 90 điểm trở lên, đề xuất Bộ Nông nghiệp và Môi trường đánh giá, công nhận 5 sao`)
  const rest = input.products.length - rec.length - five.length
  if (rest > 0) out.push(`${String(rest).padStart(2, '0')} sản phẩm chưa đủ điều kiện công nhận; chủ thể tiếp tục hoàn thiện để tham gia đánh giá ở đợt sau`)
  out.push(`Giao Thư ký Hội đồng hoàn thiện Biên bản, Báo cáo kết quả gửi ${input.province.agency.name} tham mưu trình Chủ tịch Ủy ban nhân dân tỉnh`)
  return out
}

function productParagraph(input: DocumentInput, p: DocProduct, i: number): Block[] {
  const set = criteriaSetOf(input, p)
  const counted = p.sheets.filter((s) => s.round === p.countingRound && s.counted).length
  const rounds = p.rounds > 1 ? `Hội đồng chấm ${String(p.rounds).padStart(2, '0')} vòng (chênh lệch điểm giữa các thành viên ở vòng trước vượt mức Quy chế cho phép), kết quả tính theo vòng ${p.countingRound}` : 'Hội đồng chấm 01 vòng'
  const result = p.mean === null ? 'chưa đủ điều kiện tính điểm' : `điểm trung bình ${formatScore(p.mean)} điểm, chênh lệch cao nhất - thấp nhất ${p.spread} điểm; kết quả: ${outcomeSentence(p)}`
  const blocks: Block[] = [
    {
      kind: 'para',
      runs: [run(`${i + 1}. Sản phẩm "${p.name}"`, { bold: true }), run(` (mã số ${p.code || 'chưa cấp'}; chủ thể: ${p.producer}; Bộ tiêu chí số ${String(set.no).padStart(2, '0')}: ${set.name}). ${rounds}; số phiếu hợp lệ: ${counted}; ${result}.`)]
    }
  ]
  const previous = previousText(p)
  if (previous) blocks.push(para(`Kết quả đánh giá trước: ${previous}.`))
  for (const a of p.agreedOptions) blocks.push(para(`Hội đồng thống nhất phương án tiêu chí ${optionLabel(set, a.optionId)}. Lý do: ${sentence(a.reason)}`))
  // Members' written comments on their sheets of the counted round (one per member, as written).
  const comments = p.sheets.filter((x) => x.round === p.countingRound && x.comment.trim() !== '')
  if (comments.length > 0) {
    blocks.push(para('Ý kiến nhận xét của thành viên:'))
    for (const c of comments) blocks.push(para(`- ${memberOf(input, c.memberId).name}: ${sentence(c.comment)}`))
  }
  if (p.unmetMinimums.length > 0)
    blocks.push(para(`Yêu cầu tối thiểu chưa đạt: ${p.unmetMinimums.map((u) => `tiêu chí ${u.criterionCode} ${u.criterionText} (mức ${u.level} sao, cần ít nhất ${u.requiredPoints} điểm)`).join('; ')}.`))
  return blocks
}

/** " (lý do: …; ủy quyền/ý kiến bằng văn bản: …)" after an absent member, from the roll-call; empty when neither. */
function absenceNote(m: DocumentInput['session']['members'][number]): string {
  const clause = (s: string) => s.replace(/[.\s]+$/u, '').replace(/^\p{Lu}/u, (c) => c.toLocaleLowerCase('vi'))
  const parts = [m.absenceReason ? `lý do: ${clause(m.absenceReason)}` : '', m.proxyNote ? `ủy quyền/ý kiến bằng văn bản: ${clause(m.proxyNote)}` : ''].filter(Boolean)
  return parts.length > 0 ? ` (${parts.join('; ')})` : ''
}

export function minutesDocument(input: DocumentInput): TextDocument {
  const s = input.session
  const present = s.members.filter((m) => m.present)
  const absent = s.members.filter((m) => !m.present)
  const chair = s.members.find((m) => m.id === s.chairId)
  const secretary = s.members.find((m) => m.id === s.secretaryId)
  const who = (id: string) => s.members.find((m) => m.id === id)?.name ?? id
  const blocks: Block[] = [
    // Mẫu 1.9 has no place-and-date line in the heading: the date is in "Thời gian bắt đầu".
    ...draftMark(input.minutes),
    { ...headerOf(input.province.council, 'BB', input.minutes, ''), placeDate: null },
    { kind: 'title', type: 'BIÊN BẢN', subject: [`Họp Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh ${input.province.provinceName}`, s.batch] },
    para(`Thời gian bắt đầu: ${time(s.startTime)}, ${vnDateWords(s.date)}.`),
    para(`Địa điểm: ${s.place}.`),
    para('Thành phần tham dự:'),
    ...present.map((m, i) => para(`${i + 1}. ${[m.name, m.position].filter(Boolean).join(', ')} - ${m.role} Hội đồng;`, { indent: true })),
    ...(absent.length > 0 ? [para(`Vắng mặt: ${absent.map((m) => `${m.name}, ${m.role} Hội đồng${absenceNote(m)}`).join('; ')}.`)] : []),
    ...(s.guests.length > 0 ? [para(`Khách mời: ${s.guests.join('; ')}.`)] : []),
    para(`Chủ trì (chủ tọa): ${chair ? `${chair.name}, ${chair.role} Hội đồng` : ''}.`),
    para(`Thư ký (người ghi biên bản): ${secretary ? [secretary.name, secretary.position].filter(Boolean).join(', ') : ''}.`),
    para(`Số lượng thành viên: ${s.quorum.text}.`),
    { kind: 'para', runs: [run('Nội dung cuộc họp:', { bold: true })] },
    para(`Hội đồng nghe Tổ tư vấn báo cáo kết quả thẩm định hồ sơ, khảo sát thực tế; các thành viên thảo luận, chấm điểm độc lập trên phiếu đánh giá theo ${keepNumbers('Quyết định số 26/2026/QĐ-TTg')} và Quy chế hoạt động của Hội đồng đối với ${String(input.products.length).padStart(2, '0')} sản phẩm.`),
    ...(s.recusals.length > 0
      ? [
          para('Thành viên không tham gia chấm điểm:'),
          ...s.recusals.map((r) => para(`- ${who(r.memberId)} không chấm sản phẩm "${productOf(input, r.productId).name}". Lý do: ${sentence(r.reason)}`))
        ]
      : []),
    { kind: 'para', runs: [run('Kết quả đánh giá từng sản phẩm:', { bold: true })] },
    ...input.products.flatMap((p, i) => productParagraph(input, p, i)),
    para('Tổng hợp kết quả (chi tiết tại Bảng tổng hợp điểm kèm theo):', { indent: true }),
    resultsTable(input, input.products),
    { kind: 'para', runs: [run('Kết luận:', { bold: true })] },
    ...(s.conclusions.length > 0 ? s.conclusions : defaultConclusions(input)).map((c) => para(`- ${sentence(c)}`)),
    para(`Cuộc họp kết thúc ${s.endTime ? `vào ${time(s.endTime)} ` : ''}cùng ngày, nội dung cuộc họp đã được các thành viên dự họp thông qua và cùng ký vào biên bản./.`),
    { kind: 'signPair', left: { heads: ['THƯ KÝ'], name: secretary?.name ?? '', hint: '(Ký, ghi rõ họ tên)' }, right: { heads: ['CHỦ TỌA'], name: chair?.name ?? '', hint: '(Ký, ghi rõ họ tên)' } },
    ...auditHeadLine(s.auditHead)
  ]
  return { title: 'Biên bản họp Hội đồng', landscape: false, blocks }
}
