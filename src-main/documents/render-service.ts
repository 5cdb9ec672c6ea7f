import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError, type ErrorCode } from '../shared/result'
import type { RenderJob, RenderReply } from './render-jobs'

/**
 * A small pool of render workers with a FIFO queue. Workers start lazily, at most one per core (and two by default:
 * each pdfmake worker holds ~200 MB on a 200-page document), and are ended by close().
 */
export interface RenderResult {
  bytes: Uint8Array
  pages: number | null
}

export interface RenderService {
  run(job: RenderJob): Promise<RenderResult>
  readonly size: number
  close(): Promise<void>
}

/**
 * The built worker (out/main/<name>.js, e.g. render-worker.js, next to the bundle or one level up from a chunk), else the TypeScript
 * source under vitest/tsx. `--import tsx` in a worker's execArgv does not hook the worker's own entry on Node 20, so
 * the source is loaded through a two-line CommonJS bootstrap that registers tsx first.
 */
export function locateWorker(dir: string = __dirname, name = 'render-worker'): { entry: string; eval: boolean } {
  for (const f of [join(dir, `${name}.js`), join(dir, '..', `${name}.js`)]) if (existsSync(f)) return { entry: f, eval: false }
  const ts = join(dir, `${name}.ts`)
  if (existsSync(ts)) return { entry: `require('tsx/cjs/api').register();\nrequire(${JSON.stringify(ts)})`, eval: true }
  throw new Error(`${name} not found next to ${dir}`)
}

interface Slot {
  worker: Worker
  busy: boolean
}

interface Pending {
  job: RenderJob
  resolve: (r: RenderResult) => void
  reject: (e: Error) => void
}

export function createRenderService(opts: { fontsDir: string; size?: number }): RenderService {
  const size = Math.max(1, opts.size ?? Math.min(2, availableParallelism()))
  const slots: Slot[] = []
  const queue: Pending[] = []
  const inflight = new Map<number, Pending & { slot: Slot }>()
  let nextId = 1
  let closed = false

  function spawn(): Slot {
    const w = locateWorker()
    const worker = new Worker(w.entry, { eval: w.eval, workerData: { fontsDir: opts.fontsDir } })
    const slot: Slot = { worker, busy: false }
    worker.on('message', (reply: RenderReply) => {
      const p = inflight.get(reply.id)
      if (!p) return
      inflight.delete(reply.id)
      slot.busy = false
      if (reply.ok) p.resolve({ bytes: reply.bytes, pages: reply.pages })
      else p.reject(new AppError(reply.code as ErrorCode, reply.code === 'INTERNAL' ? `Lỗi khi tạo văn bản: ${reply.message}` : reply.message))
      pump()
    })
    worker.on('error', (err) => {
      // A crashed worker fails its own job and is replaced on demand.
      for (const [id, p] of inflight) {
        if (p.slot !== slot) continue
        inflight.delete(id)
        p.reject(new AppError('INTERNAL', `Lỗi khi tạo văn bản: ${err.message}`))
      }
      slots.splice(slots.indexOf(slot), 1)
      pump()
    })
    slots.push(slot)
    return slot
  }

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const slot = slots.find((s) => !s.busy) ?? (slots.length < size ? spawn() : undefined)
      if (!slot) return
      const p = queue.shift()!
      const id = nextId++
      slot.busy = true
      inflight.set(id, { ...p, slot })
      const transfer = p.job.type === 'merge' ? p.job.parts.map((b) => b.buffer as ArrayBuffer) : []
      slot.worker.postMessage({ id, job: p.job }, transfer)
    }
  }

  return {
    size,
    run(job) {
      if (closed) return Promise.reject(new AppError('INTERNAL', 'Dịch vụ tạo văn bản đã dừng'))
      return new Promise<RenderResult>((resolve, reject) => {
        queue.push({ job, resolve, reject })
        pump()
      })
    },
    async close() {
      closed = true
      for (const p of queue.splice(0)) p.reject(new AppError('INTERNAL', 'Dịch vụ tạo văn bản đã dừng'))
      await Promise.all(slots.splice(0).map((s) => s.worker.terminate()))
    }
  }
}
