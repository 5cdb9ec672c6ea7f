import type { z } from 'zod'
import { boundaryInput } from '../input-limits'
import '../zod-vi'

export type Role = 'local' | 'secretary' | 'member'

export interface MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'command'
  roles: readonly Role[]
  input: I
  output: O
  /** Largest HTTP body accepted for this method in browser mode, when above the server's default. */
  bodyLimit?: number
}

/** Every method's input in its boundary form: unknown keys rejected, strings and lists bounded (input-limits.ts). */
export const method = <I extends z.ZodType, O extends z.ZodType>(spec: MethodSpec<I, O>): MethodSpec<I, O> => ({ ...spec, input: boundaryInput(spec.input) })

export const ALL_ROLES = ['local', 'secretary', 'member'] as const
export const OFFICE_ROLES = ['local', 'secretary'] as const

/** The one role check, used by the registry and, before any body is read, by the browser-mode server. */
export const roleMayCall = (spec: Pick<MethodSpec, 'roles'>, role: Role): boolean => spec.roles.includes(role)
