/**
 * Official product code of QĐ 26/2026 (header of every scoring sheet): (Mã tỉnh)-(Mã xã)-(STT)-(Năm), and the
 * registration-form number of Mẫu 01: (STT)/PĐK-(Mã tỉnh)-(Mã xã)-(Năm).
 *
 * STT is the product's serial within its commune and year, zero-padded to 3 digits (001–999): a fixed width keeps
 * codes aligned and sortable in lists and spreadsheets, and no commune registers anywhere near 999 products a year.
 * The registration form carries the same serial, so one counter numbers both.
 */
export const SERIAL_WIDTH = 3
export const MAX_SERIAL = 10 ** SERIAL_WIDTH - 1

export interface ProductCodeParts {
  provinceCode: string
  communeCode: string
  serial: number
  year: number
}

const pad = (n: number): string => String(n).padStart(SERIAL_WIDTH, '0')

function check(p: ProductCodeParts): void {
  if (!/^\d{2}$/.test(p.provinceCode)) throw new RangeError(`Mã tỉnh không hợp lệ: ${p.provinceCode}`)
  if (!/^\d{5}$/.test(p.communeCode)) throw new RangeError(`Mã xã không hợp lệ: ${p.communeCode}`)
  if (!Number.isInteger(p.serial) || p.serial < 1 || p.serial > MAX_SERIAL) throw new RangeError(`Số thứ tự phải từ 1 đến ${MAX_SERIAL}`)
  if (!Number.isInteger(p.year) || p.year < 2000 || p.year > 2100) throw new RangeError(`Năm không hợp lệ: ${p.year}`)
}

export function formatProductCode(p: ProductCodeParts): string {
  check(p)
  return `${p.provinceCode}-${p.communeCode}-${pad(p.serial)}-${p.year}`
}

export function formatFormNumber(p: ProductCodeParts): string {
  check(p)
  return `${pad(p.serial)}/PĐK-${p.provinceCode}-${p.communeCode}-${p.year}`
}

const CODE_RE = /^(\d{2})-(\d{5})-(\d{3})-(\d{4})$/

/** Parses a code written by formatProductCode; null for anything else (wrong width, separators, ranges). */
export function parseProductCode(code: string): ProductCodeParts | null {
  const m = CODE_RE.exec(code.trim())
  if (!m) return null
  const parts = { provinceCode: m[1]!, communeCode: m[2]!, serial: Number(m[3]), year: Number(m[4]) }
  try {
    check(parts)
  } catch {
    return null
  }
  return parts
}

/** The next serial after the highest one used in a commune and year; gaps left by deleted products stay unused. */
export function nextSerial(maxUsed: number | null | undefined): number {
  const next = (maxUsed ?? 0) + 1
  if (next > MAX_SERIAL) throw new RangeError(`Xã đã dùng hết ${MAX_SERIAL} số thứ tự sản phẩm trong năm`)
  return next
}

/**
 * Issue 12: a producer may have a province-only address (commune unknown). A code names a commune and never changes,
 * so the app does not issue one for such a producer (that would invent a commune): a product already coded keeps the
 * code as issued (its commune is the one printed in it, the province must match), and a new code waits until the
 * producer's commune is known.
 */
export const PROVINCE_ONLY_NO_CODE =
  'Chủ thể chưa rõ xã/phường (địa chỉ chỉ có tỉnh): mã sản phẩm gồm mã xã nên ứng dụng không tự cấp mã. Hãy ghi mã sản phẩm đã cấp, hoặc bổ sung xã/phường của chủ thể.'
