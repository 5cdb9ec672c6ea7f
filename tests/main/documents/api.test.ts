import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { call, ok, testCore, tempDir } from '../../utils/core'
import { fixture } from './helpers'

describe('documents API on a real core', () => {
  it('generates, numbers, lists and downloads; the same input is generated once; numbers never repeat', async () => {
    const core = await testCore()
    try {
      const input = fixture()
      const draft = { ...input, decision: { number: null, date: '2026-08-05' } }
      const a = await ok(core, 'documents.generate', { kind: 'decision', source: { input: draft } })
      expect(a).toMatchObject({ kind: 'decision', format: 'pdf', number: '01/QĐ-UBND', date: '2026-08-05', pages: 3, dataVersion: 'ocop-council/documents@1' })
      const again = await ok(core, 'documents.generate', { kind: 'decision', source: { input: draft } })
      expect(again.id).toBe(a.id)
      const docx = await ok(core, 'documents.generate', { kind: 'decision', format: 'docx', source: { input: draft } })
      expect(docx.number).toBe('01/QĐ-UBND')
      const other = await ok(core, 'documents.generate', { kind: 'approval', source: { input: { ...input, approval: { number: null, date: '2026-08-06' } } } })
      expect(other.number).toBe('02/QĐ-UBND')
      const given = await ok(core, 'documents.generate', { kind: 'decision', source: { fixture: 'lam-dong-2026' } })
      expect(given.number).toBe('3981/QĐ-UBND')
      const clash = await call(core, 'documents.generate', { kind: 'approval', source: { input: { ...input, approval: { number: 3981, date: '2026-08-06' } } } })
      expect(clash.ok ? null : clash.error).toMatchObject({ code: 'CONFLICT', message: 'Số 3981/QĐ-UBND năm 2026 đã được cấp cho văn bản khác' })

      const list = await ok(core, 'documents.list', {})
      expect(list.map((d) => d.number)).toEqual(['3981/QĐ-UBND', '02/QĐ-UBND', '01/QĐ-UBND', '01/QĐ-UBND'])
      const dl = await ok(core, 'documents.download', { id: a.id })
      expect(dl).toMatchObject({ mimeType: 'application/pdf', sha256: a.sha256, fileName: 'Quyết định công nhận 01-QĐ-UBND 2026-08-05.pdf' })
      const file = join(tempDir(), 'dl.pdf')
      writeFileSync(file, Buffer.from(dl.base64, 'base64'))
      expect(execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })).toContain('Số: 01/QĐ-UBND')

      const bad = await call(core, 'documents.generate', { kind: 'sheet', format: 'docx', source: { fixture: 'lam-dong-2026' }, productId: 'sp01', memberId: 'tv01' })
      expect(bad.ok ? null : bad.error.message).toBe('Phiếu đánh giá: chỉ xuất được PDF')
      const missing = await call(core, 'documents.download', { id: 999 })
      expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND')
    } finally {
      core.close()
    }
  })
})
