import { z } from 'zod'

/**
 * Every string that crosses a boundary is NFC-normalised: decomposed Vietnamese (from Excel, the clipboard or
 * macOS file names) renders wrongly in PDFs and compares unequal in search and uniqueness checks.
 */
export const zText = z.string().transform((s) => s.normalize('NFC'))

/** A trimmed, non-empty NFC string; the message is shown to the user as is. */
export const zName = z
  .string()
  .transform((s) => s.normalize('NFC').trim())
  .pipe(z.string().min(1, 'Không được để trống'))

/** Fold Vietnamese for search: strip diacritics, map đ/Đ to d, lower-case, collapse spaces. */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}
