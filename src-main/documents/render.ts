import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { renderDocx } from './layout/docx-render'
import type { TextDocument } from './layout/ast'
import { keepHeadings, pageMargins, SIGNER_LINK, TABLE_LAYOUTS, withPageNumbers } from './layout/to-pdfmake'
import { recordSignerBlocks } from './signer-blocks'

/**
 * Turns definitions into bytes. Runs inside the render worker (pdfmake blocks its thread for seconds); pdfmake is a
 * per-process singleton, so it is configured once per worker: Tinos from resources/fonts, no URL access, local
 * access limited to the four font files.
 */
export const TINOS_FILES = {
  normal: 'Tinos_400Regular.ttf',
  bold: 'Tinos_700Bold.ttf',
  italics: 'Tinos_400Regular_Italic.ttf',
  bolditalics: 'Tinos_700Bold_Italic.ttf'
} as const

let configuredFor: string | null = null
let marginsPatched = false

interface PdfmakeContext {
  pages: Array<{ pageSize: { orientation: string } }>
  page: number
}
type AddPage = (this: PdfmakeContext, pageSize: { orientation: string }, pageMargin: unknown, custom?: unknown) => unknown

/**
 * pdfmake keeps the first page's margins when a page break turns the orientation (the decision's landscape annex),
 * while NĐ 30's margins turn with the page. Its page context gets the margins of the new orientation on such a break.
 * Hazard: this reaches into pdfmake 0.3's DocumentContext (pinned in package.json); the layout checker test fails if
 * a new version lays landscape pages out differently.
 */
function turnMarginsWithPage(): void {
  if (marginsPatched) return
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ctx = (require('pdfmake/js/DocumentContext') as { default: { prototype: { addPage: AddPage } } }).default.prototype
  const addPage = ctx.addPage
  ctx.addPage = function (this: PdfmakeContext, pageSize, pageMargin, custom) {
    const previous = this.pages[this.page]?.pageSize.orientation
    if (pageMargin === null && previous !== undefined && previous !== pageSize.orientation) {
      const [left, top, right, bottom] = pageMargins(pageSize.orientation === 'landscape')
      return addPage.call(this, pageSize, { left, top, right, bottom }, custom)
    }
    return addPage.call(this, pageSize, pageMargin, custom)
  }
  marginsPatched = true
}

export function configurePdfmake(fontsDir: string): void {
  if (configuredFor === fontsDir) return
  const files = Object.fromEntries(Object.entries(TINOS_FILES).map(([k, f]) => [k, join(fontsDir, f)])) as Record<keyof typeof TINOS_FILES, string>
  const allowed = new Set(Object.values(files))
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p))
  pdfmake.setFonts({ Tinos: files })
  pdfmake.setTableLayouts(TABLE_LAYOUTS)
  turnMarginsWithPage()
  configuredFor = fontsDir
}

/** A fixed producer and creation date (the document's own date): the same definition always gives the same bytes. */
export function fixedInfo(date: string): { creationDate: Date; producer: string; creator: string } {
  return { creationDate: new Date(`${date}T00:00:00Z`), producer: 'OCOP Council', creator: 'OCOP Council' }
}

/**
 * Renders a definition as PDF 1.7 (ISO 32000-1, the base of PAdES; pdfmake's default is 1.3). When the document has
 * signer blocks, their positions are recorded for the signing service (signer-blocks.ts).
 */
export async function renderPdf(definition: TDocumentDefinitions, date: string, pageNumbers = true): Promise<Buffer> {
  const info = fixedInfo(date)
  const dd = { ...keepHeadings(pageNumbers ? withPageNumbers(definition) : definition), info: { ...definition.info, ...info }, version: '1.7' }
  const bytes = await pdfmake.createPdf(dd as TDocumentDefinitions).getBuffer()
  if (bytes.indexOf(SIGNER_LINK) < 0) return bytes
  const doc = await PDFDocument.load(bytes, { updateMetadata: false })
  recordSignerBlocks(doc, info.creationDate)
  return Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }))
}

export async function renderDocxBytes(text: TextDocument): Promise<Buffer> {
  return renderDocx(text)
}

const SUBSET = /^[A-Z]{6}\+(.+)$/
const FONT_NAME_KEYS = [PDFName.of('BaseFont'), PDFName.of('FontName')]

/** Six capital letters, the subset tag of the part's n-th subset: unique in the pack, the same on every run. */
function subsetTag(part: number, n: number): string {
  let v = part * 26 * 26 + n
  let tag = ''
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (v % 26)) + tag
    v = Math.floor(v / 26)
  }
  return tag
}

/**
 * pdfkit derives a subset's tag from the font's place in its document (BZZZZZ+Tinos-Regular, CZZZZZ+Tinos-Bold …),
 * so every chunk names its different subsets alike; printers and PostScript converters that key fonts by name
 * could then take glyphs from the wrong subset. Each part's subsets get their own tag before the pages are copied.
 */
function retagSubsets(src: PDFDocument, part: number): void {
  const tags = new Map<string, string>()
  for (const [, obj] of src.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict)) continue
    for (const key of FONT_NAME_KEYS) {
      const name = obj.get(key)
      if (!(name instanceof PDFName)) continue
      const text = name.decodeText()
      const m = SUBSET.exec(text)
      if (!m) continue
      let tag = tags.get(text)
      if (tag === undefined) {
        tag = subsetTag(part, tags.size)
        tags.set(text, tag)
      }
      obj.set(key, PDFName.of(`${tag}+${m[1]}`))
    }
  }
}

/** Joins rendered chunks into one PDF; each chunk keeps its own font subsets, each under its own name. */
export async function mergePdfs(parts: readonly Uint8Array[], title: string, date: string): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false })
  for (const [i, part] of parts.entries()) {
    const src = await PDFDocument.load(part, { updateMetadata: false })
    retagSubsets(src, i)
    const pages = await out.copyPages(src, src.getPageIndices())
    for (const p of pages) out.addPage(p)
  }
  const info = fixedInfo(date)
  out.setTitle(title)
  out.setProducer(info.producer)
  out.setCreator(info.creator)
  out.setCreationDate(info.creationDate)
  out.setModificationDate(info.creationDate)
  return out.save({ useObjectStreams: true })
}
