import { AppError, type ErrorCode } from '../shared/result'

/**
 * Storage faults (issue 11, item 10) each get their own code and a Vietnamese message that says what happened, that
 * the last operation was not saved while everything saved before it is intact (the write ran in one transaction
 * that rolled back), and what to do. SQLite result codes and Node's file-system codes map to the same few codes.
 */
const FAULTS: ReadonlyArray<{ match: RegExp; code: ErrorCode; message: string }> = [
  {
    match: /^(SQLITE_FULL|ENOSPC|EDQUOT)/,
    code: 'STORAGE_FULL',
    message: 'Ổ đĩa chứa dữ liệu đã đầy: thao tác vừa rồi chưa được lưu, dữ liệu đã lưu trước đó vẫn nguyên vẹn. Hãy giải phóng dung lượng ổ đĩa rồi thực hiện lại.'
  },
  {
    match: /^(SQLITE_BUSY|SQLITE_LOCKED)/,
    code: 'STORAGE_BUSY',
    message: 'Tệp dữ liệu đang bị một chương trình khác giữ khóa (có thể ứng dụng đang mở ở cửa sổ khác, hoặc một công cụ sao chép/đồng bộ đang đọc tệp): thao tác vừa rồi chưa được lưu. Hãy đóng chương trình đó rồi thực hiện lại.'
  },
  {
    match: /^(SQLITE_READONLY|EACCES|EPERM|EROFS)/,
    code: 'STORAGE_READONLY',
    message: 'Thư mục hoặc tệp dữ liệu chỉ cho phép đọc, ứng dụng không ghi được: thao tác vừa rồi chưa được lưu, dữ liệu đã có vẫn nguyên vẹn. Hãy cấp quyền ghi cho thư mục dữ liệu (hoặc chuyển dữ liệu ra khỏi ổ chỉ đọc) rồi thực hiện lại.'
  },
  {
    match: /^(SQLITE_CORRUPT|SQLITE_NOTADB)/,
    code: 'STORAGE_CORRUPT',
    message: 'Tệp dữ liệu bị hỏng hoặc không phải tệp dữ liệu của ứng dụng: thao tác vừa rồi chưa được thực hiện. Hãy đóng ứng dụng và khôi phục từ bản sao lưu gần nhất (thư mục backups trong thư mục dữ liệu).'
  },
  {
    match: /^(SQLITE_IOERR|SQLITE_CANTOPEN|EIO)/,
    code: 'STORAGE_IO',
    message: 'Lỗi đọc/ghi ổ đĩa chứa dữ liệu (ổ đĩa bị rút ra, lỗi phần cứng hoặc không mở được tệp): thao tác vừa rồi chưa được lưu. Hãy kiểm tra ổ đĩa rồi thực hiện lại.'
  }
]

/** The AppError for a storage fault, or null when `err` is not one. */
export function storageError(err: unknown): AppError | null {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') return null
  const code = err.code
  const fault = FAULTS.find((f) => f.match.test(code))
  return fault ? new AppError(fault.code, fault.message) : null
}
