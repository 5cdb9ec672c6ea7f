import type { SessionDocumentService } from '../../services/session-document-service'
import { AppError } from '../../shared/result'
import type { Registry } from '../registry'
import { toRecord } from './documents-handlers'

export interface SessionDocumentsDeps {
  sessionDocuments: SessionDocumentService
  /** The desktop host's "open with the system viewer" (Electron shell.openPath: resolves to '' or an error text). */
  openPath?: (path: string) => Promise<string>
}

export function registerSessionDocumentsHandlers(r: Registry, d: SessionDocumentsDeps): void {
  const s = d.sessionDocuments
  r.handle('documents.forSession', async (i) => {
    const options = { ...(i.productId ? { productId: String(i.productId) } : {}), ...(i.memberId ? { memberId: String(i.memberId) } : {}) }
    return toRecord(await s.generate({ sessionId: i.sessionId, kind: i.kind, format: i.format, options }))
  })
  r.handle('documents.issue', (i, ctx) => s.issue(i, ctx.actor))
  r.handle('documents.issues', (i) => s.issues(i.sessionId))
  r.handle('documents.minutesText', (i) => s.minutesText(i.sessionId))
  r.handle('documents.saveMinutesText', (i, ctx) => s.saveMinutesText(i, ctx.actor))
  r.handle('documents.nextNumber', (i) => s.nextNumber(i.sessionId, i.kind, i.productId))
  r.handle('documents.sessionList', (i) => s.list(i.sessionId).map(toRecord))
  r.handle('documents.startPack', (i) => s.startPack(i.sessionId))
  r.handle('documents.jobStatus', (i) => s.job(i.jobId))
  r.handle('documents.openInViewer', async (i) => {
    if (!d.openPath) throw new AppError('VALIDATION', 'Chế độ trình duyệt không mở được trình xem PDF của máy; hãy dùng nút In để mở tệp trong thẻ mới')
    const failure = await d.openPath(s.pathOf(i.id))
    if (failure) throw new AppError('CONFLICT', `Không mở được tệp bằng trình xem của máy: ${failure}`)
    return { opened: true as const }
  })
}
