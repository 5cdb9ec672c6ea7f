import { contract, isMethodName, roleMayCall, type MethodName, type Output, type ParsedInput, type Role } from '../shared/contract'
import { AppError, type ApiIssue, type Result } from '../shared/result'
import type { Logger } from '../logger'
import { storageError } from '../db/storage-errors'

import type { CallContext } from '../shared/call-context'

export type { CallContext }

export type Handler<K extends MethodName> = (input: ParsedInput<K>, ctx: CallContext) => Output<K> | Promise<Output<K>>

export interface Registry {
  handle<K extends MethodName>(name: K, fn: Handler<K>): void
  dispatch(name: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>
  /** Contract methods that have no handler yet (the completeness test wants none). */
  missing(): MethodName[]
}

const roleOf = (ctx: CallContext): Role => ctx.actor.kind

/** SQLite errors raised by our own triggers carry a code prefix; anything else is internal. */
function fromSqlite(err: unknown): AppError | null {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string' || !err.code.startsWith('SQLITE_')) return null
  const m = /^(FINALIZED|IMMUTABLE|CONFLICT): ?(.*)$/s.exec(err.message)
  if (m) return new AppError(m[1] === 'CONFLICT' ? 'CONFLICT' : 'FINALIZED', m[2] || 'Dữ liệu đã khóa, không thể thay đổi')
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE') return new AppError('CONFLICT', 'Dữ liệu bị trùng với bản ghi đã có')
  return null
}

export function toIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): ApiIssue[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
}

export function createRegistry(log: Logger): Registry {
  const handlers = new Map<MethodName, Handler<MethodName>>()
  return {
    handle(name, fn) {
      if (handlers.has(name)) throw new Error(`duplicate handler for ${name}`)
      handlers.set(name, fn as unknown as Handler<MethodName>)
    },
    missing() {
      return (Object.keys(contract) as MethodName[]).filter((n) => !handlers.has(n))
    },
    async dispatch(name, rawInput, ctx) {
      if (!isMethodName(name)) return { ok: false, error: { code: 'NOT_FOUND', message: 'Chức năng không tồn tại' } }
      const spec = contract[name]
      if (!roleMayCall(spec, roleOf(ctx)))
        return { ok: false, error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này' } }
      const parsed = spec.input.safeParse(rawInput ?? {})
      if (!parsed.success) {
        const issues = toIssues(parsed.error.issues)
        const first = issues[0]
        return {
          ok: false,
          error: { code: 'VALIDATION', message: first ? `Dữ liệu không hợp lệ: ${first.message}${first.path ? ` (${first.path})` : ''}` : 'Dữ liệu không hợp lệ', issues }
        }
      }
      const fn = handlers.get(name)
      if (!fn) {
        log.error(`no handler for ${name}`)
        return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại' } }
      }
      try {
        const value = await fn(parsed.data as never, ctx)
        return { ok: true, value }
      } catch (err) {
        const storage = err instanceof AppError ? null : storageError(err)
        if (storage) {
          // English and the driver's code in the log; the envelope carries only the Vietnamese message.
          log.warn(`${ctx.requestId} ${name} storage fault ${(err as { code: string }).code}: ${(err as Error).message}`)
          return { ok: false, error: { code: storage.code, message: storage.message } }
        }
        const known = err instanceof AppError ? err : fromSqlite(err)
        if (known) {
          log.info(`${ctx.requestId} ${name} -> ${known.code}: ${known.message}`)
          return { ok: false, error: { code: known.code, message: known.message, ...(known.issues ? { issues: known.issues } : {}) } }
        }
        log.error(`${ctx.requestId} ${name} failed`, err)
        return { ok: false, error: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại' } }
      }
    }
  }
}
