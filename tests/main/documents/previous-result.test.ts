import { describe, expect, it } from 'vitest'
import { buildDocument } from '../../../src-main/documents/build'
import { minutesDocument } from '../../../src-main/documents/minutes'
import { zDocumentInput } from '../../../src-main/documents/model'
import { reportDocument } from '../../../src-main/documents/report'
import { fixture, texts } from './helpers'

/** The Lâm Đồng session with its first product re-evaluated (evaluated in the app before) and its second upgraded from a recorded certificate. */
function withPrevious() {
  const input = fixture()
  input.products[0] = { ...input.products[0]!, registration: 'Đánh giá lại', previous: { sessionDate: '2023-07-20', stars: 3, mean: 68.4, certificate: { number: '215/GCN-UBND', issuedOn: '2023-08-10', year: 2023, expiryDate: '2026-08-10', stars: 3 } } }
  input.products[1] = { ...input.products[1]!, registration: 'Nâng hạng', previous: { sessionDate: null, stars: 3, mean: null, certificate: { number: '15/GCN-UBND', issuedOn: null, year: 2022, expiryDate: '2025-12-31', stars: 3 } } }
  return zDocumentInput.parse(input)
}
const plain = (s: string) => s.replace(/\u2060/gu, '')

describe('Kết quả đánh giá trước in the minutes and the report', () => {
  it('the minutes say it per product that comes back: stars, mean and certificate, or stars and certificate only', () => {
    const all = plain(texts(minutesDocument(withPrevious())).join('\n'))
    expect(all).toContain('Kết quả đánh giá trước: phiên họp ngày 20/07/2023, 3 sao, điểm trung bình 68,40 điểm; Giấy chứng nhận số 215/GCN-UBND ngày 10/08/2023, hiệu lực đến ngày 10/08/2026.')
    expect(all).toContain('Kết quả đánh giá trước: 3 sao theo Giấy chứng nhận số 15/GCN-UBND năm 2022, hiệu lực đến ngày 31/12/2025 (không có điểm chấm).')
    expect(all.match(/Kết quả đánh giá trước/gu)).toHaveLength(2)
    // A first evaluation says nothing of the kind.
    expect(texts(minutesDocument(fixture())).join('\n')).not.toContain('Kết quả đánh giá trước')
  })

  it('the report has a table of previous results beside this session’s, only when a product comes back', () => {
    const doc = reportDocument(withPrevious())
    const table = doc.blocks.find((b) => b.kind === 'table' && b.header.includes('Hạng sao trước'))
    expect(table).toMatchObject({
      kind: 'table',
      rows: [
        ['1', expect.any(String), 'Đánh giá lại', '3 sao', '68,40', expect.stringContaining('215/')],
        ['2', expect.any(String), 'Nâng hạng', '3 sao', 'Không có điểm chấm', expect.stringContaining('năm 2022')]
      ]
    })
    expect(plain(texts(doc).join('\n'))).toContain('Kết quả đánh giá trước của các sản phẩm đánh giá lại, nâng hạng:')
    expect(reportDocument(fixture()).blocks.some((b) => b.kind === 'table' && b.header.includes('Hạng sao trước'))).toBe(false)
    // Both still build as Decree 30 documents (PDF and DOCX definitions).
    for (const kind of ['minutes', 'report'] as const) expect(texts(buildDocument(kind, withPrevious()).pdf).join(' ')).toContain('đánh giá trước')
  })
})
