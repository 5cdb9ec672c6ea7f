import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { renderDocx } from './layout/docx-render'
import type { TextDocument } from './layout/ast'
import { TABLE_LAYOUTS, withPageNumbers } from './layout/to-pdfmake'

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

export function configurePdfmake(fontsDir: string): void {
  if (configuredFor === fontsDir) return
  const files = Object.fromEntries(Object.entries(TINOS_FILES).map(([k, f]) => [k, join(fontsDir, f)])) as Record<keyof typeof TINOS_FILES, string>
  const allowed = new Set(Object.values(files))
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((p) => allowed.has(p))
  pdfmake.setFonts({ Tinos: files })
  pdfmake.setTableLayouts(TABLE_LAYOUTS)
  configuredFor = fontsDir
}

/** A fixed producer and creation date (the document's own date): the same definition always gives the same bytes. */
export function fixedInfo(date: string): { creationDate: Date; producer: string; creator: string } {
  return { creationDate: new Date(`${date}T00:00:00Z`), producer: 'OCOP Council', creator: 'OCOP Council' }
}

export async function renderPdf(definition: TDocumentDefinitions, date: string, pageNumbers = true): Promise<Buffer> {
  const dd = { ...(pageNumbers ? withPageNumbers(definition) : definition), info: { ...definition.info, ...fixedInfo(date) } }
  return pdfmake.createPdf(dd).getBuffer()
}

export async function renderDocxBytes(text: TextDocument): Promise<Buffer> {
  return renderDocx(text)
}

/** Joins rendered chunks into one PDF; each chunk keeps its own font subset. */
export async function mergePdfs(parts: readonly Uint8Array[], title: string, date: string): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false })
  for (const part of parts) {
    const src = await PDFDocument.load(part, { updateMetadata: false })
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
