import { para } from '../../../src-main/documents/layout/ast'
import { justifiedRuns, textDocumentToPdfmake } from '../../../src-main/documents/layout/to-pdfmake'
import { configurePdfmake, renderPdf } from '../../../src-main/documents/render'
import { tempDir } from '../../utils/core'
import { pdfPages, writePdf } from '../../utils/pdf-layout'
import { FONTS } from './helpers'

/**
 * A justified line must not open gaps inside a document number: pdfmake breaks text after "/" and "-" and spreads
 * the spare width over every break, so "99/QĐ-UBND" used to print as "99/ QĐ- UBND" in the middle of a paragraph.
 */
describe('justified paragraphs', () => {
  beforeAll(() => configurePdfmake(FONTS))

  it('keeps a number with slashes and hyphens whole, and its following space, in bold and plain runs', () => {
    expect(justifiedRuns([{ text: 'Thực hiện Quyết định số 99/QĐ-UBND ngày 20/06/2026 của' }, { text: 'Việt-Anh', bold: true }])).toEqual([
      { text: 'Thực hiện Quyết định số ' },
      { text: '99/QĐ-UBND ', noWrap: true },
      { text: 'ngày ' },
      { text: '20/06/2026 ', noWrap: true },
      { text: 'của' },
      { text: 'Việt-Anh', noWrap: true, bold: true }
    ])
    expect(justifiedRuns([{ text: 'Lâm Viên - Đà Lạt; a / b' }])).toEqual([{ text: 'Lâm Viên - Đà Lạt; a / b' }])
  })

  it('prints "99/QĐ-UBND" as one word wherever it falls on a justified line', async () => {
    const text = Array.from({ length: 14 }, (_, i) => `${'Hội đồng '.repeat(i % 7)}thực hiện Quyết định số 99/QĐ-UBND ngày 20/06/2026 của Chủ tịch Ủy ban nhân dân tỉnh`).join('; ')
    const bytes = await renderPdf(textDocumentToPdfmake({ title: 'Kiểm tra', landscape: false, blocks: [para(text)] }), '2026-12-06')
    const words = pdfPages(writePdf(tempDir('ocop-justify-'), 'justify', bytes)).flatMap((p) => p.words.map((w) => w.text))
    const numbers = words.filter((w) => w.startsWith('99/') || w.startsWith('QĐ') || w === 'UBND')
    expect(numbers).toHaveLength(14)
    expect(new Set(numbers)).toEqual(new Set(['99/QĐ-UBND']))
  })
})
