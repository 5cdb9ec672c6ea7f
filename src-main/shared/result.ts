/** Error codes that cross the API boundary. `message` is always ready to show in Vietnamese. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'FINALIZED',
  'DB_TOO_NEW',
  /** A zero-length database file while backups exist: not re-initialised, the message names the newest backup. */
  'DB_EMPTY',
  /** Storage faults (db/storage-errors.ts): disk full, locked by another process, read-only, damaged, I/O. */
  'STORAGE_FULL',
  'STORAGE_BUSY',
  'STORAGE_READONLY',
  'STORAGE_CORRUPT',
  'STORAGE_IO',
  /** A backup or database whose audit chain, seals or schema show it was changed outside the app. */
  'TAMPERED',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiIssue {
  path: string
  message: string
}

export interface ApiError {
  code: ErrorCode
  message: string
  issues?: ApiIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** Thrown by services and handlers for expected failures; the registry turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues?: ApiIssue[]
  constructor(code: ErrorCode, message: string, issues?: ApiIssue[]) {
    super(message)
    this.name = 'AppError'
    this.code = code
    if (issues) this.issues = issues
  }
}
