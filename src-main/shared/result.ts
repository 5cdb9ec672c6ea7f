/** Error codes that cross the API boundary. `message` is always ready to show in Vietnamese. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'FINALIZED',
  'DB_TOO_NEW',
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
