/**
 * The audit log is a hash chain: each event stores the SHA-256 of the previous event and its own hash over that
 * link plus its canonical content, so editing, deleting or reordering any past event breaks every later link.
 * The domain does no I/O and no crypto: the caller passes the hash function (node:crypto in the service).
 */
export type HashFn = (text: string) => string

export const GENESIS_HASH = '0'.repeat(64)

export interface AuditContent {
  seq: number
  at: string
  kind: string
  sessionId: number | null
  actor: string
  data: unknown
}

export interface StoredEvent {
  seq: number
  at: string
  kind: string
  sessionId: number | null
  actor: string
  content: string
  prevHash: string
  hash: string
}

/** JSON with object keys sorted at every level, no spaces: one text per value. Non-JSON values are refused. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number')
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  throw new Error(`canonicalJson: unsupported ${typeof value}`)
}

export function eventHash(hash: HashFn, prevHash: string, content: string): string {
  return hash(`${prevHash}\n${content}`)
}

/** The next event of the chain, ready to insert. */
export function nextEvent(hash: HashFn, prev: { seq: number; hash: string } | null, e: Omit<AuditContent, 'seq'>): StoredEvent {
  const seq = (prev?.seq ?? 0) + 1
  const prevHash = prev?.hash ?? GENESIS_HASH
  const content = canonicalJson({ ...e, seq })
  return { seq, at: e.at, kind: e.kind, sessionId: e.sessionId, actor: e.actor, content, prevHash, hash: eventHash(hash, prevHash, content) }
}

export interface ChainCheck {
  intact: boolean
  events: number
  firstBroken: { seq: number; reason: string } | null
}

/** Walks the events in seq order and reports the first one that does not fit the chain. */
export function verifyChain(events: Iterable<StoredEvent>, hash: HashFn): ChainCheck {
  let prev: StoredEvent | null = null
  let count = 0
  for (const e of events) {
    count++
    const broken = (reason: string): ChainCheck => ({ intact: false, events: count, firstBroken: { seq: e.seq, reason } })
    const expectedSeq = (prev?.seq ?? 0) + 1
    if (e.seq !== expectedSeq) return broken(`Thiếu sự kiện: sau số ${expectedSeq - 1} là số ${e.seq}`)
    if (e.prevHash !== (prev?.hash ?? GENESIS_HASH)) return broken('Mã băm của sự kiện trước không khớp (chuỗi bị cắt hoặc sửa)')
    let parsed: AuditContent
    try {
      parsed = JSON.parse(e.content) as AuditContent
    } catch {
      return broken('Nội dung không phải JSON hợp lệ')
    }
    if (canonicalJson(parsed) !== e.content) return broken('Nội dung không ở dạng chuẩn (đã bị sửa)')
    if (parsed.seq !== e.seq || parsed.kind !== e.kind || parsed.at !== e.at || parsed.sessionId !== e.sessionId || parsed.actor !== e.actor)
      return broken('Các cột của sự kiện không khớp với nội dung đã ký băm')
    if (eventHash(hash, e.prevHash, e.content) !== e.hash) return broken('Mã băm của sự kiện không khớp nội dung (đã bị sửa)')
    prev = e
  }
  return { intact: true, events: count, firstBroken: null }
}
