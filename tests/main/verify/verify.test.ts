import { createSigningService } from '../../../src-main/services/signing/signing-service'
import { signPdf } from '../../../src-main/services/signing/sign-pdf'
import { composeRegisters, documentsRegister, emptyRegister, signedRegister, type DocumentRegister } from '../../../src-main/services/verify/document-register'
import { checkPdfSignatures, pdfDate } from '../../../src-main/services/verify/pdf-signatures'
import { codeFromSha256, formatCode, normalizeCode, qrPng, sha256PrefixOfCode, verificationCodeFor } from '../../../src-main/services/verify/verification-code'
import { createVerifyService } from '../../../src-main/services/verify/verify-service'
import { call, ok, tempDir, testCore } from '../../utils/core'
import { FONTS, PASSWORD, makeP12, samplePdf } from '../signing/helpers'
import { signingDb } from '../signing/schema'

const at = new Date('2026-11-28T08:04:05Z')
const { p12 } = makeP12()
const signed = async () =>
  (await signPdf({ pdf: await samplePdf(), p12, password: PASSWORD, organisation: 'UBND tỉnh Lâm Đồng', reason: 'Ban hành', location: 'Lâm Đồng', at, fontsDir: FONTS })).pdf

describe('PDF signature check', () => {
  it('accepts an intact signature and reads signer and time', async () => {
    const [s, ...rest] = checkPdfSignatures(await signed())
    expect(rest).toHaveLength(0)
    expect(s).toMatchObject({ valid: true, coversWholeFile: true, digestOk: true, signatureOk: true, subFilter: 'ETSI.CAdES.detached', digestAlgorithm: 'sha256', claimedTime: at.toISOString(), problems: [] })
    expect(s?.signer?.commonName).toBe('Nguyễn Văn Thử')
    expect(s?.signer?.serial).toMatch(/1A2B3C4$/i)
  })

  it('reports a changed byte as a digest mismatch and appended bytes as not covering the file', async () => {
    const pdf = await signed()
    const pos = pdf.indexOf('/MediaBox') + 2
    const tampered = Buffer.from(pdf)
    tampered[pos] = tampered[pos]! ^ 1
    const [t] = checkPdfSignatures(tampered)
    expect(t).toMatchObject({ valid: false, digestOk: false, coversWholeFile: true })
    expect(t?.problems.join(' ')).toMatch(/đã bị thay đổi sau khi ký/)

    const [a] = checkPdfSignatures(Buffer.concat([pdf, Buffer.from('\n% thêm vào\n')]))
    expect(a).toMatchObject({ valid: false, digestOk: true, coversWholeFile: false })
    expect(a?.problems[0]).toMatch(/thêm vào sau khi ký/)
  })

  it('finds no signature in an unsigned PDF and reports a corrupted signature blob', async () => {
    expect(checkPdfSignatures(await samplePdf())).toEqual([])
    const pdf = await signed()
    const [, b] = checkPdfSignatures(pdf)[0]!.byteRange
    const broken = Buffer.from(pdf)
    broken.write('ff', b + 1, 'latin1')
    const [s] = checkPdfSignatures(broken)
    expect(s?.valid).toBe(false)
    expect(s?.problems).toContain('Dữ liệu chữ ký số bị hỏng, không đọc được')
  })

  it('reads PDF dates with offsets', () => {
    expect(pdfDate("D:20261128150405+07'00'")).toBe('2026-11-28T08:04:05.000Z')
    expect(pdfDate('D:20261128080405Z')).toBe('2026-11-28T08:04:05.000Z')
    expect(pdfDate('x')).toBeNull()
  })
})

describe('verification codes', () => {
  it('are 10 Crockford base32 characters, stable for the same content record', async () => {
    const c = verificationCodeFor('{"type":"decision","no":"12/QĐ-UBND"}')
    expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)
    expect(verificationCodeFor('{"type":"decision","no":"12/QĐ-UBND"}'.normalize('NFD'))).toBe(c)
    expect(verificationCodeFor('{"type":"decision","no":"13/QĐ-UBND"}')).not.toBe(c)
    // SHA-256("") starts e3 b0 c4 42 98 fc 1c: 11100 01110 11000 01100 01000 10000 10100 11000 11111 10000
    expect(verificationCodeFor('')).toBe('WERC8GMRZG')
    expect(normalizeCode(` ${formatCode(c).toLowerCase()} `)).toBe(c)
    expect(normalizeCode(`OCOP-KT:${formatCode(c)}`)).toBe(c)
    expect(normalizeCode('0OIL1-2345A')).toBe('00111-2345A'.replace('-', ''))
    expect(normalizeCode('ABCDE-1234U')).toBeNull()
    expect(normalizeCode('ABC')).toBeNull()
    const png = await qrPng(c)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.readUInt32BE(16)).toBe(160)
  })
})

describe('verify service and API', () => {
  it('tells whether a PDF is byte-identical to a signed copy the app issued', async () => {
    const dir = tempDir()
    const db = signingDb(dir)
    const signing = createSigningService({ db, dataDir: dir, fontsDir: FONTS, now: () => at })
    const a = signing.approve({ sessionId: null, subject: 'Quyết định công nhận sản phẩm OCOP', approverName: 'Trần Văn Bình', approverRole: 'chair', authority: '', positionTitle: 'CHỦ TỊCH' })
    const s = await signing.sign({ approvalId: a.id, pdf: await samplePdf(), fileName: 'qd.pdf', p12, password: PASSWORD, organisation: 'UBND tỉnh Lâm Đồng', reason: 'Ban hành', location: 'Lâm Đồng' })
    const issued: DocumentRegister = {
      bySha256: (h) => (h === s.sourceSha256 ? { sha256: h, kind: 'issued', title: 'Quyết định', fileName: 'qd.pdf', issuedAt: at.toISOString(), sessionId: 7, sessionLabel: 'Phiên 7', verificationCode: 'ABCDE12345', auditHead: null, auditProblems: [] } : null),
      byCode: (c) => (c === 'ABCDE12345' ? issued.bySha256(s.sourceSha256) : null)
    }
    const svc = createVerifyService(composeRegisters(signedRegister(db), issued, emptyRegister))
    const r = svc.checkPdf(s.pdf)
    expect(r.signatures[0]?.valid).toBe(true)
    expect(r.issued).toMatchObject({ kind: 'signed', title: 'Quyết định công nhận sản phẩm OCOP', signerName: 'Nguyễn Văn Thử' })
    expect(r.source).toMatchObject({ kind: 'issued', sessionId: 7 })
    expect(svc.checkPdf(await samplePdf()).issued).toBeNull()
    expect(svc.checkCode('abcde-12345').issued?.sessionLabel).toBe('Phiên 7')
    expect(svc.checkCode('ZZZZZ-ZZZZZ').issued).toBeNull()
    db.close()
  })

  it('finds documents of the register (migration 005) by SHA-256 and by the code printed from their content record', async () => {
    const db = signingDb()
    const inputSha = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
    expect(codeFromSha256(inputSha)).toBe(verificationCodeFor(''))
    expect(sha256PrefixOfCode(codeFromSha256(inputSha))).toBe(inputSha.slice(0, 12))
    const add = db.prepare(`INSERT INTO documents (kind, format, title, session_id, number_id, number_text, doc_date, data_version, input_sha256, sha256, size, pages, file_path, created_at)
      VALUES ('decision', ?, 'Quyết định', NULL, NULL, '12/QĐ-UBND', '2026-11-28', 'v1', ?, ?, 100, 1, ?, ?)`)
    add.run('docx', inputSha, 'd'.repeat(64), 'documents/2026/decision.docx', at.toISOString())
    add.run('pdf', inputSha, 'c'.repeat(64), 'documents/2026/decision.pdf', at.toISOString())
    const svc = createVerifyService(composeRegisters(signedRegister(db), documentsRegister(db)))
    const byCode = svc.checkCode(formatCode(verificationCodeFor('')).toLowerCase()).issued
    expect(byCode).toMatchObject({ kind: 'issued', sha256: 'c'.repeat(64), title: 'Quyết định số 12/QĐ-UBND', fileName: 'decision.pdf', verificationCode: 'WERC8GMRZG', sessionId: null })
    expect(documentsRegister(db).bySha256('d'.repeat(64))?.fileName).toBe('decision.docx')
    expect(svc.checkCode('WERC8GMRZH').issued).toBeNull()
    db.close()
  })

  it('answers through the registry with Vietnamese errors', async () => {
    const core = await testCore()
    const pdf = await signed()
    const r = await ok(core, 'verify.pdf', { fileName: 'qd.pdf', contentBase64: pdf.toString('base64') })
    expect(r.signatures).toHaveLength(1)
    expect(r.signatures[0]).toMatchObject({ valid: true, signerName: 'Nguyễn Văn Thử', signingTime: at.toISOString() })
    expect(r.issued).toBeNull()
    const bad = await call(core, 'verify.pdf', { fileName: 'a.txt', contentBase64: Buffer.from('xin chào').toString('base64') })
    expect(bad.ok === false && bad.error.message).toBe('Tệp đã chọn không phải tệp PDF')
    const code = await call(core, 'verify.code', { code: 'abc' })
    expect(code.ok === false && code.error.message).toMatch(/Mã kiểm tra gồm 10 ký tự/)
    expect((await ok(core, 'verify.code', { code: 'ABCDE-12345' })).issued).toBeNull()
    core.close()
  })
})
