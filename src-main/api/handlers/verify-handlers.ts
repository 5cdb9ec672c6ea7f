import type { VerifyService } from '../../services/verify/verify-service'
import type { Registry } from '../registry'

export function registerVerifyHandlers(r: Registry, d: { verify: VerifyService }): void {
  r.handle('verify.pdf', (i) => d.verify.checkPdf(Buffer.from(i.contentBase64, 'base64')))
  r.handle('verify.code', (i) => d.verify.checkCode(i.code))
}
