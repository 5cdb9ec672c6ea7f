import { Worker } from 'node:worker_threads'
import type { DB } from '../db/connection'
import { locateWorker } from '../documents/render-service'
import type { AdminUnits } from '../services/admin-units-service'
import type { SetNames } from '../services/catalogue-export'
import { AppError } from '../shared/result'
import type { ExportWorkerMessage } from './export-worker'
import { bufferOf } from './writers'
import { unitTable, type XlsxJob, type XlsxJobResult, type XlsxProgress } from './xlsx-jobs'

/**
 * Runs one XLSX export in a worker thread (export-worker.ts): the main thread keeps answering while 20,000 products
 * are written, and the worker's memory is returned when it ends. Its heap is bounded; an error, a crash or running
 * out of memory in the worker becomes a Vietnamese AppError and never ends the process.
 */
export const EXPORT_WORKER_HEAP_MB = 512

/** The exports running in this process, for the progress the office sees (`exports.progress`). */
const running = new Map<number, { type: XlsxJob['type'] } & XlsxProgress>()
let nextId = 1
export const runningExports = (): Array<{ type: XlsxJob['type'] } & XlsxProgress> => [...running.values()].map((r) => ({ ...r }))

/** Runs the job in a worker, listed in `runningExports` until it ends. */
export async function exportInWorker(db: DB, job: XlsxJob): Promise<XlsxJobResult> {
  const id = nextId++
  running.set(id, { type: job.type, done: 0, total: 0 })
  try {
    return await runXlsxInWorker(db, job, (p) => running.set(id, { type: job.type, ...p }))
  } finally {
    running.delete(id)
  }
}

export async function runXlsxInWorker(db: DB, job: XlsxJob, onProgress: (p: XlsxProgress) => void = () => undefined, heapMb = EXPORT_WORKER_HEAP_MB): Promise<XlsxJobResult> {
  if (db.memory) throw new AppError('INTERNAL', 'Lỗi khi xuất tệp Excel: cơ sở dữ liệu không nằm trong tệp')
  const w = locateWorker(__dirname, 'export-worker')
  const worker = new Worker(w.entry, { eval: w.eval, workerData: { file: db.name, job }, resourceLimits: { maxOldGenerationSizeMb: heapMb } })
  return new Promise<XlsxJobResult>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      void worker.terminate()
      fn()
    }
    worker.on('message', (m: ExportWorkerMessage) => {
      if (m.kind === 'progress') return onProgress({ done: m.done, total: m.total })
      settle(() => {
        if (m.kind === 'done') {
          const { kind: _kind, ...result } = m
          resolve(result)
        } else reject(new AppError(m.code, m.code === 'INTERNAL' ? `Lỗi khi xuất tệp Excel: ${m.message}` : m.message))
      })
    })
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          new AppError(
            'INTERNAL',
            err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `Xuất tệp Excel cần quá nhiều bộ nhớ (tối đa ${heapMb} MB)` : `Lỗi khi xuất tệp Excel: ${err.message}`
          )
        )
      )
    )
    worker.on('exit', (code) => settle(() => reject(new AppError('INTERNAL', `Lỗi khi xuất tệp Excel: tiến trình xuất dừng bất thường (mã ${code})`))))
  })
}

/** The catalogue workbook (services/catalogue-export.ts), written by the export worker. */
export async function exportCatalogueInWorker(
  db: DB,
  units: AdminUnits,
  sets: SetNames,
  now: Date,
  provinceBody?: string
): Promise<{ buffer: Buffer; producers: number; products: number }> {
  const table: Record<string, { no: number; name: string }> = {}
  for (const id of db.prepare('SELECT DISTINCT set_id FROM products').pluck().all() as string[]) {
    const s = sets(id)
    if (s) table[id] = { no: s.no, name: s.name }
  }
  const out = await exportInWorker(db, { type: 'catalogue', now: now.toISOString(), units: unitTable(units), sets: table, ...(provinceBody ? { provinceBody } : {}) })
  return { buffer: bufferOf(out.bytes), producers: out.producers ?? 0, products: out.products ?? 0 }
}
