/**
 * Document figures (issue 6): the pack of a 60-product session × 9 scoring members (540 filled sheets + summary +
 * minutes + decision with annex + 5★ approval), rendered in chunks across the two-worker pool and merged; against
 * pdfkit drawing the same 540 sheets directly with fixed-height rows on one thread (the cheapest drawing possible).
 * Medians of a few runs, since the machine is shared. Prints figures, asserts nothing.
 */
import { readFileSync } from 'node:fs'
import os from 'node:os'
import { resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import PDFKit from 'pdfkit'
import { scoringMembers } from '../src-main/documents/context'
import { lamDongFixture } from '../src-main/documents/fixtures/lam-dong'
import type { DocumentInput } from '../src-main/documents/model'
import { renderPack, type PackResult } from '../src-main/documents/pack'
import { TINOS_FILES } from '../src-main/documents/render'
import { createRenderService } from '../src-main/documents/render-service'
import { renderSheetsPdf } from '../src-main/documents/sheet-pdfkit'
import { isLeaf, type CriteriaFile, type CriteriaSet } from '../src-main/shared/criteria'

const RESOURCES = resolve(__dirname, '../resources')
const FONTS = resolve(RESOURCES, 'fonts')
const MM = 72 / 25.4

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024)
/** CPU seconds of the whole process (all threads): wall time is unreliable on a shared, loaded machine. */
const cpuSeconds = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1e6
}

/** The same sheets as sheet-pdfkit.ts, drawn row by row at a fixed height: the fastest possible baseline. */
function pdfkitSheets(input: DocumentInput): Promise<{ bytes: number; pages: number }> {
  const doc = new PDFKit({ size: 'A4', margins: { top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM }, autoFirstPage: false, info: { CreationDate: new Date('2026-07-28T00:00:00Z') } })
  doc.registerFont('R', resolve(FONTS, TINOS_FILES.normal))
  doc.registerFont('B', resolve(FONTS, TINOS_FILES.bold))
  const left = 30 * MM
  const width = 595.28 - 45 * MM
  const bottom = 841.89 - 20 * MM
  const ROW = 13
  let pages = 0
  let y = 0
  const page = () => {
    doc.addPage()
    pages++
    y = 20 * MM
  }
  const row = (text: string, points: string, bold = false, box: boolean | null = null) => {
    if (y + ROW > bottom) page()
    doc.rect(left, y, width, ROW).lineWidth(0.5).stroke()
    if (box !== null) {
      doc.rect(left + 3, y + 3, 7, 7).stroke()
      if (box) doc.moveTo(left + 3, y + 3).lineTo(left + 10, y + 10).moveTo(left + 10, y + 3).lineTo(left + 3, y + 10).stroke()
    }
    doc.font(bold ? 'B' : 'R').fontSize(10).text(text, left + 14, y + 2, { width: width - 70, height: ROW, lineBreak: false, ellipsis: true })
    doc.text(points, left + width - 50, y + 2, { width: 46, align: 'center', lineBreak: false })
    y += ROW
  }
  const sets = new Map(input.criteriaSets.map((s) => [s.id, s]))
  const members = new Set(scoringMembers(input).map((m) => m.id))
  for (const p of input.products) {
    const set = sets.get(p.criteriaSetId)!
    for (const sheet of p.sheets.filter((s) => s.counted && members.has(s.memberId))) {
      page()
      doc.font('B').fontSize(13).text(`BỘ TIÊU CHÍ SỐ ${set.no}: ${set.name}`.toLocaleUpperCase('vi'), left, y, { width, align: 'center' })
      y = doc.y + 4
      for (const line of [`Tên sản phẩm: ${p.name}`, `Mã số sản phẩm: ${p.code}`, `Tên chủ thể sản xuất: ${p.producer}`, `Địa chỉ: ${p.address}`]) {
        doc.font('R').fontSize(12).text(line, left, y)
        y = doc.y
      }
      for (const part of set.parts) {
        row(`PHẦN ${part.code}: ${part.title}`, String(part.maxPoints), true)
        for (const section of part.sections) {
          row(`${section.code}. ${section.title}`, String(section.maxPoints), true)
          for (const c of section.criteria)
            for (const leaf of isLeaf(c) ? [c] : c.subCriteria) {
              row(`${leaf.code}. ${leaf.text}`, String(leaf.maxPoints), true)
              for (const o of leaf.options) row(o.text, String(o.points), sheet.answers[leaf.code] === o.id, sheet.answers[leaf.code] === o.id)
            }
        }
        row(`Cộng phần ${part.code}`, `${sheet.parts[part.code]}/${part.maxPoints}`, true)
      }
      row('TỔNG CỘNG', `${sheet.total}/100`, true)
    }
  }
  return new Promise((res) => {
    let bytes = 0
    doc.on('data', (c: Buffer) => (bytes += c.length))
    doc.on('end', () => res({ bytes, pages }))
    doc.end()
  })
}

const RUNS = 3
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

/** Wall and CPU time of one call; CPU covers every thread of the process, the pool's workers included. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const [t0, c0] = [performance.now(), cpuSeconds()]
  const value = await f()
  return { value, ms: performance.now() - t0, cpu: cpuSeconds() - c0 }
}

export async function benchDocuments(): Promise<void> {
  const file = JSON.parse(readFileSync(resolve(RESOURCES, 'criteria', 'qd26-2026.json'), 'utf8')) as CriteriaFile
  const getSet = (id: string): CriteriaSet => file.sets.find((s) => s.id === id)!
  const input = lamDongFixture(getSet, { products: 60, members: 9 })
  const sheets = input.products.reduce((n, p) => n + p.sheets.filter((s) => s.counted).length, 0)
  console.log(`session: ${input.products.length} products, ${scoringMembers(input).length} scoring members, ${sheets} counted sheets; load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)

  const service = createRenderService({ fontsDir: FONTS, size: 2 })
  try {
    // Warm-up: worker start, fonts and module loading are paid once per process, not per pack.
    for (let i = 0; i < 2; i++) await renderPack(service, { ...input, products: input.products.slice(0, 4) })
    const packs: Array<{ ms: number; cpu: number; mergeMs: number }> = []
    const kits: Array<{ ms: number; cpu: number }> = []
    let last: PackResult | null = null
    let kitLast = { bytes: 0, pages: 0 }
    let packRss = 0
    for (let r = 0; r < RUNS; r++) {
      let chunksDone = 0
      const pack = await timed(() =>
        renderPack(service, input, (p) => {
          if (p.done === p.total - 1) chunksDone = performance.now()
        })
      )
      const end = performance.now()
      packs.push({ ms: pack.ms, cpu: pack.cpu, mergeMs: end - chunksDone })
      last = pack.value
      if (r === 0) packRss = peakRssMb()
      const kit = await timed(() => pdfkitSheets(input))
      kits.push({ ms: kit.ms, cpu: kit.cpu })
      kitLast = kit.value
      console.log(`  run ${r + 1}: pack ${secs(pack.ms)} wall / ${pack.cpu.toFixed(1)} s CPU (merge ${secs(end - chunksDone)}); pdfkit direct ${secs(kit.ms)} wall / ${kit.cpu.toFixed(1)} s CPU; load ${os.loadavg()[0]!.toFixed(1)}`)
    }
    const [packMs, packCpu, mergeMs] = [median(packs.map((p) => p.ms)), median(packs.map((p) => p.cpu)), median(packs.map((p) => p.mergeMs))]
    const [kitMs, kitCpu] = [median(kits.map((k) => k.ms)), median(kits.map((k) => k.cpu))]
    const pack = last!
    console.log(
      `pack (2 workers: sheets with pdfkit, other documents with pdfmake; ${pack.chunks} chunks + merge), median of ${RUNS}: ${secs(packMs)} wall, ${packCpu.toFixed(1)} s CPU, ${pack.pages} pages, ${(pack.pages / (packMs / 1000)).toFixed(1)} pages/s, ${(pack.bytes.byteLength / 1e6).toFixed(1)} MB; merge (pdf-lib) ${secs(mergeMs)}`
    )
    console.log(`pdfkit direct (1 thread, same ${sheets} sheets, fixed rows, text cut to one line), median: ${secs(kitMs)} wall, ${kitCpu.toFixed(1)} s CPU, ${kitLast.pages} pages, ${(kitLast.pages / (kitMs / 1000)).toFixed(1)} pages/s, ${(kitLast.bytes / 1e6).toFixed(1)} MB`)
    console.log(`ratio pack / pdfkit direct: ${(packMs / kitMs).toFixed(2)}× wall (target ≤ 2×), ${(packCpu / kitCpu).toFixed(2)}× CPU; load average now ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`)
    console.log(`peak RSS (main thread + 2 workers: one process) after the first pack: ${packRss} MB`)
  } finally {
    await service.close()
  }

  // After the packs, so it does not count in their peak memory: the sheets' one renderer alone.
  const all = input.products.flatMap((p) => p.sheets.filter((s) => s.counted).map((s) => ({ productId: p.id, memberId: s.memberId })))
  const full = await timed(() => renderSheetsPdf(FONTS, input, all, 'filled', 'x'))
  console.log(`sheet-pdfkit.ts alone, 1 thread, all ${all.length} full sheets in one document: ${secs(full.ms)} wall, ${full.cpu.toFixed(1)} s CPU, ${(full.value.byteLength / 1e6).toFixed(1)} MB`)
}
