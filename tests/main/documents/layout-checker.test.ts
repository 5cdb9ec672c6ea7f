import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDocument } from '../../../src-main/documents/build'
import { recognised } from '../../../src-main/documents/context'
import { lamDongFixture } from '../../../src-main/documents/fixtures/lam-dong'
import { MARGIN_RANGES } from '../../../src-main/documents/layout/decree30'
import type { DocumentInput, DocumentKind } from '../../../src-main/documents/model'
import { configurePdfmake, renderPdf } from '../../../src-main/documents/render'
import { noticeDocument } from '../../../src-main/documents/notice'
import { renderSheetsPdf } from '../../../src-main/documents/sheet-pdfkit'
import { summaryDocument } from '../../../src-main/documents/summary'
import type { TextDocument } from '../../../src-main/documents/layout/ast'
import { textDocumentToPdfmake } from '../../../src-main/documents/layout/to-pdfmake'
import { adviceLetterDocument } from '../../../src-main/documents/office/advice-letter'
import { inspectionPlanDocument } from '../../../src-main/documents/office/inspection-plan'
import { inspectionRecordDocument } from '../../../src-main/documents/office/inspection-record'
import { programmeReportDocument } from '../../../src-main/documents/office/programme-report'
import { adviceInput, planInput, recordInput, reportInput } from './office-fixtures'
import { tempDir } from '../../utils/core'
import { leftmostText, marginProblems, pdfPages, pdfVersion, signatureOnlyPages, signatureStrings, unembeddedFonts, writePdf } from '../../utils/pdf-layout'
import { FONTS, fixture, getSet } from './helpers'

/**
 * The layout checker (issue 10 items 4 and 6): every document kind rendered to PDF and measured with poppler — text
 * within NĐ 30's margins on every page in both orientations, no page holding only a signature block or "Nơi nhận",
 * one page per certificate whatever the product name, PDF 1.7 or later, every font embedded. Run on the fixture
 * session, on long product and producer names, and on a 60-product session (annex, summary, minutes).
 */
const dir = tempDir('ocop-layout-')
const PNG_DIR = process.env.LAYOUT_PNG_DIR

const LONG_NAME = 'Bánh tráng gạo lứt mè đen nướng than hoa truyền thống làng nghề Đức Trọng hảo hạng đặc biệt loại một'
const LONG_PRODUCER = 'Hợp tác xã Nông nghiệp Dịch vụ Tổng hợp Sản xuất Kinh doanh Nông sản Sạch Đức Trọng'

function longNames(): DocumentInput {
  const input = fixture()
  input.products[0]!.name = LONG_NAME
  input.products[0]!.producer = LONG_PRODUCER
  input.products[1]!.name = 'Trà Ô long Bảo Lộc thượng hạng lá non hái tay sao thủ công truyền thống'
  return input
}

interface Rendered {
  file: string
  bytes: Buffer
  signature: string[]
}

async function render(name: string, kind: DocumentKind, input: DocumentInput): Promise<Rendered> {
  let bytes: Buffer
  let signature: string[] = []
  if (kind === 'sheet' || kind === 'sheet-blank') {
    const p = input.products[0]!
    bytes = await renderSheetsPdf(FONTS, input, [{ productId: p.id, memberId: p.sheets[0]!.memberId }], kind === 'sheet' ? 'filled' : 'blank', 'Phiếu')
  } else {
    const built = buildDocument(kind, input)
    bytes = await renderPdf(built.pdf, built.date, kind !== 'certificate')
    // The summary and the notice offer no DOCX, so their text documents come from their builders.
    const text = built.text ?? (kind === 'summary' ? summaryDocument(input) : kind === 'notice' ? noticeDocument(input) : null)
    if (text) signature = signatureStrings(text)
  }
  const file = writePdf(dir, name, bytes)
  if (PNG_DIR) execFileSync('pdftoppm', ['-png', '-r', '60', file, join(PNG_DIR, name)])
  return { file, bytes, signature }
}

/** What every PDF must satisfy. */
function checkCommon(r: Rendered): void {
  expect(pdfVersion(r.bytes)).toBeGreaterThanOrEqual(1.7)
  expect(unembeddedFonts(r.file)).toEqual([])
  const pages = pdfPages(r.file)
  expect(marginProblems(pages)).toEqual([])
  // The text starts at the left margin, not further in: NĐ 30's larger bound holds for documents with body text.
  const left = leftmostText(pages)
  if (left.portrait !== null) expect(left.portrait).toBeLessThanOrEqual(MARGIN_RANGES.portrait.left[1])
  if (r.signature.length > 0) expect(signatureOnlyPages(pages, r.signature)).toEqual([])
}

const KINDS: DocumentKind[] = ['minutes', 'report', 'submission', 'decision', 'approval', 'notice', 'summary', 'certificate', 'sheet', 'sheet-blank']

beforeAll(() => configurePdfmake(FONTS))

describe('layout checker: every kind of the fixture session', () => {
  it.each(KINDS)('%s', async (kind) => {
    const input = fixture()
    const r = await render(kind, kind, input)
    checkCommon(r)
    if (kind !== 'certificate' && !kind.startsWith('sheet')) expect(r.signature.length).toBeGreaterThan(0)
    if (kind === 'summary') {
      // Narrow cells shrink rather than cut a word or a number group: every A/B/C subtotal and header word is whole.
      // Runs that touch on one line are one word as printed (pdftotext splits at the word joiners of the subtotals).
      const words = pdfPages(r.file).flatMap((p) =>
        p.words
          .reduce<Array<{ text: string; x2: number; y1: number }>>((out, w) => {
            const last = out[out.length - 1]
            if (last && Math.abs(last.y1 - w.y1) < 0.5 && Math.abs(last.x2 - w.x1) < 0.5) Object.assign(last, { text: last.text + w.text, x2: w.x2 })
            else out.push({ text: w.text, x2: w.x2, y1: w.y1 })
            return out
          }, [])
          .map((w) => w.text.replace(/\u2060/gu, ''))
      )
      const subtotals = input.products.flatMap((p) => p.sheets.filter((x) => x.round === p.countingRound).map((x) => `${x.parts.A}/${x.parts.B}/${x.parts.C}`))
      expect(subtotals.length).toBeGreaterThan(10)
      for (const t of subtotals) expect(words).toContain(t)
      for (const h of ['Chênh', 'lệch', 'STT']) expect(words).toContain(h)
    }
    if (kind === 'certificate') expect(pdfPages(r.file)).toHaveLength(recognised(input).length)
  })
})

describe('layout checker: long product and producer names', () => {
  it.each(['certificate', 'notice', 'decision', 'minutes', 'sheet'] as const)('%s', async (kind) => {
    const input = longNames()
    const r = await render(`long-${kind}`, kind, input)
    checkCommon(r)
    if (kind === 'certificate') {
      // One page per certificate, and the long name is on it in full.
      const pages = pdfPages(r.file)
      expect(pages).toHaveLength(recognised(input).length)
      const first = pages.find((p) => p.words.some((w) => w.text === 'TRUYỀN'))!
      expect(first.words.map((w) => w.text).join(' ')).toContain('LOẠI MỘT')
      expect(first.words.map((w) => w.text).join(' ')).toContain('Số: 01/GCN-OCOP')
    }
  })
})

describe('layout checker: a 60-product session', () => {
  const big = lamDongFixture(getSet, { products: 60 })
  it.each(['decision', 'summary', 'minutes', 'certificate'] as const)('%s', async (kind) => {
    const r = await render(`big-${kind}`, kind, big)
    checkCommon(r)
    const pages = pdfPages(r.file)
    if (kind === 'certificate') expect(pages).toHaveLength(recognised(big).length)
    if (kind === 'decision') {
      // The annex is landscape from its first page; the signature stays on the portrait body page.
      const annexFirst = pages.findIndex((p) => p.width > p.height)
      expect(annexFirst).toBeGreaterThan(0)
      expect(pages.slice(0, annexFirst).every((p) => p.width < p.height)).toBe(true)
      expect(pages.slice(annexFirst).every((p) => p.width > p.height)).toBe(true)
      expect(pages[annexFirst]!.words.slice(0, 4).map((w) => w.text).join(' ')).toContain('Phụ lục')
    }
    if (kind === 'summary' || kind === 'minutes') {
      // A table's header row is never the last line of a page.
      for (const p of pages) {
        const lastLine = Math.max(...p.words.map((w) => w.y2))
        const bottomWords = p.words.filter((w) => w.y2 > lastLine - 14).map((w) => w.text)
        expect(bottomWords.join(' ')).not.toMatch(/^STT\b/)
      }
    }
  }, 120_000)
})

/** The office's documents of issue 14 (documents/office/), issued and as drafts, with long lists. */
const OFFICE: Array<[string, () => TextDocument]> = [
  ['inspection-plan', () => inspectionPlanDocument(planInput())],
  ['inspection-plan-draft', () => inspectionPlanDocument(planInput(6, null))],
  ['inspection-plan-long', () => inspectionPlanDocument(planInput(45))],
  ['inspection-record', () => inspectionRecordDocument(recordInput())],
  ['inspection-record-draft', () => inspectionRecordDocument(recordInput(null))],
  ['advice-letter', () => adviceLetterDocument(adviceInput())],
  ['advice-letter-draft', () => adviceLetterDocument(adviceInput(null))],
  ['periodic-report', () => programmeReportDocument(reportInput())],
  ['periodic-report-long', () => programmeReportDocument(reportInput(5, 70))]
]

describe('layout checker: the office documents (inspection plan and record, letter, periodic report)', () => {
  it.each(OFFICE)('%s', async (name, make) => {
    const text = make()
    const file = writePdf(dir, name, await renderPdf(textDocumentToPdfmake(text), '2027-07-05'))
    if (PNG_DIR) execFileSync('pdftoppm', ['-png', '-r', '60', file, join(PNG_DIR, name)])
    const r = { file, bytes: readFileSync(file), signature: signatureStrings(text) }
    checkCommon(r)
    expect(r.signature.length).toBeGreaterThan(0)
    const pages = pdfPages(file)
    for (const [i, p] of pages.entries()) {
      const lines = [...new Set(p.words.map((w) => Math.round(w.y2)))].sort((a, b) => a - b)
      const last = p.words.filter((w) => Math.round(w.y2) === lines.at(-1)).map((w) => w.text).join(' ')
      // No page ends on a table's header row, a section heading or a table caption.
      expect(last, `${name} page ${i + 1}`).not.toMatch(/^(STT\b|[IVX]+\. [A-ZĐ]|Bảng \d)/u)
    }
    if (name.endsWith('-long')) {
      // A long table goes on over pages with its header row repeated on each.
      expect(pages.length).toBeGreaterThan(2)
      expect(pages.filter((p) => p.words.some((w) => w.text === 'STT')).length).toBeGreaterThan(1)
    }
  }, 60_000)
})

describe('the checker catches what it is for', () => {
  const word = (text: string, x1: number, y1: number, x2 = x1 + 30, y2 = y1 + 14) => ({ text, x1, y1, x2, y2 })
  const portrait = (words: ReturnType<typeof word>[]) => ({ width: 595.28, height: 841.89, words })
  const landscape = (words: ReturnType<typeof word>[]) => ({ width: 841.89, height: 595.28, words })

  it('flags text in the margins, by orientation; the page number in the top margin is allowed', () => {
    expect(marginProblems([portrait([word('2', 290, 26), word('Điều', 86, 60)])])).toEqual([])
    expect(marginProblems([portrait([word('Điều', 72, 60)])])).toEqual([{ page: 1, side: 'left', word: 'Điều', mm: 25.4 }])
    // 25 mm from the left is right for a landscape page (20–25) and wrong for a portrait one; the top is 30 mm.
    expect(marginProblems([landscape([word('STT', 71, 90)])])).toEqual([])
    expect(marginProblems([landscape([word('STT', 71, 60)])])).toEqual([{ page: 1, side: 'top', word: 'STT', mm: 21.2 }])
  })

  it('flags a page whose only text is the signature block or the recipients', () => {
    const sig = ['Nơi nhận:', '- Như Điều 4;', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Hiệp']
    const alone = portrait(['Nơi', 'nhận:', 'KT.', 'CHỦ', 'TỊCH', 'Trần', 'Văn', 'Hiệp'].map((t, i) => word(t, 90 + i * 40, 80)))
    const withBody = portrait([word('thi', 90, 60), word('hành./.', 130, 60), ...alone.words])
    expect(signatureOnlyPages([withBody, alone], sig)).toEqual([2])
  })
})
