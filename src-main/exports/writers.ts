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

export function addSheet(wb: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: ReadonlyArray<Record<string, string | number | null>>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] })
  ws.columns = columns.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, Math.min(60, c.header.length + 4)) }))
  ws.getRow(1).font = { bold: true }
  for (const c of columns) {
    if (c.type === 'text' || c.type === 'date') ws.getColumn(c.key).numFmt = '@'
    if (c.type === 'number') ws.getColumn(c.key).numFmt = '0.00'
  }
  // Text stays a plain string cell (exceljs writes formulas only from { formula } objects), guarded like the CSV.
  for (const r of rows) ws.addRow(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, neutraliseCell(v)])))
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

export function fileOut(fileName: string, mimeType: string, bytes: Buffer): FileOut {
  return { fileName, mimeType, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, base64: bytes.toString('base64') }
}
