import { foldVietnamese } from '../shared/text'

/**
 * Texts the exports compose from several stored facts (issue 12).
 *
 * Certificate numbers restart every year and every former district numbered its own, so "01/GCN-OCOP" alone repeats
 * across years: the national record carries the year unless the number as printed already shows it.
 */
export function certificateNumberWithYear(numberText: string, year: number): string {
  return new RegExp(`(^|\\D)${year}(\\D|$)`).test(numberText) ? numberText : `${numberText} (${year})`
}

/** A unit name with its type word, folded, and without it ("xã tà nung", "tà nung"). */
const unitForms = (name: string): string[] => {
  const f = foldVietnamese(name.replace(/\u2019/g, "'"))
  const bare = f.replace(/^(xa|phuong|dac khu|tinh|thanh pho)\s+/, '')
  return [f, bare]
}
const words = (s: string): string => ` ${foldVietnamese(s.replace(/\u2019/g, "'")).replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `

/**
 * Street + commune + province, each once: a street typed as the full address ("Thôn 2, xã Tà Nung, tỉnh Lâm Đồng")
 * already names the commune or the province, and repeating them doubled the address in every export.
 */
export function composeAddress(street: string, communeName: string | undefined, provinceName: string | undefined): string {
  const s = street.trim().replace(/[,;\s]+$/u, '')
  const text = words(s)
  const named = (unit: string | undefined) => !!unit && unitForms(unit).some((f) => f && text.includes(words(f)))
  return [s, named(communeName) ? '' : communeName, named(provinceName) ? '' : provinceName].filter(Boolean).join(', ')
}
