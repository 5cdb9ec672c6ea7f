import { candidates5, scoringMembers } from './context'
import type { DocumentInput } from './model'
import type { RenderJob } from './render-jobs'
import type { RenderService } from './render-service'

/**
 * The session pack: summary, minutes, decision with annex, the 5★ approval when there are candidates, then every
 * counted sheet. Rendered in chunks (one per document, one per product's sheets) across the pool, then merged.
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

export function packChunks(input: DocumentInput): Array<{ label: string; job: RenderJob }> {
  const doc = (kind: 'summary' | 'minutes' | 'decision' | 'approval', label: string) => ({ label, job: { type: 'document', kind, input, options: {}, format: 'pdf' } as RenderJob })
  const chunks = [doc('summary', 'Bảng tổng hợp điểm'), doc('minutes', 'Biên bản họp Hội đồng'), doc('decision', 'Quyết định công nhận và Phụ lục')]
  if (candidates5(input).length > 0) chunks.push(doc('approval', 'Quyết định phê duyệt kết quả (5 sao)'))
  const members = new Set(scoringMembers(input).map((m) => m.id))
  for (const p of input.products) {
    const items = p.sheets.filter((s) => s.counted && members.has(s.memberId)).map((s) => ({ productId: p.id, memberId: s.memberId }))
    // Each chunk carries only its product and set: the worker message is cloned, and the pack's DTO is large.
    const own: DocumentInput = { ...input, products: [p], criteriaSets: input.criteriaSets.filter((c) => c.id === p.criteriaSetId) }
    if (items.length > 0) chunks.push({ label: `Phiếu đánh giá: ${p.name}`, job: { type: 'sheets', input: own, items, variant: 'filled' } })
  }
  return chunks
}

export async function renderPack(service: RenderService, input: DocumentInput, onProgress: (p: PackProgress) => void = () => {}): Promise<PackResult> {
  const chunks = packChunks(input)
  const total = chunks.length + 1
  let done = 0
  const parts = await Promise.all(
    chunks.map(async (c) => {
      const r = await service.run(c.job)
      onProgress({ done: ++done, total, label: c.label })
      return r
    })
  )
  const pages = parts.reduce((s, p) => s + (p.pages ?? 0), 0)
  const merged = await service.run({ type: 'merge', parts: parts.map((p) => p.bytes), title: `Hồ sơ phiên họp Hội đồng OCOP ${input.session.batch}`, date: input.session.date })
  onProgress({ done: ++done, total, label: 'Ghép tệp' })
  return { bytes: merged.bytes, pages, chunks: chunks.length }
}
