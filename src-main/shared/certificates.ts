/**
 * The six grounds of revocation, QĐ 26/2026 Điều 8.1 a–e (đ is written "dd" in codes), in the decision's wording.
 * Shared by the migration's CHECK, the contract and the screens.
 */
export const REVOCATION_GROUNDS = {
  a: 'Chủ thể OCOP cung cấp thông tin, tài liệu không trung thực hoặc giả mạo hồ sơ trong quá trình đăng ký đánh giá, phân hạng sản phẩm OCOP',
  b: 'Sản phẩm OCOP không còn đáp ứng các tiêu chí theo Bộ tiêu chí OCOP theo kết luận kiểm tra, giám sát của cơ quan có thẩm quyền',
  c: 'Sản phẩm OCOP vi phạm quy định pháp luật về chất lượng sản phẩm, an toàn thực phẩm, bảo vệ môi trường, sở hữu trí tuệ, ghi nhãn hàng hóa hoặc các quy định pháp luật khác có liên quan theo kết luận của cơ quan có thẩm quyền',
  d: 'Chủ thể OCOP sử dụng nhãn hiệu OCOP không đúng quy định, gây nhầm lẫn về sản phẩm được công nhận',
  dd: 'Chủ thể OCOP không còn hoạt động sản xuất sản phẩm OCOP',
  e: 'Trường hợp khác theo kết luận và đề nghị của cơ quan nhà nước có thẩm quyền về việc sản phẩm OCOP không đủ điều kiện tiếp tục được công nhận'
} as const
export type RevocationGround = keyof typeof REVOCATION_GROUNDS
export const REVOCATION_GROUND_CODES = Object.keys(REVOCATION_GROUNDS) as RevocationGround[]
/** The point letter as printed ("điểm đ khoản 1 Điều 8"). */
export const groundLetter = (g: RevocationGround): string => (g === 'dd' ? 'đ' : g)

/** `replaced`: superseded by the certificate of a re-evaluation or upgrade of the same product (RULES 27a). */
export const CERTIFICATE_STATES = ['valid', 'expired', 'revoked', 'replaced'] as const
export type CertificateState = (typeof CERTIFICATE_STATES)[number]
export const SESSION_MODES = ['meeting', 'written-opinions'] as const
export type SessionMode = (typeof SESSION_MODES)[number]
