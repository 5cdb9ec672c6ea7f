import { parentPort } from 'node:worker_threads'
import { AppError } from '../../shared/result'
import { readCatalogueWorkbook } from './read-workbook'
import { checkWorkbookLimits } from './workbook-guard'

/**
 * The import worker: checks an uploaded workbook against the import limits and reads its two data sheets, off the
 * main thread, so a huge or hostile file cannot stall the other requests. One request per worker; read-in-worker.ts
 * starts it with a bounded heap and ends it after the answer or on time-out.
 */
export type ReadReply = { ok: true; raw: Awaited<ReturnType<typeof readCatalogueWorkbook>> } | { ok: false; code: AppError['code']; message: string }

const port = parentPort
if (!port) throw new Error('read-worker must run as a worker thread')
port.once('message', (bytes: Uint8Array) => {
  void (async (): Promise<ReadReply> => {
    try {
      checkWorkbookLimits(bytes)
      return { ok: true, raw: await readCatalogueWorkbook(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, code: e.code, message: e.message }
      return { ok: false, code: 'INTERNAL', message: (e as Error).message }
    }
  })().then((reply) => port.postMessage(reply))
})
