import { Worker } from 'node:worker_threads'
import { locateWorker } from '../../documents/render-service'
import type { RawWorkbook } from '../../domain/catalogue-import'
import { IMPORT_LIMITS } from '../../shared/input-limits'
import { AppError } from '../../shared/result'
import type { ReadReply } from './read-worker'
import { checkDeclaredSizes } from './workbook-guard'

/**
 * Reads an uploaded workbook in a worker thread (read-worker.ts) with a bounded heap and a time limit: the office's
 * other requests keep being answered while it runs, and a file that needs more memory or time than a real catalogue
 * is refused with a Vietnamese message instead of taking the process down.
 */
export interface ReadLimits {
  seconds: number
  heapMb: number
}

export async function readWorkbookInWorker(bytes: Buffer, limits: ReadLimits = { seconds: IMPORT_LIMITS.seconds, heapMb: IMPORT_LIMITS.workerHeapMb }): Promise<RawWorkbook> {
  // A zip bomb or an oversized file is refused here, from the zip's directory, without starting a worker.
  checkDeclaredSizes(bytes)
  const w = locateWorker(__dirname, 'read-worker')
  const worker = new Worker(w.entry, { eval: w.eval, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32 } })
  return new Promise<RawWorkbook>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      fn()
    }
    const timer = setTimeout(
      () => settle(() => reject(new AppError('VALIDATION', `Đọc tệp quá ${limits.seconds} giây: tệp quá lớn hoặc quá phức tạp, hãy chia tệp thành nhiều tệp nhỏ hơn`))),
      limits.seconds * 1000
    )
    worker.on('message', (reply: ReadReply) =>
      settle(() => (reply.ok ? resolve(reply.raw) : reject(new AppError(reply.code, reply.code === 'INTERNAL' ? 'Lỗi khi đọc tệp Excel' : reply.message))))
    )
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new AppError('VALIDATION', `Tệp cần quá nhiều bộ nhớ để đọc (tối đa ${limits.heapMb} MB): hãy chia tệp thành nhiều tệp nhỏ hơn`)
            : new AppError('INTERNAL', 'Lỗi khi đọc tệp Excel')
        )
      )
    )
    worker.on('exit', () => settle(() => reject(new AppError('INTERNAL', 'Lỗi khi đọc tệp Excel'))))
    const copy = new Uint8Array(bytes)
    worker.postMessage(copy, [copy.buffer])
  })
}
