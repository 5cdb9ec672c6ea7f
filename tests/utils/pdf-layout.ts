import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { MARGIN_RANGES, MM } from '../../src-main/documents/layout/decree30'
import type { Block, TextDocument } from '../../src-main/documents/layout/ast'

/**
 * Reads what a PDF prints, with poppler: the words of each page with their boxes (`pdftotext -bbox`), the header's
 * version and the fonts (`pdffonts`). The layout checker (tests/main/documents/layout-checker.test.ts) judges pages
 * with these, as a reader holding a ruler would.
 */
export interface Word {
  text: string
  x1: number
  y1: number
  x2: number
  y2: number
}
export interface Page {
  width: number
  height: number
  words: Word[]
}

export function writePdf(dir: string, name: string, bytes: Uint8Array): string {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, bytes)
  return file
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')

export function pdfPages(file: string): Page[] {
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
  const pages: Page[] = []
  for (const m of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      text: unescape(w[5]!),
      x1: Number(w[1]),
      y1: Number(w[2]),
      x2: Number(w[3]),
      y2: Number(w[4])
    }))
    pages.push({ width: Number(m[1]), height: Number(m[2]), words })
  }
  return pages
}

export function pdfVersion(bytes: Uint8Array): number {
  const m = /^%PDF-(\d\.\d)/.exec(Buffer.from(bytes.subarray(0, 16)).toString('latin1'))
  return m ? Number(m[1]) : 0
}

/** Fonts that pdffonts reports as not embedded (empty when all are). */
export function unembeddedFonts(file: string): string[] {
  const out = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
  // Columns: name type encoding emb sub uni object ID; "emb" is the third field from the right of "uni".
  return out.filter((l) => {
    const f = l.trim().split(/\s+/)
    return f[f.length - 5] !== 'yes'
  })
}

/** The page number NĐ 30 puts in the top margin: a lone number above the text area, centred. */
function isPageNumber(w: Word, p: Page, topMin: number): boolean {
  return /^\d+$/.test(w.text) && w.y2 <= topMin + 1 && Math.abs((w.x1 + w.x2) / 2 - p.width / 2) < 20
}

export interface MarginProblem {
  page: number
  side: 'top' | 'bottom' | 'left' | 'right'
  word: string
  mm: number
}

/**
 * Text that comes closer to an edge than NĐ 30's smallest margin for the page's orientation (portrait: top/bottom
 * 20, left 30, right 15 mm; landscape turned: top 30, bottom 15, left/right 20 mm). 0.3 mm of tolerance for glyph
 * boxes.
 */
export function marginProblems(pages: Page[]): MarginProblem[] {
  const out: MarginProblem[] = []
  const tol = 0.3 * MM
  pages.forEach((p, i) => {
    const r = MARGIN_RANGES[p.width > p.height ? 'landscape' : 'portrait']
    const min = { top: r.top[0] * MM, bottom: r.bottom[0] * MM, left: r.left[0] * MM, right: r.right[0] * MM }
    for (const w of p.words) {
      if (isPageNumber(w, p, min.top)) continue
      const gaps = { left: w.x1, right: p.width - w.x2, top: w.y1, bottom: p.height - w.y2 }
      for (const side of ['top', 'bottom', 'left', 'right'] as const)
        if (gaps[side] < min[side] - tol) out.push({ page: i + 1, side, word: w.text, mm: Math.round((gaps[side] / MM) * 10) / 10 })
    }
  })
  return out
}

/** The leftmost text of the document, in mm from the left edge, per orientation (NĐ 30's larger bound). */
export function leftmostText(pages: Page[]): { portrait: number | null; landscape: number | null } {
  const out: { portrait: number | null; landscape: number | null } = { portrait: null, landscape: null }
  for (const p of pages) {
    const o = p.width > p.height ? 'landscape' : 'portrait'
    for (const w of p.words) out[o] = Math.min(out[o] ?? Infinity, w.x1 / MM)
  }
  return out
}

/** Every string of the signature blocks and recipient lists of a text document ("Nơi nhận", heads, names, hints). */
export function signatureStrings(doc: TextDocument): string[] {
  const sig = (s: { heads: string[]; name: string; hint?: string }) => [...s.heads, s.name, s.hint ?? '']
  return doc.blocks.flatMap((b: Block) => (b.kind === 'closing' ? ['Nơi nhận:', ...(b.recipients ?? []), ...sig(b.signer)] : b.kind === 'signPair' ? [...sig(b.left), ...sig(b.right)] : []))
}

/**
 * Pages whose only text is a signature block or a recipient list (page number aside): every word on them is a word
 * of those strings.
 */
export function signatureOnlyPages(pages: Page[], strings: readonly string[]): number[] {
  const vocabulary = new Set(strings.flatMap((s) => s.split(/\s+/)).filter(Boolean))
  const out: number[] = []
  pages.forEach((p, i) => {
    const words = p.words.filter((w) => !(/^\d+$/.test(w.text) && w.y2 < 25 * MM))
    if (words.length > 0 && words.every((w) => vocabulary.has(w.text))) out.push(i + 1)
  })
  return out
}
