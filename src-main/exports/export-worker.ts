import { parentPort, workerData } from 'node:worker_threads'
import { openConnection } from '../db/connection'
import { AppError } from '../shared/result'
import { runXlsxJob, type XlsxJob, type XlsxJobResult, type XlsxProgress } from './xlsx-jobs'

/**
 * The export worker: writes one large XLSX export (xlsx-jobs.ts) off the main thread, reading the database through
 * its own read-only connection (WAL lets it read beside the app's writer) in one read transaction, so every sheet
 * shows the same moment. Started per export by xlsx-in-worker.ts with `workerData: { file, job }`; it posts progress,
 * then the file (transferred) or an error, and ends.
 */
export type ExportWorkerMessage =
  | ({ kind: 'progress' } & XlsxProgress)
  | ({ kind: 'done' } & XlsxJobResult)
  | { kind: 'error'; code: AppError['code']; message: string }

const port = parentPort
if (!port) throw new Error('export-worker must run as a worker thread')
const { file, job } = workerData as { file: string; job: XlsxJob }

async function run(): Promise<XlsxJobResult> {
  const db = openConnection(file, { readonly: true })
  try {
    db.exec('BEGIN')
    return await runXlsxJob(db, job, (p) => port!.postMessage({ kind: 'progress', ...p } satisfies ExportWorkerMessage))
  } finally {
    db.close()
  }
}

run().then(
  (r) => {
    // Its own ArrayBuffer, so transferring it cannot detach Node's shared Buffer pool.
    const bytes = r.bytes.byteOffset === 0 && r.bytes.byteLength === r.bytes.buffer.byteLength ? r.bytes : new Uint8Array(r.bytes)
    port.postMessage({ ...r, kind: 'done', bytes } satisfies ExportWorkerMessage, [bytes.buffer as ArrayBuffer])
  },
  (e: unknown) =>
    port.postMessage((e instanceof AppError ? { kind: 'error', code: e.code, message: e.message } : { kind: 'error', code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }) satisfies ExportWorkerMessage)
)
