import { draftMark, headerOf } from '../context'
import { para, run, type Block } from '../layout/ast'
import { recipientLines, shortDate, signatureLines } from '../layout/decree30'
import { keepNumbers } from '../wording'
import type { CountLine, OfficeHead } from './model'

/** Pieces shared by the office's documents (issue 14): letterhead, headings, counts, the closing of the advising body. */
export function officeTop(head: OfficeHead, abbr: string): Block[] {
  return [...draftMark(head.issue), headerOf(head.agency, abbr, head.issue, head.placeName)]
}

/** "I. MỤC ĐÍCH, YÊU CẦU": a section heading, bold, not indented. */
export const heading = (text: string): Block => ({ kind: 'para', runs: [run(text, { bold: true })], indent: false, keepWithNext: true })

/** "Bảng 1. …", "Danh sách …": a caption stays with its table. */
export const caption = (text: string, italic = true): Block => ({ kind: 'para', runs: [run(text, { italic })], indent: false, keepWithNext: true })

/** Numbers under 10 with a leading zero, as the province's documents print counts ("05 sản phẩm"). */
export const n2 = (n: number): string => String(n).padStart(2, '0')

/** A two-column count table: label and number, with the total as its last row; a sentence when there is no line. */
export function countTable(first: string, lines: readonly CountLine[], total = true): Block {
  if (lines.length === 0) return para('Không có số liệu trong kỳ.')
  const rows = lines.map((l, i) => [String(i + 1), l.label, String(l.count)])
  if (total) rows.push(['', 'Tổng cộng', String(lines.reduce((s, l) => s + l.count, 0))])
  return { kind: 'table', widths: [8, 62, 20], header: ['STT', first, 'Số lượng'], rows, align: ['center', 'left', 'center'], size: 12 }
}

/** "Biên bản kiểm tra số 03/BB-SNNMT ngày 20/5/2027": a cited document, its number from the register. */
export const citeText = (word: string, number: string, date: string): string => keepNumbers(`${word} số ${number} ngày ${shortDate(date)}`)

export function officeClosing(head: OfficeHead): Block {
  return { kind: 'closing', recipients: recipientLines(head.recipients, `VT, ${head.agency.symbol}`), signer: signatureLines(head.agency.signer) }
}
