/**
 * Page addresses inside one area (the part after `#/<area>`), as plain data: a list screen and its records.
 * Pure, so the same mapping is used by the screens, the sidebar and the tests.
 */
export type RecordView = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: number } | { kind: 'edit'; id: number }

const ID = /^[1-9]\d{0,9}$/

/** `/` list · `/new` · `/42` record · `/42/edit`; anything else is the list (an old bookmark still lands somewhere). */
export function parseRecordView(path: string): RecordView {
  const [a, b, ...rest] = segments(path)
  if (a === undefined || rest.length) return { kind: 'list' }
  if (a === 'new' && b === undefined) return { kind: 'new' }
  if (!ID.test(a)) return { kind: 'list' }
  if (b === undefined) return { kind: 'detail', id: Number(a) }
  return b === 'edit' ? { kind: 'edit', id: Number(a) } : { kind: 'list' }
}

export function recordPath(v: RecordView): string {
  switch (v.kind) {
    case 'list': return '/'
    case 'new': return '/new'
    case 'detail': return `/${v.id}`
    case 'edit': return `/${v.id}/edit`
  }
}

/** `/<id>/<tab>` of a record with tabs (a session): the id, and the tab when it is one of `tabs`. */
export function parseTabbedRecord<T extends string>(path: string, tabs: readonly T[]): { id: number | null; tab: T | null } {
  const [a, b] = segments(path)
  const id = a !== undefined && ID.test(a) ? Number(a) : null
  return { id, tab: id !== null && b !== undefined && (tabs as readonly string[]).includes(b) ? (b as T) : null }
}

/** The first path segment, decoded (a tab of a page, a criteria set id). */
export function firstSegment(path: string): string | null {
  return segments(path)[0] ?? null
}

function segments(path: string): string[] {
  return path.split('?')[0]!.split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  })
}
