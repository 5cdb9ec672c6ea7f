import { foldVietnamese } from '../shared/text'

/**
 * Wording rules shared by the builders and the session assembler (issue 10, text faults): a title and its
 * organisation joined without repeating a word ("Giám đốc Sở" + "Sở Nông nghiệp và Môi trường"), addresses composed
 * once from street, xã and tỉnh without naming the commune twice, unit names lower-cased inside a sentence.
 */
const words = (s: string) => s.normalize('NFC').trim().split(/\s+/u).filter(Boolean)
const fold = (s: string) => foldVietnamese(s).toLowerCase().replace(/\s+/gu, ' ').trim()

/** "Phó Chủ tịch UBND tỉnh" + "UBND tỉnh" → "Phó Chủ tịch UBND tỉnh"; "Giám đốc Sở" + "Sở X" → "Giám đốc Sở X". */
export function composePosition(title: string, organisation: string): string {
  const t = title.normalize('NFC').trim()
  const o = organisation.normalize('NFC').trim()
  if (!o) return t
  if (!t) return o
  if (fold(t).includes(fold(o))) return t
  if (fold(o).startsWith(`${fold(t)} `)) return o
  const tw = words(t)
  const ow = words(o)
  // The longest tail of the title that begins the organisation is said once.
  for (let n = Math.min(tw.length, ow.length); n > 0; n--) {
    if (fold(tw.slice(-n).join(' ')) === fold(ow.slice(0, n).join(' '))) return [...tw.slice(0, -n), ...ow].join(' ')
  }
  return `${t} ${o}`
}

/** Unit names inside a sentence take a lower-case type word: "xã Tà Nung", "tỉnh Lâm Đồng". */
export const unitInSentence = (name: string): string => name.normalize('NFC').trim().replace(/^(Xã|Phường|Tỉnh|Thành phố|Đặc khu|Thị trấn)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'))

/** The bare name of a unit: "Xã Tà Nung" → "Tà Nung". */
const bareUnit = (name: string) => name.normalize('NFC').trim().replace(/^(xã|phường|tỉnh|thành phố|đặc khu|thị trấn)\s+/iu, '')

/** "Thôn 3, xã Tà Nung, tỉnh Lâm Đồng": the street, then the commune and province unless the street already names them. */
export function composeAddress(street: string, commune: string, province: string): string {
  const parts = [street.normalize('NFC').trim().replace(/[,.\s]+$/u, '')].filter(Boolean)
  for (const unit of [commune, province]) {
    if (!unit.trim()) continue
    const bare = fold(bareUnit(unit))
    if (parts.some((p) => fold(p).includes(bare))) continue
    parts.push(unitInSentence(unit))
  }
  return parts.join(', ')
}

/** "UBND xã Tà Nung": the commune's committee in running text (never "UBND Xã"). */
export const communeCommittee = (commune: string): string => `UBND ${unitInSentence(commune)}`

/** Removes a repeated full stop at the end of a sentence built from pieces ("… lý do..") and trailing spaces. */
export const sentence = (s: string): string => `${s.trim().replace(/[.;,\s]+$/u, '')}.`

const WJ = '\u2060'
/**
 * Document numbers such as "26/2026/QĐ-TTg" must not break across lines: a WORD JOINER (U+2060, zero width, present
 * in Tinos) after each slash and hyphen of a number forbids the break in pdfmake's and Word's line breaking alike.
 */
export const keepNumbers = (s: string): string => s.replace(/\d+(?:\/\d{4})?\/\p{Lu}\p{L}*(?:-\p{L}+)+/gu, (n) => n.replace(/[/-]/gu, (c) => `${c}${WJ}`))
