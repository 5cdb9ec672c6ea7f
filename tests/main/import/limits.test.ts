import type { Core } from '../../../src-main/core'
import { IMPORT_LIMITS } from '../../../src-main/shared/input-limits'
import { call } from '../../utils/core'
import { catalogueWithProducts, lieAboutSize, xmlBomb } from './raw-xlsx'
import { provinceCore } from './workbook'

/**
 * Import limits (issue 11, item 12): an over-limit file is refused before exceljs builds its cells, inside a worker
 * with a bounded heap, while the office keeps answering. Memory is the process RSS (the worker is a thread of it),
 * sampled every 10 ms; bounds are generous (before: 706 MB for 100,000 rows, ~1.1 GB for the 96 MB bomb). Time is
 * printed only; the figures live in bench/ (npm run bench -- import).
 */
async function previewWhileServing(core: Core, bytes: Buffer) {
  const rss0 = process.memoryUsage().rss
  let peak = rss0
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10)
  let done = false
  let served = 0
  let worstGap = 0
  // Other requests keep being answered while the workbook is read.
  const other = (async () => {
    while (!done) {
      const t = performance.now()
      const r = await call(core, 'criteria.list', {})
      if (r.ok) served++
      worstGap = Math.max(worstGap, performance.now() - t)
      await new Promise((res) => setTimeout(res, 5))
    }
  })()
  const t0 = performance.now()
  const r = await call(core, 'catalogueImport.preview', { fileName: 'lon.xlsx', contentBase64: bytes.toString('base64') })
  const ms = performance.now() - t0
  done = true
  await other
  clearInterval(sampler)
  return { r, ms, peakMb: (peak - rss0) / 1024 / 1024, served, worstGap }
}

describe('catalogue import limits', () => {
  it('a 100,000-row products sheet is refused on its row count with bounded memory', async () => {
    const core = await provinceCore()
    const bytes = catalogueWithProducts(100_000)
    expect(bytes.length).toBeLessThan(IMPORT_LIMITS.fileBytes)
    const { r, ms, peakMb, served, worstGap } = await previewWhileServing(core, bytes)
    console.log(`import limits: 100,000 rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB file) refused in ${ms.toFixed(0)} ms, peak RSS +${peakMb.toFixed(0)} MB, ${served} other requests answered (worst ${worstGap.toFixed(0)} ms)`)
    expect(!r.ok && r.error).toEqual({ code: 'VALIDATION', message: 'Sheet «Sản phẩm» có quá nhiều dòng (tối đa 20.000)' })
    expect(peakMb).toBeLessThan(400)
    expect(served).toBeGreaterThan(0)
    core.close()
  }, 120_000)

  it('a sheet inflating to 96 MB of XML is refused from the sizes the zip declares, before inflating', async () => {
    const core = await provinceCore()
    const bytes = xmlBomb(96)
    expect(bytes.length).toBeLessThan(1024 * 1024)
    const { r, ms, peakMb } = await previewWhileServing(core, bytes)
    console.log(`import limits: 96 MB sheet XML in a ${(bytes.length / 1024).toFixed(0)} KB file refused in ${ms.toFixed(0)} ms, peak RSS +${peakMb.toFixed(0)} MB`)
    expect(!r.ok && r.error.message).toMatch(/^Tệp quá lớn khi giải nén \(9[67] MB dữ liệu; tối đa 64 MB\): hãy chia tệp/)
    expect(peakMb).toBeLessThan(300)
    core.close()
  }, 120_000)

  it('a zip that declares a small size for the same 96 MB sheet is refused too', async () => {
    const core = await provinceCore()
    const bytes = lieAboutSize(xmlBomb(96), 'xl/worksheets/sheet2.xml', 1000)
    const { r, ms, peakMb } = await previewWhileServing(core, bytes)
    console.log(`import limits: lying zip refused in ${ms.toFixed(0)} ms, peak RSS +${peakMb.toFixed(0)} MB: ${!r.ok && r.error.message}`)
    expect(!r.ok && r.error.code).toBe('VALIDATION')
    expect(!r.ok && r.error.message).toMatch(/^(Tệp quá lớn khi giải nén|Tệp cần quá nhiều bộ nhớ|Không đọc được tệp)/)
    core.close()
  }, 120_000)

  it('a file with exactly the row limit is still read', async () => {
    const core = await provinceCore()
    const r = await call(core, 'catalogueImport.preview', { fileName: 'du.xlsx', contentBase64: catalogueWithProducts(IMPORT_LIMITS.rowsPerSheet).toString('base64') })
    expect(r.ok && r.value.products).toBe(IMPORT_LIMITS.rowsPerSheet)
    core.close()
  }, 120_000)
})
