import { formatScore } from '../domain/star-band'
import { criteriaSetOf, headerOf, scoringMembers } from './context'
import type { Block, TextDocument } from './layout/ast'
import { para } from './layout/ast'
import { vnDateWords } from './layout/decree30'
import type { DocProduct, DocumentInput } from './model'
import { starsWord } from './results'

/**
 * Bảng tổng hợp điểm (DOMAIN.md §6.2, not templated by law): one row per product, one column per scoring member
 * with the total and A/B/C subtotals of the counted round, then mean, spread, rounds, stars and unmet minimums.
 * Landscape, because nine members do not fit a portrait page.
 */
function memberCell(p: DocProduct, memberId: string, recused: boolean): string {
  if (recused) return '—'
  const s = p.sheets.find((x) => x.memberId === memberId && x.round === p.countingRound)
  if (!s) return '—'
  // Word joiners keep "A/B/C" on one line: a subtotal cell never breaks between or inside its numbers.
  return `${s.total}\n${[s.parts.A, s.parts.B, s.parts.C].map((n) => String(n).replace('.', ',')).join('/\u2060')}`
}

function remarks(p: DocProduct, recusals: string[]): string {
  const out: string[] = [...recusals]
  const levels = [...new Set(p.unmetMinimums.map((u) => u.level))].sort()
  for (const l of levels) out.push(`Chưa đạt tối thiểu ${l} sao: ${p.unmetMinimums.filter((u) => u.level === l).map((u) => u.criterionCode).join(', ')}`)
  if (p.rounds > 1) out.push(`Chấm ${p.rounds} vòng, tính vòng ${p.countingRound ?? '—'}`)
  out.push(...p.notes)
  return out.join('; ')
}

export function summaryDocument(input: DocumentInput): TextDocument {
  // Absent members scored nothing: no empty column for them (the minutes name them and their reason).
  const members = scoringMembers(input).filter((m) => m.present)
  const recused = new Set(input.session.recusals.map((r) => `${r.productId}/${r.memberId}`))
  const table: Block = {
    kind: 'table',
    widths: [5, 19, 5, ...members.map(() => 9), 8, 8, 8, 20],
    header: ['STT', 'Tên sản phẩm, chủ thể', 'Bộ TC', ...members.map((_, i) => `TV ${i + 1}`), 'Điểm TB', 'Chênh lệch', 'Hạng sao đề xuất', 'Yêu cầu tối thiểu chưa đạt, ghi chú'],
    rows: input.products.map((p, i) => [
      String(i + 1),
      `${p.name}\n${p.producer}`,
      String(criteriaSetOf(input, p).no).padStart(2, '0'),
      ...members.map((m) => memberCell(p, m.id, recused.has(`${p.id}/${m.id}`))),
      p.mean === null ? '—' : formatScore(p.mean),
      p.spread === null ? '—' : String(p.spread),
      starsWord(p),
      remarks(
        p,
        input.session.recusals.filter((r) => r.productId === p.id).map((r) => `TV ${members.findIndex((m) => m.id === r.memberId) + 1} không chấm: ${r.reason}`)
      )
    ]),
    align: ['center', 'left', 'center', ...members.map(() => 'center' as const), 'center', 'center', 'center', 'left'],
    size: 10
  }
  const legend = members.map((m, i) => `TV ${i + 1}: ${m.name} (${m.role})`).join('; ')
  const chair = members.find((m) => m.id === input.session.chairId) ?? members[0]!
  const secretary = input.session.members.find((m) => m.id === input.session.secretaryId)
  return {
    title: 'Bảng tổng hợp điểm',
    landscape: true,
    blocks: [
      headerOf(input.province.council, null, { number: null, date: input.session.date }, input.province.placeName),
      { kind: 'title', type: 'BẢNG TỔNG HỢP ĐIỂM', subject: [`Đánh giá, phân hạng sản phẩm OCOP tỉnh ${input.province.provinceName} ${input.session.batch}`, `(Phiên họp ${vnDateWords(input.session.date)})`] },
      table,
      para(`Ô điểm thành viên: tổng điểm ở vòng được tính, dưới là điểm phần A/B/C. ${legend}.`, { indent: false }),
      { kind: 'signPair', left: { heads: ['THƯ KÝ HỘI ĐỒNG'], name: secretary?.name ?? '', hint: '(Ký, ghi rõ họ tên)' }, right: { heads: ['CHỦ TỊCH HỘI ĐỒNG'], name: chair.name, hint: '(Ký, ghi rõ họ tên)' } }
    ]
  }
}
