import { createHash } from 'node:crypto'
import type { CodeCheck, PdfCheck } from '../../shared/api/verify'
import { AppError } from '../../shared/result'
import type { DocumentRegister } from './document-register'
import { checkPdfSignatures } from './pdf-signatures'
import { normalizeCode } from './verification-code'

export interface VerifyService {
  checkPdf(pdf: Uint8Array): PdfCheck
  checkCode(input: string): CodeCheck
}

/** "Kiểm tra văn bản": signatures of any PDF, and whether the app issued it (by SHA-256 or by printed code). */
export function createVerifyService(register: DocumentRegister): VerifyService {
  return {
    checkPdf(pdf) {
      if (Buffer.from(pdf.subarray(0, 1024)).indexOf('%PDF-') < 0) throw new AppError('VALIDATION', 'Tệp đã chọn không phải tệp PDF')
      const sha256 = createHash('sha256').update(pdf).digest('hex')
      const entry = register.bySha256(sha256)
      const source = entry?.kind === 'signed' && entry.sourceSha256 ? register.bySha256(entry.sourceSha256) : null
      const signatures = checkPdfSignatures(pdf).map((s) => ({
        valid: s.valid,
        coversWholeFile: s.coversWholeFile,
        digestOk: s.digestOk,
        signatureOk: s.signatureOk,
        subFilter: s.subFilter,
        digestAlgorithm: s.digestAlgorithm,
        signerName: s.signer?.commonName ?? null,
        signerSubject: s.signer?.subject.replace(/\n/g, ', ') ?? null,
        issuer: s.signer?.issuer.replace(/\n/g, ', ') ?? null,
        certSerial: s.signer?.serial ?? null,
        certValidFrom: s.signer?.validFrom ?? null,
        certValidTo: s.signer?.validTo ?? null,
        signingTime: s.claimedTime ?? s.signingTime,
        problems: s.problems
      }))
      return { sha256, byteSize: pdf.byteLength, signatures, issued: entry, source }
    },
    checkCode(input) {
      const code = normalizeCode(input)
      if (!code) throw new AppError('VALIDATION', 'Mã kiểm tra gồm 10 ký tự chữ và số (ví dụ ABCDE-12345)')
      return { code, issued: register.byCode(code) }
    }
  }
}
