import { z } from 'zod'

/** Closed vocabularies of the catalogue, with the Vietnamese labels used in forms, exports and imports. */
export const PRODUCER_KINDS = ['htx', 'tht', 'dnnvv', 'trang-trai', 'ho-kd', 'hoi', 'hiep-hoi', 'tt-dieu-hanh'] as const
export type ProducerKind = (typeof PRODUCER_KINDS)[number]
export const PRODUCER_KIND_LABELS: Record<ProducerKind, string> = {
  htx: 'Hợp tác xã',
  tht: 'Tổ hợp tác',
  dnnvv: 'Doanh nghiệp nhỏ và vừa',
  'trang-trai': 'Trang trại',
  'ho-kd': 'Hộ sản xuất, hộ gia đình có đăng ký kinh doanh',
  hoi: 'Hội',
  'hiep-hoi': 'Hiệp hội',
  'tt-dieu-hanh': 'Trung tâm điều hành du lịch'
}
/** Kinds allowed only for tourism (group VI, set 26) per Điều 4 of QĐ 26/2026. */
export const TOURISM_ONLY_KINDS: readonly ProducerKind[] = ['hoi', 'hiep-hoi', 'tt-dieu-hanh']

export const GENDERS = ['nam', 'nu'] as const
export type Gender = (typeof GENDERS)[number]
export const GENDER_LABELS: Record<Gender, string> = { nam: 'Nam', nu: 'Nữ' }

export const REGISTRATION_TYPES = ['lan-dau', 'nang-hang', 'danh-gia-lai'] as const
export type RegistrationType = (typeof REGISTRATION_TYPES)[number]
export const REGISTRATION_TYPE_LABELS: Record<RegistrationType, string> = {
  'lan-dau': 'Lần đầu',
  'nang-hang': 'Nâng hạng',
  'danh-gia-lai': 'Đánh giá lại'
}

export const PRODUCT_STATUSES = [
  'registered',
  'dossier-complete',
  'on-agenda',
  'rated',
  'recognised',
  'proposed-5-star',
  'not-recognised',
  'certificate-valid',
  'expired',
  'revoked'
] as const
export type ProductStatus = (typeof PRODUCT_STATUSES)[number]
export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = {
  registered: 'Đã đăng ký',
  'dossier-complete': 'Hồ sơ đầy đủ',
  'on-agenda': 'Đưa vào phiên họp',
  rated: 'Đã chấm điểm',
  recognised: 'Được công nhận',
  'proposed-5-star': 'Đề nghị 5 sao',
  'not-recognised': 'Không công nhận',
  'certificate-valid': 'Giấy chứng nhận còn hiệu lực',
  expired: 'Hết hiệu lực',
  revoked: 'Bị thu hồi'
}

export const zStars = z.number().int().min(3, 'Hạng sao từ 3 đến 5').max(5, 'Hạng sao từ 3 đến 5')

/** Loose, practical checks: Vietnamese phone numbers (0… or +84…, 9–11 digits) and e-mail addresses. */
export const PHONE_RE = /^(\+84|0)\d{8,10}$/
export const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/
/** Mã số thuế / số ĐKKD / số đăng ký HTX: 10 digits, optionally "-NNN" for a branch; older codes of 8–13 digits. */
export const REG_NO_RE = /^\d{8,13}(-\d{3})?$/

/** Strips spaces, dots and dashes people type inside phone numbers. */
export const normalisePhone = (s: string): string => s.replace(/[\s.\-()]/g, '')

/** Label → key lookup, case- and diacritics-sensitive only on NFC form; used by imports of the exported XLSX. */
export function keyForLabel<K extends string>(labels: Record<K, string>, label: string): K | undefined {
  const wanted = label.normalize('NFC').trim().toLowerCase()
  return (Object.keys(labels) as K[]).find((k) => labels[k].toLowerCase() === wanted || k === wanted)
}
