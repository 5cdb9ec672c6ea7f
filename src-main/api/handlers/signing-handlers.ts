import type { SignOffService } from '../../services/signing/sign-off'
import type { Registry } from '../registry'
import { toRecord } from './documents-handlers'

export function registerSigningHandlers(r: Registry, d: { signOff: SignOffService }): void {
  r.handle('signing.approve', (i) => d.signOff.approve({ ...i, note: i.note ?? '' }))
  r.handle('signing.approvals', (i) => d.signOff.approvals(i.sessionId))
  r.handle('signing.generate', async (i) => toRecord(await d.signOff.generate(i)))
  // The password goes straight to the signer: it is not kept in a variable that outlives this call.
  r.handle('signing.sign', (i) =>
    d.signOff.sign({ approvalId: i.approvalId, documentId: i.documentId, p12: Buffer.from(i.p12Base64, 'base64'), password: i.password, organisation: i.organisation, reason: i.reason, location: i.location })
  )
  r.handle('signing.list', (i) => d.signOff.list(i.approvalId))
  r.handle('signing.download', (i) => {
    const { doc, bytes } = d.signOff.read(i.id)
    return { fileName: doc.fileName, mimeType: 'application/pdf', sha256: doc.signedSha256, base64: bytes.toString('base64') }
  })
}
