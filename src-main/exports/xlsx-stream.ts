import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import { guardedRow, type SheetColumn } from './writers'

/**
 * The streaming XLSX writer of the large exports (catalogue, PTNT_OCOP, national record): exceljs's
 * `stream.xlsx.WorkbookWriter`, each row committed as it is written, so only the zip's output and the shared-string
 * table stay in memory, not a workbook model of every cell. Same cells, formats and guards as `addSheet`.
 */
export type XlsxRow = Readonly<Record<string, string | number | null>>

/** Rows between two progress reports (and two turns of the event loop, which let the zip stream drain). */
const BATCH = 500

export class XlsxStreamWriter {
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter
  private readonly chunks: Buffer[] = []
  private written = 0

  constructor(
    now: Date,
    /** Called every BATCH rows and at the end of each sheet with the data rows written so far. */
    private readonly onRows: (written: number) => void = () => undefined
  ) {
    const out = new PassThrough()
    out.on('data', (c: Buffer) => this.chunks.push(c))
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true })
    this.wb.creator = 'OCOP Council'
    this.wb.created = now
    this.wb.modified = now
  }

  /** A sheet of label/value lines, without header or formats (the catalogue's "Thông tin"). */
  lines(name: string, rows: ReadonlyArray<ReadonlyArray<string | number>>): void {
    const ws = this.wb.addWorksheet(name)
    for (const r of rows) ws.addRow([...r]).commit()
    ws.commit()
  }

  /** A data sheet: bold frozen header, column formats, one committed row per item; returns the rows written. */
  async sheet(name: string, columns: readonly SheetColumn[], rows: Iterable<XlsxRow>): Promise<number> {
    const ws = this.wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
    // A column's style reaches the cells created after it (header included), as `getColumn().numFmt` does in addSheet.
    ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: c.width, ...(c.numFmt ? { style: { numFmt: c.numFmt } } : {}) }))
    ws.getRow(1).font = { bold: true }
    let n = 0
    for (const r of rows) {
      ws.addRow(guardedRow(r)).commit()
      n++
      if (++this.written % BATCH === 0) {
        this.onRows(this.written)
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
    }
    ws.commit()
    this.onRows(this.written)
    return n
  }

  /** Ends the workbook and returns the file. */
  async finish(): Promise<Buffer> {
    await this.wb.commit()
    return Buffer.concat(this.chunks)
  }
}
