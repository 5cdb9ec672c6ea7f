import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, type PDFPage } from 'pdf-lib'
import { SIGN_SPACE } from './layout/decree30'
import { SIGNER_LINK } from './layout/to-pdfmake'

/**
 * Where each signer's block landed. The renderer marks every signer's name with a link (to-pdfmake.ts `signature`);
 * after rendering, the links are removed and each page that holds a signer block records it in its /PieceInfo (the
 * PDF's place for an application's private data, ISO 32000-1 §14.5), as [slot x1 y1 x2 y2]: the space left for
 * signing between the signer's title and name. The signing service reads it back to draw the visible signature
 * there. Slots count from 1 in reading order: THƯ KÝ 1 and CHỦ TỌA 2 in the minutes.
 */
const APP = 'OCOPCouncil'

export interface SignerBlock {
  slot: number
  /** 1-based page number. */
  page: number
  /** The signing space in PDF points: lower-left and upper-right corners. */
  rect: [number, number, number, number]
}

function linkUri(annot: PDFDict): string | null {
  if (annot.lookupMaybe(PDFName.of('Subtype'), PDFName) !== PDFName.of('Link')) return null
  const action = annot.lookupMaybe(PDFName.of('A'), PDFDict)
  const uri = action?.lookup(PDFName.of('URI'))
  return uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : null
}

const numbers = (a: PDFArray): number[] => a.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : 0))

/** Turns the signer links of a freshly rendered PDF into /PieceInfo records; false when there were none. */
export function recordSignerBlocks(doc: PDFDocument, date: Date): boolean {
  let found = false
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray)
    if (!annots) continue
    const names = new Map<number, [number, number, number, number]>()
    const keep: unknown[] = []
    for (let i = 0; i < annots.size(); i++) {
      const ref = annots.get(i)
      const annot = annots.lookupMaybe(i, PDFDict)
      const uri = annot ? linkUri(annot) : null
      if (!annot || !uri?.startsWith(SIGNER_LINK)) {
        keep.push(ref)
        continue
      }
      // One link per word of the name: the union is the name's box.
      const slot = Number(uri.slice(SIGNER_LINK.length))
      const [x1, y1, x2, y2] = numbers(annot.lookup(PDFName.of('Rect'), PDFArray))
      const prev = names.get(slot)
      names.set(slot, prev ? [Math.min(prev[0], x1!), Math.min(prev[1], y1!), Math.max(prev[2], x2!), Math.max(prev[3], y2!)] : [x1!, y1!, x2!, y2!])
    }
    if (names.size === 0) continue
    found = true
    if (keep.length === 0) page.node.delete(PDFName.of('Annots'))
    else page.node.set(PDFName.of('Annots'), doc.context.obj(keep as never[]))
    const blocks = [...names].sort((a, b) => a[0] - b[0]).map(([slot, [x1, , x2, y2]]) => {
      const centre = (x1 + x2) / 2
      return [slot, centre - 120, y2 + 2, centre + 120, y2 + SIGN_SPACE - 2].map((n) => Math.round(n * 100) / 100)
    })
    page.node.set(
      PDFName.of('PieceInfo'),
      doc.context.obj({ [APP]: { LastModified: PDFString.fromDate(date), Private: { SignerBlocks: blocks } } })
    )
  }
  return found
}

/** The signer blocks recorded in a PDF, in page and slot order. */
export function readSignerBlocks(pages: readonly PDFPage[]): SignerBlock[] {
  const out: SignerBlock[] = []
  pages.forEach((page, i) => {
    const info = page.node.lookupMaybe(PDFName.of('PieceInfo'), PDFDict)?.lookupMaybe(PDFName.of(APP), PDFDict)
    const list = info?.lookupMaybe(PDFName.of('Private'), PDFDict)?.lookupMaybe(PDFName.of('SignerBlocks'), PDFArray)
    if (!list) return
    for (let k = 0; k < list.size(); k++) {
      const [slot, x1, y1, x2, y2] = numbers(list.lookup(k, PDFArray))
      out.push({ slot: slot!, page: i + 1, rect: [x1!, y1!, x2!, y2!] })
    }
  })
  return out
}
