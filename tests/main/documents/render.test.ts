import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { PDFDocument } from 'pdf-lib'
import type { DocumentKind } from '../../../src-main/documents/model'
import { packChunks, renderPack, type PackProgress } from '../../../src-main/documents/pack'
import { createRenderService, type RenderService } from '../../../src-main/documents/render-service'
import { tempDir } from '../../utils/core'
import { FONTS, fixture } from './helpers'

const dir = tempDir('ocop-docs-')
const input = fixture()
let service: RenderService

function pdf(name: string, bytes: Uint8Array): { text: string; fonts: string } {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, bytes)
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) }
}

const render = async (kind: DocumentKind, options = {}, format: 'pdf' | 'docx' = 'pdf') => (await service.run({ type: 'document', kind, input, options, format })).bytes

beforeAll(() => {
  service = createRenderService({ fontsDir: FONTS, size: 2 })
})
afterAll(() => service.close())

describe('rendering in the worker pool, checked with poppler', () => {
  it('the decision has the national heading, the Vietnamese text exactly, and Tinos embedded as subsets', async () => {
    const { text, fonts } = pdf('decision', await render('decision'))
    for (const s of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 3981/QĐ-UBND', 'Lâm Đồng, ngày 05 tháng 8 năm 2026', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Văn Hiệp', 'Nơi nhận:', 'Bánh tráng gạo lứt Đức', 'Hộ kinh doanh Nguyễn', 'Phụ lục'])
      expect(text).toContain(s)
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`))
    expect(fonts).not.toMatch(/Roboto|Helvetica|Times-Roman/)
  })

  it('page numbers start on page 2', async () => {
    const file = join(dir, 'minutes.pdf')
    writeFileSync(file, await render('minutes'))
    const page = (n: number) => execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), file, '-'], { encoding: 'utf8' }).trim()
    expect(page(1).split('\n')[0]).not.toMatch(/^\s*1\s*$/)
    expect(page(2).split('\n')[0]!.trim()).toBe('2')
  })

  it('sheets, summary, certificate and notice carry the product names and people with diacritics', async () => {
    const sheet = pdf('sheet', await render('sheet', { productId: 'sp02', memberId: 'tv03' })).text
    expect(sheet).toContain('BỘ TIÊU CHÍ SỐ 11: CHÈ TƯƠI, CHÈ CHẾ BIẾN')
    expect(sheet).toContain('Trà Ô long Bảo Lộc')
    expect(sheet).toContain('Hoàng Đức Thắng (Ủy viên)')
    expect(sheet).toMatch(/TỔNG CỘNG\s+64\/100/)
    expect(sheet).toContain('Ghi chú: Dấu sao là yêu cầu tối thiểu')
    const summary = pdf('summary', await render('summary')).text
    expect(summary).toContain('BẢNG TỔNG HỢP ĐIỂM')
    expect(summary).toContain('94,67')
    const cert = pdf('certificate', await render('certificate')).text
    expect(cert).toContain('GIẤY CHỨNG NHẬN')
    expect(cert).toContain('BÁNH TRÁNG GẠO LỨT ĐỨC TRỌNG')
    const notice = pdf('notice', await render('notice')).text
    expect(notice).toContain('Số: 87/TB-SNNMT')
    expect(notice).toContain('Cà phê Arabica')
  })

  it('the same input gives the same bytes', async () => {
    const a = await render('report')
    const b = await render('report')
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
  })

  it('the DOCX of the minutes and the decision re-reads with the same text', async () => {
    for (const kind of ['minutes', 'decision', 'report', 'submission'] as const) {
      const zip = await JSZip.loadAsync(await render(kind, {}, 'docx'))
      const xml = await zip.file('word/document.xml')!.async('string')
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc')
      expect(xml).toContain('w:rFonts w:ascii="Times New Roman"')
    }
    const dec = await JSZip.loadAsync(await render('decision', {}, 'docx'))
    const xml = await dec.file('word/document.xml')!.async('string')
    expect(xml).toContain('KT. CHỦ TỊCH')
    expect(xml).toContain('w:orient="landscape"')
    await expect(render('certificate', {}, 'docx')).rejects.toThrow(/chỉ xuất được PDF/)
  })

  it('renders the session pack in chunks across the pool and merges it, with progress', async () => {
    const events: PackProgress[] = []
    const pack = await renderPack(service, input, (p) => events.push(p))
    expect(pack.chunks).toBe(packChunks(input).length)
    expect(events.at(-1)).toEqual({ done: pack.chunks + 1, total: pack.chunks + 1, label: 'Ghép tệp' })
    const doc = await PDFDocument.load(pack.bytes)
    expect(doc.getPageCount()).toBe(pack.pages)
    const { text, fonts } = pdf('pack', pack.bytes)
    // Every chunk's font subsets keep their own names in the merged file.
    const names = fonts.split('\n').slice(2).map((l) => l.split(/\s+/)[0]).filter(Boolean)
    expect(names.length).toBeGreaterThan(8)
    expect(new Set(names).size).toBe(names.length)
    expect(text).toContain('BIÊN BẢN')
    expect(text).toContain('QUYẾT ĐỊNH')
    expect(text.match(/kiêm phiếu đánh giá sản phẩm OCOP/g)).toHaveLength(9 + 8 + 9)
    // About 170 pages: generous on a shared two-core machine.
  }, 180_000)
})
