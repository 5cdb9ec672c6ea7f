import { readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import pdfmake from 'pdfmake'
import type { TDocumentDefinitions } from 'pdfmake/interfaces'

/** NĐ 30 Phụ lục I: signing metadata in Times New Roman 10 pt, black; Tinos has the same metrics. */
export const BLOCK_FONT_SIZE = 10
export const BLOCK_WIDTH = 200
const FONT = 'TinosSignature'
const loaded = new Set<string>()

export interface BlockText {
  signerName: string
  organisation: string
  /** ISO 8601 with +07:00. */
  signedAt: string
}

export function blockLines(t: BlockText): string[] {
  return [`Ký bởi: ${t.signerName}`, `Cơ quan: ${t.organisation}`, `Thời gian ký: ${t.signedAt}`].map((s) => s.normalize('NFC'))
}

/** Fonts go through pdfmake's virtual file system, so the shared instance needs no wider local-file access. */
function ensureFonts(fontsDir: string): void {
  const dir = resolve(fontsDir)
  if (loaded.has(dir)) return
  const vfs = (pdfmake as unknown as { virtualfs: { writeFileSync(name: string, data: Buffer): void } }).virtualfs
  const file = (name: string): string => {
    const key = `signing/${name}`
    vfs.writeFileSync(key, readFileSync(join(dir, name)))
    return key
  }
  pdfmake.addFonts({
    [FONT]: {
      normal: file('Tinos_400Regular.ttf'),
      bold: file('Tinos_700Bold.ttf'),
      italics: file('Tinos_400Regular_Italic.ttf'),
      bolditalics: file('Tinos_700Bold_Italic.ttf')
    }
  })
  const policies = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown }
  if (policies.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false)
  if (policies.localAccessPolicy === undefined) pdfmake.setLocalAccessPolicy((p) => resolve(p).startsWith(dir + sep))
  loaded.add(dir)
}

/**
 * The visible signature block as a one-page PDF exactly as tall as its text, to be placed on the signed page as a
 * form XObject. Text only: the app never draws a seal or a handwritten signature (DOMAIN.md §7.3).
 */
export async function renderBlock(t: BlockText, fontsDir: string, width = BLOCK_WIDTH): Promise<Buffer> {
  ensureFonts(fontsDir)
  const def: TDocumentDefinitions = {
    pageSize: { width, height: 'auto' },
    pageMargins: [4, 3, 4, 3],
    defaultStyle: { font: FONT, fontSize: BLOCK_FONT_SIZE, color: '#000000', lineHeight: 1.1 },
    content: blockLines(t).map((text) => ({ text })),
    info: { title: 'Chữ ký số', producer: 'OCOP Council' }
  }
  return pdfmake.createPdf(def).getBuffer()
}
