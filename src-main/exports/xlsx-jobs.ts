import type { DB } from '../db/connection'
import type { AdminUnits, UnitNames } from '../services/admin-units-service'
import { catalogueRowCount, writeCatalogue } from '../services/catalogue-export'
import { NATIONAL_COLUMNS, PTNT_OCOP_COLUMNS } from './columns'
import { certificateCount, nationalRecordsIter, nationalRow, ptntOcopIter } from './data'
import { sheetColumns } from './writers'
import { XlsxStreamWriter } from './xlsx-stream'

/**
 * The XLSX exports the export worker writes (structured-clone safe: dates as ISO text, lookups as plain tables).
 * `runXlsxJob` is the whole job on a connection; export-worker.ts runs it on its own read-only one.
 */
export interface UnitTable {
  provinces: Record<string, string>
  communes: Record<string, string>
}

export type XlsxJob =
  | { type: 'catalogue'; now: string; units: UnitTable; sets: Record<string, { no: number; name: string }>; provinceBody?: string }
  | { type: 'ptnt'; now: string; asOf: string }
  | { type: 'national'; now: string; asOf: string; units: UnitTable }

export interface XlsxJobResult {
  bytes: Uint8Array
  /** Data rows written (all sheets). */
  rows: number
  producers?: number
  products?: number
}

export interface XlsxProgress {
  done: number
  total: number
}

/** Province and commune names by code, all of them (a few thousand short strings). */
export function unitTable(units: AdminUnits): UnitTable {
  const t: UnitTable = { provinces: {}, communes: {} }
  for (const p of units.provinces()) {
    t.provinces[p.code] = p.name
    for (const c of units.communes(p.code)) t.communes[c.code] = c.name
  }
  return t
}

function unitNames(t: UnitTable): UnitNames {
  const hit = (names: Record<string, string>, code: string) => (Object.hasOwn(names, code) ? { name: names[code]! } : undefined)
  return { province: (code) => hit(t.provinces, code), commune: (code) => hit(t.communes, code) }
}

export async function runXlsxJob(db: DB, job: XlsxJob, onProgress: (p: XlsxProgress) => void = () => undefined): Promise<XlsxJobResult> {
  const total = job.type === 'catalogue' ? catalogueRowCount(db) : certificateCount(db)
  const out = new XlsxStreamWriter(new Date(job.now), (done) => onProgress({ done: Math.min(done, total), total }))
  onProgress({ done: 0, total })
  switch (job.type) {
    case 'catalogue': {
      const sets = job.sets
      const counts = await writeCatalogue(out, db, unitNames(job.units), (id) => (Object.hasOwn(sets, id) ? sets[id] : undefined), new Date(job.now), job.provinceBody)
      return { bytes: await out.finish(), rows: total, ...counts }
    }
    case 'ptnt': {
      const rows = await out.sheet('PTNT_OCOP', sheetColumns(PTNT_OCOP_COLUMNS), ptntOcopIter(db, job.asOf))
      return { bytes: await out.finish(), rows }
    }
    case 'national': {
      const records = nationalRecordsIter(db, unitNames(job.units), job.asOf)
      const rows = await out.sheet('San pham OCOP', sheetColumns(NATIONAL_COLUMNS), (function* () {
        for (const r of records) yield nationalRow(r)
      })())
      onProgress({ done: total, total })
      return { bytes: await out.finish(), rows }
    }
  }
}
