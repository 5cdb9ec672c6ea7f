import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../shared/result'
import { buildDocument } from './build'
import { configurePdfmake, mergePdfs, renderDocxBytes, renderPdf } from './render'
import type { RenderJob, RenderReply, RenderRequest } from './render-jobs'
import { renderSheetsPdf, sheetTitle } from './sheet-pdfkit'
import { textDocumentToPdfmake } from './layout/to-pdfmake'

/**
 * The render worker: builds and renders documents off the main thread (pdfmake blocks ~5 s per 200 pages). Started
 * by render-service.ts with `workerData.fontsDir`; answers one request at a time.
 */
const port = parentPort
if (!port) throw new Error('render-worker must run as a worker thread')
const { fontsDir } = workerData as { fontsDir: string }
configurePdfmake(fontsDir)

/** Page count from the PDF's page tree, without parsing it again. */
function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  return (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length
}

/** A view of its own ArrayBuffer, so transferring it cannot detach Node's shared Buffer pool. */
function own(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes)
}

async function run(job: RenderJob): Promise<Uint8Array> {
  switch (job.type) {
    case 'document': {
      // Sheets have one renderer, pdfkit (sheet-pdfkit.ts), for a single sheet as for the pack's.
      if ((job.kind === 'sheet' || job.kind === 'sheet-blank') && job.format === 'pdf') {
        const item = { productId: job.options.productId ?? '', memberId: job.options.memberId ?? '' }
        if (!item.productId) throw new AppError('VALIDATION', 'Cần chọn sản phẩm')
        if (!item.memberId) throw new AppError('VALIDATION', 'Cần chọn thành viên')
        return renderSheetsPdf(fontsDir, job.input, [item], job.kind === 'sheet' ? 'filled' : 'blank', sheetTitle(job.input, item.productId, item.memberId))
      }
      const built = buildDocument(job.kind, job.input, job.options)
      if (job.format === 'docx') {
        if (!built.text) throw new AppError('VALIDATION', 'Văn bản này chỉ xuất được PDF')
        return renderDocxBytes(built.text)
      }
      return renderPdf(built.pdf, built.date, job.kind !== 'certificate')
    }
    case 'sheets':
      return renderSheetsPdf(fontsDir, job.input, job.items, job.variant, 'Phiếu đánh giá sản phẩm OCOP')
    case 'merge':
      return mergePdfs(job.parts, job.title, job.date)
    case 'text':
      return job.format === 'docx' ? renderDocxBytes(job.text) : renderPdf(textDocumentToPdfmake(job.text), job.date)
  }
}

port.on('message', (req: RenderRequest) => {
  run(req.job).then(
    (raw) => {
      const bytes = own(raw)
      const pages = (req.job.type === 'document' || req.job.type === 'text') && req.job.format === 'docx' ? null : req.job.type === 'merge' ? null : countPages(bytes)
      const reply: RenderReply = { id: req.id, ok: true, bytes, pages }
      port.postMessage(reply, [bytes.buffer as ArrayBuffer])
    },
    (err: unknown) => {
      const reply: RenderReply = err instanceof AppError ? { id: req.id, ok: false, code: err.code, message: err.message } : { id: req.id, ok: false, code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) }
      port.postMessage(reply)
    }
  )
})
