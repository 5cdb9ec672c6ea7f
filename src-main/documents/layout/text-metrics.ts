import { METRIC_CHARS, UNITS_PER_EM, WIDTHS } from './tinos-metrics'

/**
 * Text widths in Tinos (the metrics of Times New Roman) from the generated table, so layout decisions — the length
 * of a rule, whether a line fits, how far a certificate's product name must shrink — are made while the document
 * definition is built, without the font files. Kerning is ignored: widths are at most a fraction of a point long.
 */
export type Face = 'R' | 'B' | 'I' | 'BI'

const INDEX = new Map([...METRIC_CHARS].map((ch, i) => [ch, i]))
const TABLES = Object.fromEntries(Object.entries(WIDTHS).map(([f, list]) => [f, list.split(',').map(Number)])) as Record<Face, number[]>

function charUnits(face: Face, ch: string): number {
  const t = TABLES[face]
  const i = INDEX.get(ch)
  if (i !== undefined) return t[i]!
  // A decomposed or unusual character: measure its base letter (combining marks take no width).
  const base = ch.normalize('NFD')[0]
  const j = base === undefined ? undefined : INDEX.get(base)
  return j !== undefined ? t[j]! : t[INDEX.get('n')!]!
}

export function textWidth(text: string, face: Face, size: number): number {
  let units = 0
  for (const ch of text.normalize('NFC')) units += charUnits(face, ch)
  return (units * size) / UNITS_PER_EM
}

/** Greedy line breaking at spaces (and at "\n"), as pdfmake and word processors break Vietnamese text. */
export function wrapLines(text: string, face: Face, size: number, width: number): string[] {
  const out: string[] = []
  const space = textWidth(' ', face, size)
  for (const para of text.split('\n')) {
    let line = ''
    let lw = 0
    for (const word of para.split(' ')) {
      const ww = textWidth(word, face, size)
      if (line !== '' && lw + space + ww > width) {
        out.push(line)
        line = word
        lw = ww
      } else {
        line = line === '' ? word : `${line} ${word}`
        lw = line === word ? ww : lw + space + ww
      }
    }
    out.push(line)
  }
  return out
}

/** The largest size from `max` down to `min` (0.5 pt steps) at which the text takes at most `lines` lines. */
export function fitSize(text: string, face: Face, width: number, lines: number, max: number, min: number): number {
  for (let size = max; size > min; size -= 0.5) if (wrapLines(text, face, size, width).length <= lines) return size
  return min
}
