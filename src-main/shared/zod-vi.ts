import { z } from 'zod'
import vi from 'zod/v4/locales/vi.js'

/**
 * Vietnamese messages for every zod issue that has no message of its own, installed once for the whole process (and
 * the renderer) by importing this module: the API contract (api/spec.ts) and the rating input import it, and the
 * catalogue import reaches it through the contract. zod's own `vi` locale still leaves English type names ("mong đợi
 * record, nhận được string"), so the type names and the size messages are ours; the `vi` locale is kept for formats
 * ("địa chỉ email không hợp lệ").
 */
const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  bigint: 'số nguyên',
  boolean: 'đúng/sai',
  object: 'đối tượng',
  record: 'đối tượng',
  map: 'đối tượng',
  array: 'danh sách',
  set: 'danh sách',
  tuple: 'danh sách',
  date: 'ngày',
  null: 'giá trị rỗng (null)',
  undefined: 'không có giá trị',
  nan: 'giá trị không phải số (NaN)',
  symbol: 'ký hiệu',
  function: 'hàm',
  file: 'tệp',
  literal: 'giá trị cố định',
  enum: 'một trong các giá trị cho phép'
}

const typeName = (t: string): string => TYPE_NAMES[t] ?? 'giá trị khác'

function receivedOf(input: unknown): string {
  if (input === null) return 'null'
  if (Array.isArray(input)) return 'array'
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan'
  if (input instanceof Date) return 'date'
  return typeof input
}

const show = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : String(v))
const num = (v: number | bigint): string => (typeof v === 'number' ? v.toLocaleString('vi-VN') : v.toString())

const viLocale = vi().localeError

export const vietnameseError: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `Thiếu giá trị (cần ${typeName(issue.expected)})` : `Sai kiểu dữ liệu: cần ${typeName(issue.expected)}, nhận được ${typeName(receivedOf(issue.input))}`
    case 'invalid_value':
      return issue.values.length === 1 ? `Giá trị phải là ${show(issue.values[0])}` : `Giá trị phải là một trong: ${issue.values.map(show).join(', ')}`
    case 'too_big':
      if (issue.origin === 'string') return `Quá dài: tối đa ${num(issue.maximum)} ký tự`
      if (issue.origin === 'array' || issue.origin === 'set') return `Quá nhiều phần tử: tối đa ${num(issue.maximum)}`
      if (issue.origin === 'file') return `Tệp quá lớn: tối đa ${num(issue.maximum)} byte`
      return issue.inclusive === false ? `Giá trị phải nhỏ hơn ${num(issue.maximum as number)}` : `Giá trị tối đa là ${num(issue.maximum as number)}`
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? 'Không được để trống' : `Quá ngắn: tối thiểu ${num(issue.minimum)} ký tự`
      if (issue.origin === 'array' || issue.origin === 'set') return `Cần ít nhất ${num(issue.minimum)} phần tử`
      return issue.inclusive === false ? `Giá trị phải lớn hơn ${num(issue.minimum as number)}` : `Giá trị tối thiểu là ${num(issue.minimum as number)}`
    case 'invalid_format':
      return issue.format === 'regex' ? 'Không đúng định dạng' : (viLocale?.(issue) as string | undefined) ?? 'Không đúng định dạng'
    case 'not_multiple_of':
      return `Phải là bội số của ${num(issue.divisor)}`
    case 'unrecognized_keys':
      return `Trường không có trong định dạng (có thể viết sai tên): ${issue.keys.map((k) => `«${k}»`).join(', ')}`
    case 'invalid_key':
      return 'Tên trường không hợp lệ'
    case 'invalid_element':
      return 'Phần tử không hợp lệ'
    case 'invalid_union':
      return 'Giá trị không khớp với dạng nào được chấp nhận'
    default:
      return 'Giá trị không hợp lệ'
  }
}

z.config({ localeError: vietnameseError })
