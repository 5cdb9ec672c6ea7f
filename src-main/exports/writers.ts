import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { neutraliseCell, neutraliseFormula } from '../domain/formula-text'
import type { FileOut } from '../shared/api/certificates'
import type { Column } from './columns'

/**
 * Writers shared by every export: CSV per RFC 4180 with a UTF-8 BOM (Excel reads Vietnamese), XLSX sheets, file
 * envelopes. Every text cell goes through `neutraliseFormula` (docs/exports.md "Formula-like text").
 */
const BOM = '\uFEFF'

export function csvField(v: string | number | null): string {
  if (v === null) return ''
  const s = typeof v === 'number' ? String(v) : neutraliseFormula(v)
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

export function toCsv(columns: readonly Column[], rows: ReadonlyArray<Record<string, string | number | null>>): Buffer {
  const lines = [columns.map((c) => csvField(c.header)).join(','), ...rows.map((r) => columns.map((c) => csvField(r[c.key] ?? null)).join(','))]
  return Buffer.from(BOM + lines.join('\r\n') + '\r\n', 'utf8')
}

/** A sheet column as written: key, header, width and the cell format of its data cells (text keeps leading zeros). */
export interface SheetColumn {
  key: string
  header: string
  width: number
  numFmt?: string
}

export function sheetColumns(columns: readonly Column[]): SheetColumn[] {
  return columns.map((c) => ({
    key: c.key,
    header: c.header,
    width: Math.max(10, Math.min(60, c.header.length + 4)),
    ...(c.type === 'text' || c.type === 'date' ? { numFmt: '@' } : c.type === 'number' ? { numFmt: '0.00' } : {})
  }))
}

/** A row as written: text guarded like the CSV (exceljs writes formulas only from { formula } objects). */
export const guardedRow = (r: Readonly<Record<string, string | number | null>>): Record<string, string | number | null> =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutraliseCell(v)]))

export function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: ReadonlyArray<Record<string, string | number | null>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  const specs = sheetColumns(columns)
  ws.columns = specs.map((c) => ({ header: c.header, key: c.key, width: c.width }))
  ws.getRow(1).font = { bold: true }
  for (const c of specs) if (c.numFmt) ws.getColumn(c.key).numFmt = c.numFmt
  for (const r of rows) ws.addRow(guardedRow(r))
  return ws
}

export function workbook(now: Date): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'OCOP Council'
  wb.created = now
  wb.modified = now
  return wb
}

export async function xlsxBytes(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A Buffer over a worker's transferred bytes, without copying. */
export const bufferOf = (b: Uint8Array): Buffer => Buffer.from(b.buffer, b.byteOffset, b.byteLength)

export function fileOut(fileName: string, mimeType: string, bytes: Buffer): FileOut {
  return { fileName, mimeType, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, base64: bytes.toString('base64') }
}
