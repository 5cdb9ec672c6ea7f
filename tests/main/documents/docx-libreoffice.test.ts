import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { buildDocument } from '../../../src-main/documents/build'
import type { Block, TextDocument } from '../../../src-main/documents/layout/ast'
import { QUOC_HIEU, TIEU_NGU } from '../../../src-main/documents/layout/decree30'
import { renderDocx } from '../../../src-main/documents/layout/docx-render'
import { configurePdfmake, renderPdf } from '../../../src-main/documents/render'
import { tempDir } from '../../utils/core'
import { pdfPages, writePdf, type Page } from '../../utils/pdf-layout'
import { FONTS, fixture } from './helpers'
import { textDocumentToPdfmake } from '../../../src-main/documents/layout/to-pdfmake'
import { adviceLetterDocument } from '../../../src-main/documents/office/advice-letter'
import { inspectionPlanDocument } from '../../../src-main/documents/office/inspection-plan'
import { inspectionRecordDocument } from '../../../src-main/documents/office/inspection-record'
import { programmeReportDocument } from '../../../src-main/documents/office/programme-report'
import { adviceInput, planInput, recordInput, reportInput } from './office-fixtures'

/**
 * Issue 10 item 7: the DOCX opens in LibreOffice looking like the PDF. Every editable kind is converted to PDF by
 * LibreOffice headless (one soffice run for all, with a private profile so parallel runs do not collide) and measured:
 * each letterhead element on at most two lines (quốc hiệu and tiêu ngữ on one), the trích yếu on as many lines as in
 * our PDF (± 1), table header words whole, the page count within one of our PDF's.
 */
const SESSION_KINDS = ['minutes', 'report', 'submission', 'decision', 'approval'] as const
/** The office's documents of issue 14 (documents/office/), built from their fixtures. */
const OFFICE: Record<string, () => TextDocument> = {
  'inspection-plan': () => inspectionPlanDocument(planInput()),
  'inspection-record': () => inspectionRecordDocument(recordInput()),
  'advice-letter': () => adviceLetterDocument(adviceInput()),
  'periodic-report': () => programmeReportDocument(reportInput())
}
const KINDS = [...SESSION_KINDS, ...Object.keys(OFFICE)]
const dir = tempDir('ocop-docx-lo-')
const input = fixture()
const texts = new Map<string, TextDocument>()
const ours = new Map<string, Page[]>()
const theirs = new Map<string, Page[]>()

/** Lines (distinct baselines) taken by the words of `text`, found in order on the page; null when absent. */
function linesOf(page: Page, text: string): number | null {
  const words = text.split(/\s+/).filter(Boolean)
  for (let i = 0; i < page.words.length; i++) {
    let k = 0
    const hit: number[] = []
    for (let j = i; j < page.words.length && k < words.length; j++) {
      if (page.words[j]!.text !== words[k]) {
        if (k === 0) break
        continue
      }
      hit.push(page.words[j]!.y2)
      k++
      if (j - i > words.length * 3) break
    }
    if (k === words.length) return hit.filter((y, n) => hit.findIndex((z) => Math.abs(z - y) < 3) === n).length
  }
  return null
}

const headerOf = (doc: TextDocument) => doc.blocks.find((b): b is Extract<Block, { kind: 'header' }> => b.kind === 'header')!
const titleOf = (doc: TextDocument) => doc.blocks.find((b): b is Extract<Block, { kind: 'title' }> => b.kind === 'title')!

beforeAll(async () => {
  configurePdfmake(FONTS)
  const files: string[] = []
  for (const kind of KINDS) {
    const office = OFFICE[kind]
    const built = office ? { text: office(), pdf: null, date: '2027-07-05' } : buildDocument(kind as (typeof SESSION_KINDS)[number], input)
    const text = built.text!
    texts.set(kind, text)
    ours.set(kind, pdfPages(writePdf(dir, `ours-${kind}`, await renderPdf(built.pdf ?? textDocumentToPdfmake(text), built.date))))
    const file = join(dir, `${kind}.docx`)
    execFileSync('sh', ['-c', `cat > '${file}'`], { input: await renderDocx(text) })
    files.push(file)
  }
  const out = join(dir, 'lo')
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files], { stdio: 'ignore', timeout: 120_000 })
  for (const kind of KINDS) {
    theirs.set(kind, pdfPages(join(out, `${kind}.pdf`)))
    if (process.env.LAYOUT_PNG_DIR) execFileSync('pdftoppm', ['-png', '-r', '60', join(out, `${kind}.pdf`), join(process.env.LAYOUT_PNG_DIR, `lo-${kind}`)])
  }
}, 180_000)

describe('DOCX through LibreOffice', () => {
  it.each(KINDS)('%s: letterhead, trích yếu, table headers and page count hold', async (kind) => {
    const doc = texts.get(kind)!
    const lo = theirs.get(kind)!
    const first = lo[0]!
    expect(linesOf(first, QUOC_HIEU)).toBe(1)
    expect(linesOf(first, TIEU_NGU)).toBe(1)
    const h = headerOf(doc)
    if (h.parent) expect(linesOf(first, h.parent)).toBeLessThanOrEqual(2)
    expect(linesOf(first, h.issuer)).toBeLessThanOrEqual(2)
    // The trích yếu keeps its width: as many lines as in our PDF, give or take one (a công văn's "V/v" is in its header).
    const subject = h.subject ?? titleOf(doc).subject.join(' ')
    const mine = linesOf(ours.get(kind)![0]!, subject)!
    expect(linesOf(first, subject)).not.toBeNull()
    expect(Math.abs(linesOf(first, subject)! - mine)).toBeLessThanOrEqual(1)
    // Table header words are never cut inside a word.
    const words = new Set(lo.flatMap((p) => p.words.map((w) => w.text)))
    for (const b of doc.blocks) if (b.kind === 'table') for (const w of b.header.flatMap((x) => x.split(/\s+/))) expect(words).toContain(w)
    expect(Math.abs(lo.length - ours.get(kind)!.length)).toBeLessThanOrEqual(1)
  })

  it('names Times New Roman, never Tinos, and LibreOffice embeds its Times-metric font', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(dir, 'decision.docx')))
    const xml = await zip.file('word/document.xml')!.async('string')
    expect(xml).toContain('w:rFonts w:ascii="Times New Roman"')
    expect(xml).not.toContain('Tinos')
    const fonts = execFileSync('pdffonts', [join(dir, 'lo', 'decision.pdf')], { encoding: 'utf8' })
    expect(fonts).toMatch(/LiberationSerif|TimesNewRoman/)
    // Rules are borders of small fixed tables, never paragraph indents.
    expect(xml).not.toMatch(/<w:ind w:left="\d+" w:right="\d+"/)
  })
})
