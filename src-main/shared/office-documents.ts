/**
 * The Decree 30 documents of the office outside a council session (issue 14): the inspection plan, the inspection
 * record, the improvement letter to a producer and the periodic programme report. Each is registered and numbered
 * like a session's documents (one register, `document_numbers`), issued once by the office.
 */
export const OFFICE_DOCUMENTS = {
  'inspection-plan': { label: 'Kế hoạch kiểm tra sau công nhận', abbr: 'KH' },
  'inspection-record': { label: 'Biên bản kiểm tra sản phẩm OCOP', abbr: 'BB' },
  'advice-letter': { label: 'Phiếu góp ý hoàn thiện sản phẩm', abbr: null },
  'periodic-report': { label: 'Báo cáo kết quả thực hiện Chương trình OCOP', abbr: 'BC' }
} as const
export type OfficeDocumentKind = keyof typeof OFFICE_DOCUMENTS
export const OFFICE_DOCUMENT_KINDS = Object.keys(OFFICE_DOCUMENTS) as OfficeDocumentKind[]

/**
 * The ký hiệu of each kind in the register, all issued by the advising body (its symbol from the document settings,
 * e.g. "SNNMT"): "05/KH-SNNMT", "05/BB-SNNMT", "05/BC-SNNMT". A công văn has no type abbreviation (NĐ 30 Phụ lục
 * III): its number is the body's symbol and the unit's, "05/SNNMT-OCOP".
 */
export function officeSymbol(kind: OfficeDocumentKind, agencySymbol: string): { abbr: string; issuer: string; symbol: string } {
  const abbr = OFFICE_DOCUMENTS[kind].abbr
  const [a, i] = abbr === null ? [agencySymbol, 'OCOP'] : [abbr, agencySymbol]
  return { abbr: a, issuer: i, symbol: `${a}-${i}` }
}
