import type { z } from 'zod'

/** Mantine form validation from the contract's zod schema, so the form shows exactly the server's rules inline. */
export function zodValidate<T>(schema: z.ZodType) {
  return (values: T): Record<string, string> => {
    const r = schema.safeParse(values)
    if (r.success) return {}
    const errors: Record<string, string> = {}
    for (const i of r.error.issues) {
      const path = i.path.map(String).join('.')
      if (!(path in errors)) errors[path] = i.message
    }
    return errors
  }
}
