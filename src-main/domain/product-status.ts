import { PRODUCT_STATUS_LABELS, type ProductStatus } from '../shared/catalogue'
import { formatDay } from '../shared/vn-format'

/**
 * The product's life (QĐ 26/2026 Điều 4–8): registered → dossier complete → on a session agenda → rated →
 * recognised (3★/4★) / proposed 5★ / not recognised → certificate valid → expired / revoked.
 * Backward moves exist for real corrections (a dossier reopened, a product taken off an agenda) and need a reason.
 */
export const TRANSITIONS: Readonly<Record<ProductStatus, readonly ProductStatus[]>> = {
  registered: ['dossier-complete'],
  'dossier-complete': ['on-agenda', 'registered'],
  'on-agenda': ['rated', 'dossier-complete'],
  rated: ['recognised', 'proposed-5-star', 'not-recognised'],
  // The central council may recognise 5★, or score under 90 so the province recognises 3★/4★ (Điều 7.4).
  'proposed-5-star': ['recognised', 'not-recognised'],
  recognised: ['certificate-valid', 'revoked'],
  'not-recognised': [],
  'certificate-valid': ['expired', 'revoked'],
  expired: [],
  revoked: []
}

const BACKWARD = new Set<string>(['dossier-complete>registered', 'on-agenda>dossier-complete'])
/** Moves that must say why (revocation grounds of Điều 8, refusals and corrections). */
export function reasonRequired(from: ProductStatus, to: ProductStatus): boolean {
  return to === 'revoked' || to === 'not-recognised' || BACKWARD.has(`${from}>${to}`)
}

export interface TransitionRequest {
  from: ProductStatus
  to: ProductStatus
  reason?: string | undefined
  stars?: number | null | undefined
}

export type TransitionCheck = { ok: true; stars: number | null } | { ok: false; message: string }

/** Validates one status change; returns the star rank the product holds afterwards. */
export function checkTransition(req: TransitionRequest, currentStars: number | null): TransitionCheck {
  const { from, to } = req
  if (!TRANSITIONS[from].includes(to)) return { ok: false, message: `Không thể chuyển trạng thái từ "${PRODUCT_STATUS_LABELS[from]}" sang "${PRODUCT_STATUS_LABELS[to]}"` }
  if (reasonRequired(from, to) && !req.reason?.trim()) return { ok: false, message: 'Cần ghi rõ lý do cho thay đổi trạng thái này' }
  if (to === 'recognised') {
    const stars = req.stars ?? null
    if (stars === null || ![3, 4, 5].includes(stars)) return { ok: false, message: 'Công nhận cần hạng sao 3, 4 hoặc 5' }
    if (stars === 5 && from !== 'proposed-5-star') return { ok: false, message: 'Hạng 5 sao chỉ được công nhận sau khi đề nghị lên Trung ương' }
    return { ok: true, stars }
  }
  if (req.stars !== undefined && req.stars !== null && req.stars !== currentStars)
    return { ok: false, message: 'Chỉ được ghi hạng sao khi công nhận sản phẩm' }
  if (to === 'not-recognised') return { ok: true, stars: null }
  return { ok: true, stars: currentStars }
}

export function allowedNext(from: ProductStatus): readonly ProductStatus[] {
  return TRANSITIONS[from]
}

/**
 * A recognised product comes back (QĐ 26/2026 Điều 6.1, 7.5, 7.6): an upgrade (nâng hạng) while its certificate is
 * valid and below 5★; a re-evaluation (đánh giá lại) in the filing window, 180 to 120 days before expiry — filed
 * later while the certificate is still valid it is accepted as late (Điều 12.3 keeps the certificate valid until the
 * authority decides). Both start a new dossier of their registration type: certificate-valid → registered, then the
 * dossier checklist (with the upgrade evidence or the re-evaluation updates) completes it as for a first dossier.
 */
export const REREGISTRATION_FROM: ProductStatus = 'certificate-valid'
export type ReregistrationType = 'nang-hang' | 'danh-gia-lai'

export interface ReregistrationFacts {
  status: ProductStatus
  type: ReregistrationType
  /** The product's valid certificate on `asOf`, if any. */
  certificate: { stars: number; expiryDate: string; window: { opens: string; closes: string; phase: 'before' | 'open' | 'missed' | 'over' } } | null
}

export type ReregistrationCheck = { ok: true; late: boolean } | { ok: false; message: string }

export function checkReregistration(f: ReregistrationFacts): ReregistrationCheck {
  if (f.status !== REREGISTRATION_FROM || !f.certificate || f.certificate.window.phase === 'over')
    return { ok: false, message: 'Chỉ đăng ký đánh giá lại hoặc nâng hạng cho sản phẩm đang có giấy chứng nhận OCOP còn hiệu lực' }
  const c = f.certificate
  if (f.type === 'nang-hang') {
    if (c.stars >= 5) return { ok: false, message: 'Sản phẩm đã đạt 5 sao, không nâng hạng được nữa' }
    return { ok: true, late: false }
  }
  if (c.window.phase === 'before')
    return { ok: false, message: `Hồ sơ đánh giá lại nộp từ ngày ${formatDay(c.window.opens)} (180 ngày trước khi giấy chứng nhận hết hạn ngày ${formatDay(c.expiryDate)}); trước đó chỉ đăng ký nâng hạng` }
  return { ok: true, late: c.window.phase === 'missed' }
}
