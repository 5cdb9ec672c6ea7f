import type { OfficeDocumentService } from '../../services/office-documents/office-document-service'
import type { Registry } from '../registry'
import { toRecord } from './documents-handlers'

export function registerOfficeDocumentsHandlers(r: Registry, d: { officeDocuments: OfficeDocumentService }): void {
  r.handle('officeDocuments.generate', async (i) => toRecord(await d.officeDocuments.generate(i.ref, i.format)))
  r.handle('officeDocuments.issue', (i, ctx) => d.officeDocuments.issue(i.ref, { date: i.date, number: i.number }, ctx.actor))
  r.handle('officeDocuments.status', (i) => d.officeDocuments.status(i.ref))
}
