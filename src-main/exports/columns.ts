/**
 * The column specs of every export; docs/exports.md describes the same columns, and the round-trip test reads the
 * files back by these headers. `text` columns are written as text cells so codes keep their leading zeros.
 */
export interface Column<K extends string = string> {
  key: K
  header: string
  type: 'text' | 'integer' | 'number' | 'date'
}

const col = <K extends string>(key: K, type: Column['type'], header: string = key): Column<K> => ({ key, header, type })

/** QĐ 5277/QĐ-BNNMT, table PTNT_OCOP (DOMAIN.md §8.2): headers are the field names themselves. */
export const PTNT_OCOP_COLUMNS = [
  col('MA_OCOP', 'text'),
  col('Ma_DonViHanhChinh', 'text'),
  col('Ma_ThoiGian', 'text'),
  col('Ma_SanPham', 'text'),
  col('TenSanPham', 'text'),
  col('XepHang', 'text'),
  col('ChuTheSXKD', 'text'),
  col('DoanhThuNam', 'integer'),
  col('TrangThai', 'text')
] as const
export type PtntOcopRow = Record<(typeof PTNT_OCOP_COLUMNS)[number]['key'], string | number | null>

/** ocopvietnam.gov.vn product-info fields (DOMAIN.md §8.1), flattened: manufacturer_* are the nested object. */
export const NATIONAL_COLUMNS = [
  col('name', 'text', 'name (Tên sản phẩm)'),
  col('ocop_star', 'integer', 'ocop_star (Hạng sao)'),
  col('ocop_certificate_number', 'text', 'ocop_certificate_number (Số GCN)'),
  col('issued_on', 'date', 'issued_on (Ngày cấp)'),
  col('expiry_date', 'date', 'expiry_date (Ngày hết hạn)'),
  col('story', 'text', 'story (Câu chuyện sản phẩm)'),
  col('manufacturer_name', 'text', 'manufacturer.name (Chủ thể)'),
  col('manufacturer_representative', 'text', 'manufacturer.representative (Người đại diện)'),
  col('manufacturer_address', 'text', 'manufacturer.address (Địa chỉ)'),
  col('manufacturer_phone_number', 'text', 'manufacturer.phone_number (Điện thoại)'),
  col('manufacturer_email', 'text', 'manufacturer.email (Thư điện tử)'),
  col('images', 'text', 'images (Tệp ảnh, SHA-256)')
] as const
export type NationalRow = Record<(typeof NATIONAL_COLUMNS)[number]['key'], string | number | null>

/** The decision's annex (documents/results.ts annexTable), plus the certificate number once issued. */
export const ANNEX_COLUMNS = [
  col('stt', 'integer', 'STT'),
  col('name', 'text', 'Tên sản phẩm'),
  col('producer', 'text', 'Tên chủ thể'),
  col('address', 'text', 'Địa chỉ'),
  col('group', 'text', 'Nhóm sản phẩm'),
  col('setNo', 'text', 'Bộ tiêu chí số'),
  col('code', 'text', 'Mã số sản phẩm'),
  col('mean', 'number', 'Điểm trung bình'),
  col('stars', 'integer', 'Hạng sao'),
  col('certificate', 'text', 'Số Giấy chứng nhận'),
  col('note', 'text', 'Ghi chú')
] as const
/** The note of every row of a recorded decision's annex: it has no score, so its mean cell stays empty. */
export const RECORDED_ANNEX_NOTE = 'Giấy chứng nhận ghi nhận, không chấm trong ứng dụng'
export type AnnexRow = Record<(typeof ANNEX_COLUMNS)[number]['key'], string | number | null>

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
  zip: 'application/zip'
} as const
