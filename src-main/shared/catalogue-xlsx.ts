/**
 * Column layout of the catalogue workbook (docs/catalogue-xlsx.md): written by the export, read by the import.
 * Headers are matched by text, so their order may change without breaking older files.
 */
export const CATALOGUE_XLSX_FORMAT = 'ocop-council/catalogue-xlsx@1'
export const SHEET_INFO = 'Thông tin'
export const SHEET_PRODUCERS = 'Chủ thể'
export const SHEET_PRODUCTS = 'Sản phẩm'

export const PRODUCER_COLUMNS = {
  no: 'STT',
  kind: 'Loại hình',
  name: 'Tên chủ thể',
  regNo: 'Mã số thuế / Số ĐKKD',
  repName: 'Người đại diện theo pháp luật',
  repGender: 'Giới tính',
  repEthnicity: 'Dân tộc',
  repDisability: 'Người khuyết tật',
  provinceCode: 'Mã tỉnh',
  provinceName: 'Tỉnh/Thành phố',
  communeCode: 'Mã xã',
  communeName: 'Xã/Phường/Đặc khu',
  street: 'Địa chỉ chi tiết',
  oldAddress: 'Địa chỉ cũ',
  oldCommune: 'Xã cũ',
  oldDistrict: 'Huyện cũ',
  oldProvince: 'Tỉnh cũ',
  phone: 'Điện thoại',
  email: 'Email'
} as const

export const PRODUCT_COLUMNS = {
  no: 'STT',
  code: 'Mã sản phẩm',
  formNo: 'Số phiếu đăng ký',
  name: 'Tên sản phẩm',
  producerNo: 'STT chủ thể',
  producerName: 'Tên chủ thể',
  setId: 'Mã bộ tiêu chí',
  setNo: 'Bộ tiêu chí số',
  setName: 'Tên bộ tiêu chí',
  registrationType: 'Hình thức đăng ký',
  year: 'Năm',
  status: 'Trạng thái',
  stars: 'Hạng sao'
} as const

/**
 * Sheet «Giấy chứng nhận» (issue 12): certificates issued before the app, one row per certificate, linked to a
 * product row by its STT. Optional: files without it import as before.
 */
export const SHEET_CERTIFICATES = 'Giấy chứng nhận'
export const CERTIFICATE_COLUMNS = {
  productNo: 'STT sản phẩm',
  productName: 'Tên sản phẩm',
  numberText: 'Số giấy chứng nhận',
  stars: 'Hạng sao',
  issuedOn: 'Ngày cấp',
  issuedYear: 'Năm cấp',
  issuingAuthority: 'Cơ quan cấp',
  decisionNo: 'Số quyết định',
  decisionDate: 'Ngày quyết định',
  printedExpiry: 'Ngày hết hạn (in trên giấy)',
  sourceNote: 'Nguồn'
} as const
/** What a clerk writes for an issue date known only by its year. */
export const UNKNOWN_DATE = 'không rõ ngày'

export const YES = 'Có'
export const NO = 'Không'
