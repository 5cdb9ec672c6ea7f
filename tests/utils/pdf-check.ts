import { execFileSync } from 'node:child_process'

/**
 * Reading generated PDFs with poppler, as an office's own tools would: text (pdftotext, word joiners removed), fonts
 * (pdffonts) and page count (pdfinfo). Shared by the document checkers (content here, layout in their own files).
 */
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })

/** The text in reading order; U+2060 (kept numbers on one line) is invisible and removed, lines joined by '\n'. */
export function pdfText(file: string, layout = false): string {
  return run('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-']).replace(/\u2060/gu, '')
}

/** The text with line breaks folded to spaces: a phrase is found even where the page broke it. */
export const flatText = (file: string): string => pdfText(file).replace(/\s+/gu, ' ')

export interface PdfFont {
  name: string
  type: string
  embedded: boolean
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = run('pdffonts', [file]).split('\n').slice(2).filter((l) => l.trim() !== '')
  // Columns: name type encoding emb sub uni object ID; the name has no spaces, the type may ("CID TrueType").
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/u)
    const emb = cols.at(-5)
    return { name: cols[0]!, type: cols.slice(1, -6).join(' '), embedded: emb === 'yes' }
  })
}

export function pdfPages(file: string): number {
  const m = /^Pages:\s+(\d+)/mu.exec(run('pdfinfo', [file]))
  return m ? Number(m[1]) : 0
}

/** Runs of text a document fit to sign never contains: unfilled numbers, blanks, placeholder dots. */
export const PLACEHOLDERS: ReadonlyArray<[string, RegExp]> = [
  ['"…/"', /…\//u],
  ['"␣"', /␣/u],
  ['".../"', /\.\.\.\//u],
  ['empty "Số:"', /Số:\s*(\/|$)/mu],
  ['blank number before a ký hiệu', /số\s+\/[A-ZĐ]/u]
]

export function placeholdersIn(text: string): string[] {
  return PLACEHOLDERS.filter(([, re]) => re.test(text)).map(([name]) => name)
}
