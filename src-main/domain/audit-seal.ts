import { canonicalJson, type HashFn } from './audit-chain'

/**
 * The seal written into the audit chain when a session is finalized (issue 11, item 3): one hash per result row and
 * one per scoring sheet with its answers, each over the canonical JSON of what was decided. `audit verify`
 * recomputes them from the rows as they are now; a row edited directly in the file no longer matches its hash,
 * and the message names the product or the sheet. Pure: rows in, hashes and Vietnamese messages out.
 */
export interface ResultRowFacts {
  productId: number
  productCode: string | null
  productName: string | null
  producerName: string | null
  criteriaSetId: string
  criteriaVersion: string
  rating: string
  sha256: string
  status: string
  stars: number | null
  mean: number | null
  outcome: string | null
  finalizedAt: string
}

export interface SheetRowFacts {
  sheetId: number
  productId: number
  memberId: number
  scoringRound: number
  status: string
  entryMode: string
  comment: string
  knockouts: string
  total: number | null
  submittedAt: string | null
  /** criterion code → option id (null when the answer was cleared). */
  answers: Record<string, string | null>
}

export interface SessionSeal {
  /** product id → hash of the result row. */
  results: Record<string, string>
  /** sheet id → hash of the sheet and its answers. */
  sheets: Record<string, string>
}

export const resultHash = (hash: HashFn, r: ResultRowFacts): string => hash(canonicalJson({ ...r }))
export const sheetHash = (hash: HashFn, s: SheetRowFacts): string => hash(canonicalJson({ ...s }))

export function sealOf(hash: HashFn, results: readonly ResultRowFacts[], sheets: readonly SheetRowFacts[]): SessionSeal {
  return {
    results: Object.fromEntries(results.map((r) => [String(r.productId), resultHash(hash, r)])),
    sheets: Object.fromEntries(sheets.map((s) => [String(s.sheetId), sheetHash(hash, s)]))
  }
}

/** How the messages name things: the service knows product codes and member names. */
export interface SealLabels {
  product(productId: number): string
  sheet(sheetId: number): string
}

/** Vietnamese findings, one per result or sheet that was changed, added or removed since the seal. */
export function compareSeal(recorded: SessionSeal, now: SessionSeal, labels: SealLabels): string[] {
  const out: string[] = []
  const diff = (a: Record<string, string>, b: Record<string, string>, name: (id: number) => string, what: string): void => {
    for (const [id, h] of Object.entries(a)) {
      if (!(id in b)) out.push(`${what} ${name(Number(id))} đã bị xóa sau khi chốt`)
      else if (b[id] !== h) out.push(`${what} ${name(Number(id))} đã bị sửa sau khi chốt (không khớp mã băm niêm phong)`)
    }
    for (const id of Object.keys(b)) if (!(id in a)) out.push(`${what} ${name(Number(id))} được thêm sau khi chốt`)
  }
  diff(recorded.results, now.results, labels.product, 'Kết quả của sản phẩm')
  diff(recorded.sheets, now.sheets, labels.sheet, 'Phiếu chấm')
  return out
}

/**
 * The chain head anchored outside the database (documents, backup manifests, the verify screen): the event number
 * and the first 16 hex digits (64 bits) of its hash, e.g. "128-9F3A2C1B7D4E0A55". The number lets a reader see how
 * far the chain had grown; the digits cannot be matched by a rewritten chain.
 */
export const HEAD_HEX = 16
export const formatHead = (seq: number, hash: string): string => `${seq}-${hash.slice(0, HEAD_HEX).toUpperCase()}`

/** "128-9f3a…", "128 9F3A…" or "#128:9F3A…" → { seq, prefix }; null when it is not a head. */
export function parseHead(text: string): { seq: number; prefix: string } | null {
  const m = /^#?(\d{1,12})[\s:.-]*([0-9a-f]{16})$/i.exec(text.trim())
  if (!m) return null
  return { seq: Number(m[1]), prefix: (m[2] as string).toLowerCase() }
}
