/**
 * Codes and wording of post-recognition inspection (QĐ 26/2026 Điều 9), shared by the migration's CHECKs, the
 * contract, the rules in domain/inspection.ts and the screens.
 */

/** What an inspection checks, from Điều 9.3 and the commitments of the dossier (Điều 6). */
export const INSPECTION_ITEMS = {
  'quality-standard': 'Tiêu chuẩn chất lượng sản phẩm đã công bố và kết quả kiểm nghiệm còn hiệu lực',
  'legal-papers': 'Giấy tờ pháp lý (đăng ký kinh doanh, giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm, …) còn hiệu lực',
  'production-conditions': 'Điều kiện sản xuất, an toàn thực phẩm, bảo vệ môi trường duy trì như hồ sơ đã đánh giá',
  capacity: 'Năng lực, quy mô sản xuất duy trì như hồ sơ đã đánh giá',
  traceability: 'Truy xuất nguồn gốc sản phẩm',
  'label-mark': 'Nhãn hàng hóa và việc sử dụng nhãn hiệu, biểu trưng OCOP đúng hạng sao được công nhận',
  promotion: 'Sử dụng thông tin và quảng bá sản phẩm OCOP (Điều 9.3b)'
} as const
export type InspectionItem = keyof typeof INSPECTION_ITEMS
export const INSPECTION_ITEM_CODES = Object.keys(INSPECTION_ITEMS) as InspectionItem[]

export const FINDING_RESULTS = { pass: 'Đạt', fail: 'Không đạt', advice: 'Có khuyến nghị' } as const
export type FindingResult = keyof typeof FINDING_RESULTS
export const FINDING_RESULT_CODES = Object.keys(FINDING_RESULTS) as FindingResult[]

export const INSPECTION_KINDS = { periodic: 'Kiểm tra định kỳ', 'ad-hoc': 'Kiểm tra đột xuất' } as const
export type InspectionKind = keyof typeof INSPECTION_KINDS
export const INSPECTION_KIND_CODES = Object.keys(INSPECTION_KINDS) as InspectionKind[]

export const INSPECTION_OUTCOMES = {
  'no-action': 'Sản phẩm duy trì các yêu cầu: không có biện pháp xử lý',
  recommendations: 'Có khuyến nghị khắc phục, thời hạn và kiểm tra lại',
  'revocation-proposed': 'Đề nghị thu hồi giấy chứng nhận (Điều 8)'
} as const
export type InspectionOutcome = keyof typeof INSPECTION_OUTCOMES
export const INSPECTION_OUTCOME_CODES = Object.keys(INSPECTION_OUTCOMES) as InspectionOutcome[]

/**
 * Why a product is in a plan. The first three are computed from the records; the others are the office's own
 * (a complaint received, a request of the ministry — which inspects 5★ products, Điều 9.4b — or another reason).
 */
export const PLAN_REASONS = {
  expiring: 'Giấy chứng nhận hết hạn trong năm kế hoạch',
  'near-band': 'Điểm trung bình của Hội đồng sát ngưỡng hạng sao được công nhận',
  'never-inspected': 'Chưa được kiểm tra sau công nhận',
  complaint: 'Có phản ánh, khiếu nại',
  'ministry-request': 'Theo đề nghị của Bộ Nông nghiệp và Môi trường',
  other: 'Lý do khác'
} as const
export type PlanReason = keyof typeof PLAN_REASONS
export const PLAN_REASON_CODES = Object.keys(PLAN_REASONS) as PlanReason[]
export const COMPUTED_REASONS: readonly PlanReason[] = ['expiring', 'near-band', 'never-inspected']
