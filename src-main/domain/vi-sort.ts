/**
 * A binary-comparable sort key that orders strings like Intl.Collator('vi'): letters in the Vietnamese alphabet
 * (a ă â b c d đ e ê … o ô ơ … u ư …), then tones (ngang, huyền, hỏi, ngã, sắc, nặng), then case. SQLite has no
 * Vietnamese collation and better-sqlite3 cannot register one, so lists store this key and ORDER BY it, which
 * keeps paging with LIMIT/OFFSET in SQL.
 */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z']
const LETTER_KEY = new Map(ALPHABET.map((l, i) => [l, String.fromCharCode(0x41 + i)]))
/** Combining tone marks in the order ICU's Vietnamese tailoring gives them. */
const TONES: Record<string, string> = { '\u0300': '1', '\u0309': '2', '\u0303': '3', '\u0301': '4', '\u0323': '5' }
/** Marks that make a separate letter (ă â ê ô ơ ư). */
const LETTER_MARKS = new Set(['\u0306', '\u0302', '\u031b'])

export function viSortKey(input: string): string {
  let primary = ''
  let secondary = ''
  let tertiary = ''
  for (const ch of input.normalize('NFC').trim()) {
    const lower = ch.toLowerCase()
    const nfd = lower.normalize('NFD')
    let base = nfd[0] ?? ''
    let tone = '0'
    for (const mark of nfd.slice(1)) {
      if (LETTER_MARKS.has(mark)) base = (base + mark).normalize('NFC')
      else if (TONES[mark]) tone = TONES[mark]
    }
    const letter = LETTER_KEY.get(base)
    if (letter) primary += letter
    else if (/\d/.test(base)) primary += base
    else if (/\s/.test(base)) primary += ' '
    else primary += '!'
    secondary += tone
    tertiary += ch === lower ? '0' : '1'
  }
  return `${primary}\u0001${secondary}\u0001${tertiary}`
}
