import { candidates5, scoringMembers } from './context'
import type { DocumentInput } from './model'
import type { RenderJob } from './render-jobs'
import type { RenderResult, RenderService } from './render-service'

/**
 * The session pack: summary, minutes, decision with annex, the 5★ approval when there are candidates, then every
 * counted sheet. Rendered in chunks (one per document, a few large ones for the sheets) across the pool, then merged.
 */
export interface PackProgress {
  done: number
  total: number
  label: string
}

export interface PackResult {
  bytes: Uint8Array
  pages: number
  chunks: number
}

/** Sheets per pack chunk, about: big enough that each chunk embeds its fonts once for many sheets, small enough for progress. */
const SHEETS_PER_CHUNK = 120

/**
 * Contiguous runs of products with about `total / n` sheets each, n even so the two workers get equal shares; the
 * sheets (pdfkit, sheet-pdfkit.ts) are 90 % of the pack's work.
 */
function sheetGroups(products: ReadonlyArray<{ count: number }>): number[][] {
  const total = products.reduce((s, p) => s + p.count, 0)
  const n = Math.min(products.length, 2 * Math.max(1, Math.ceil(total / (2 * SHEETS_PER_CHUNK))))
  const groups: number[][] = []
  let done = 0
  let current: number[] = []
  products.forEach((p, i) => {
    current.push(i)
    done += p.count
    if (done >= ((groups.length + 1) * total) / n && groups.length < n - 1) {
      groups.push(current)
      current = []
    }
  })
  if (current.length > 0) groups.push(current)
  return groups
}

export function packChunks(input: DocumentInput): Array<{ label: string; job: RenderJob }> {
  const doc = (kind: 'summary' | 'minutes' | 'decision' | 'approval', label: string) => ({ label, job: { type: 'document', kind, input, options: {}, format: 'pdf' } as RenderJob })
  const chunks = [doc('summary', 'Bảng tổng hợp điểm'), doc('minutes', 'Biên bản họp Hội đồng'), doc('decision', 'Quyết định công nhận và Phụ lục')]
  if (candidates5(input).length > 0) chunks.push(doc('approval', 'Quyết định phê duyệt kết quả (5 sao)'))
  const members = new Set(scoringMembers(input).map((m) => m.id))
  const scored = input.products
    .map((p) => ({ p, items: p.sheets.filter((s) => s.counted && members.has(s.memberId)).map((s) => ({ productId: p.id, memberId: s.memberId })) }))
    .filter((x) => x.items.length > 0)
  for (const group of sheetGroups(scored.map((x) => ({ count: x.items.length })))) {
    const mine = group.map((i) => scored[i]!)
    const sets = new Set(mine.map((x) => x.p.criteriaSetId))
    // Each chunk carries only its products and sets: the worker message is cloned, and the pack's DTO is large.
    const own: DocumentInput = { ...input, products: mine.map((x) => x.p), criteriaSets: input.criteriaSets.filter((c) => sets.has(c.id)) }
    const first = mine[0]!.p.name
    const label = mine.length === 1 ? `Phiếu đánh giá: ${first}` : `Phiếu đánh giá: ${first} và ${mine.length - 1} sản phẩm khác`
    chunks.push({ label, job: { type: 'sheets', input: own, items: mine.flatMap((x) => x.items), variant: 'filled' } })
  }
  return chunks
}

export async function renderPack(service: RenderService, input: DocumentInput, onProgress: (p: PackProgress) => void = () => {}): Promise<PackResult> {
  const chunks = packChunks(input)
  const total = chunks.length + 1
  let done = 0
  // The big sheet chunks are queued first, so the small documents fill in at the end and both workers finish together.
  const order = chunks.map((_, i) => i).sort((a, b) => Number(chunks[a]!.job.type !== 'sheets') - Number(chunks[b]!.job.type !== 'sheets'))
  const running: Array<Promise<RenderResult>> = []
  for (const i of order)
    running[i] = service.run(chunks[i]!.job).then((r) => {
      onProgress({ done: ++done, total, label: chunks[i]!.label })
      return r
    })
  const parts = await Promise.all(running)
  const pages = parts.reduce((s, p) => s + (p.pages ?? 0), 0)
  const merged = await service.run({ type: 'merge', parts: parts.map((p) => p.bytes), title: `Hồ sơ phiên họp Hội đồng OCOP ${input.session.batch}`, date: input.session.date })
  onProgress({ done: ++done, total, label: 'Ghép tệp' })
  return { bytes: merged.bytes, pages, chunks: chunks.length }
}
