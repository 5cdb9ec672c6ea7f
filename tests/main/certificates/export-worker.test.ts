import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { openConnection } from '../../../src-main/db/connection'
import { PRODUCER_COLUMNS } from '../../../src-main/shared/catalogue-xlsx'
import { runXlsxInWorker } from '../../../src-main/exports/xlsx-in-worker'
import type { XlsxProgress } from '../../../src-main/exports/xlsx-jobs'
import { call, ok, tempDir } from '../../utils/core'
import { provinceCore } from '../import/workbook'

/** The export worker: progress to the total, the office answered meanwhile, errors and a crash as data. */
describe('XLSX exports in the export worker', () => {
  it('streams the catalogue with progress while the main thread keeps answering', async () => {
    const core = await provinceCore()
    const producer = await ok(core, 'producers.create', { kind: 'htx', name: 'Hợp tác xã Chè Cầu Đất', repName: 'Nguyễn Thị Hoa', repGender: 'nu', repEthnicity: 'Kinh', provinceCode: '68', communeCode: '24778' })
    for (const name of ['Chè Ô long', 'Chè xanh', '=1+2']) await ok(core, 'products.create', { producerId: producer.id, name, setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2026 })

    const steps: XlsxProgress[] = []
    const file = runXlsxInWorker(core.db, { type: 'catalogue', now: '2026-12-01T00:00:00.000Z', units: { provinces: { '68': 'Lâm Đồng' }, communes: {} }, sets: {} }, (p) => steps.push(p))
    const out = await file
    expect(steps[0]).toEqual({ done: 0, total: 4 })
    expect(steps.at(-1)).toEqual({ done: 4, total: 4 })
    expect(out).toMatchObject({ rows: 4, producers: 1, products: 3 })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(out.bytes) as unknown as ArrayBuffer)
    const products = wb.getWorksheet('Sản phẩm')!
    expect(products.rowCount).toBe(4)
    expect(products.getRow(1).font?.bold).toBe(true)
    expect(products.getColumn('B').values.slice(2)).toEqual(expect.arrayContaining([expect.stringMatching(/^68-/)]))
    // Names from the unit table the worker received; codes are text cells, as in the in-memory writer.
    const producers = wb.getWorksheet('Chủ thể')!
    const col = (key: keyof typeof PRODUCER_COLUMNS) => Object.keys(PRODUCER_COLUMNS).indexOf(key) + 1
    expect(producers.getRow(2).getCell(col('provinceName')).value).toBe('Lâm Đồng')
    expect(producers.getRow(2).getCell(col('provinceCode'))).toMatchObject({ value: '68', numFmt: '@' })

    // Through the API: the running export is listed by exports.progress (answered while the worker writes), then gone.
    const api = call(core, 'catalogue.exportXlsx', {})
    let seen: Array<{ type: string }> = []
    for (let i = 0; i < 200 && seen.length === 0; i++) {
      seen = await ok(core, 'exports.progress', {})
      if (seen.length === 0) await new Promise((r) => setTimeout(r, 5))
    }
    expect(seen).toEqual([expect.objectContaining({ type: 'catalogue' })])
    expect(await api).toMatchObject({ ok: true, value: { producers: 1, products: 3 } })
    expect(await ok(core, 'exports.progress', {})).toEqual([])
    core.close()
  }, 60_000)

  it('a failing or crashing worker becomes a Vietnamese error and the next export runs again', async () => {
    const db = openConnection(join(tempDir(), 'empty.sqlite'))
    const job = { type: 'ptnt', now: '2026-12-01T00:00:00.000Z', asOf: '2026-12-01' } as const
    await expect(runXlsxInWorker(db, job)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/^Lỗi khi xuất tệp Excel: .*certificates/) })
    // A heap too small for exceljs: the worker dies of it, the process does not.
    await expect(runXlsxInWorker(db, job, undefined, 2)).rejects.toMatchObject({ code: 'INTERNAL', message: 'Xuất tệp Excel cần quá nhiều bộ nhớ (tối đa 2 MB)' })
    await expect(runXlsxInWorker(db, job)).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringMatching(/certificates/) })
    db.close()
  }, 60_000)
})
