import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { isLeaf } from '../../../src-main/shared/criteria'
import { packChunks } from '../../../src-main/documents/pack'
import { memberSheet, renderSheetsPdf } from '../../../src-main/documents/sheet-pdfkit'
import { tempDir } from '../../utils/core'
import { lamDongFixture } from '../../../src-main/documents/fixtures/lam-dong'
import { FONTS, fixture, getSet } from './helpers'

const dir = tempDir('ocop-sheets-')
const input = fixture()

function poppler(name: string, bytes: Uint8Array): { text: string; fonts: string; pages: number; file: string } {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, bytes)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return {
    file,
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
    pages: Number(/Pages:\s+(\d+)/.exec(info)![1])
  }
}

/** The page content streams, inflated: the ☒ crosses are vectors, drawn with a 0.9 pt line (the boxes with 0.6). */
function contents(bytes: Uint8Array): string {
  const raw = Buffer.from(bytes).toString('latin1')
  let out = ''
  for (const m of raw.matchAll(/\/Filter \/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index + m[0].length
    const body = Buffer.from(raw.slice(start, raw.indexOf('endstream', start)), 'latin1')
    try {
      out += inflateSync(body).toString('latin1')
    } catch {
      // Font programs and other binary streams are not page content.
    }
  }
  return out
}

const flat = (s: string) => s.replace(/\s+/g, ' ')

describe('scoring sheets drawn with pdfkit', () => {
  const sp02 = input.products.find((p) => p.id === 'sp02')!
  const set = getSet(sp02.criteriaSetId)
  const leaves = set.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria.flatMap((c) => (isLeaf(c) ? [c] : c.subCriteria))))

  it('a filled sheet has the fields, every criterion and option in Vietnamese, one cross per ticked option, and the totals', async () => {
    const bytes = await renderSheetsPdf(FONTS, input, [{ productId: 'sp02', memberId: 'tv03' }], 'filled', 'Phiếu đánh giá')
    const { text, fonts, pages } = poppler('filled', bytes)
    const t = flat(text)
    for (const s of ['BỘ TIÊU CHÍ SỐ 11: CHÈ TƯƠI, CHÈ CHẾ BIẾN', '(kiêm phiếu đánh giá sản phẩm OCOP)', '- Tên sản phẩm: Trà Ô long Bảo Lộc', '- Người đánh giá: Hoàng Đức Thắng (Ủy viên)', 'Các tiêu chí', 'Thang điểm', 'Ghi chú: Dấu sao là yêu cầu tối thiểu', 'Ý kiến của người đánh giá:', 'Lâm Đồng, ngày 28 tháng 7 năm 2026', '(Ký và ghi rõ họ tên)'])
      expect(t).toContain(s)
    for (const d of set.disqualification) expect(t).toContain(flat(d).slice(0, 60))
    // Each criterion's code and the start of its text, and every option (wrapped lines are joined by flat()).
    for (const c of leaves) expect(t).toContain(`${c.code}. ${c.text.slice(0, 25)}`)
    for (const o of leaves.flatMap((c) => c.options)) expect(t).toContain(o.text.slice(0, 30))
    expect(text).toMatch(/TỔNG CỘNG\s+64\/100/)
    // The council line keeps "vòng chấm N" together: the round number never wraps onto a line of its own.
    const councilLine = text.split('\n').find((l) => l.includes('vòng'))
    expect(councilLine).toMatch(/vòng\s+chấm\s+\d+/)
    const sheet = memberSheet(input, 'sp02', 'tv03')
    for (const part of set.parts) expect(text).toMatch(new RegExp(`Cộng phần ${part.code}\\s+${sheet.parts[part.code]}/${part.maxPoints}`))
    const ticked = leaves.filter((c) => c.options.some((o) => o.id === sheet.answers[c.code])).length
    expect(ticked).toBeGreaterThan(10)
    expect(contents(bytes).match(/^0\.9 w$/gm)).toHaveLength(ticked)
    expect(contents(bytes).match(/^0\.6 w$/gm)!.length).toBe(leaves.reduce((n, c) => n + c.options.length, 0))
    // The table header is repeated on every page of the table (the last page may hold only the opinion and the
    // signature, which keep together); pages 2+ carry product, member and "Trang x/y".
    const perPage = text.split('\f').slice(0, pages)
    for (const p of perPage) expect(/Cộng phần|TỔNG CỘNG|^\s*\d+(\.\d+)*\. /m.test(p)).toBe(p.includes('Các tiêu chí'))
    perPage.slice(1).forEach((p, i) => expect(p).toMatch(new RegExp(`Trà Ô long Bảo Lộc — Hoàng Đức Thắng\\s+Trang ${i + 2}/${pages}`)))
    // Each page's table starts with a heading or a criterion, never with an option cut from its criterion.
    for (const p of perPage.filter((x) => x.includes('Các tiêu chí'))) {
      const lines = p.split('\n')
      const first = lines.slice(lines.findIndex((l) => l.includes('Các tiêu chí')) + 2).find((l) => l.trim() !== '')!
      expect(first).toMatch(/^\s{0,2}(PHẦN [ABC]:|\d+(\.\d+)*\. )/)
    }
    // A section with a single criterion of the same title prints the title once (sections 7–11 of set 11).
    expect(text.match(/CƠ HỘI THỊ TRƯỜNG TOÀN CẦU/g)).toHaveLength(1)
    expect(pages).toBeGreaterThanOrEqual(3)
    expect(pages).toBeLessThanOrEqual(8)
    for (const face of ['Tinos-Regular', 'Tinos-Bold', 'Tinos-Italic', 'Tinos-BoldItalic']) expect(fonts).toMatch(new RegExp(`[A-Z]{6}\\+${face}\\s+CID TrueType\\s+Identity-H\\s+yes yes yes`))
    expect(fonts).not.toMatch(/Helvetica|Times-Roman/)
  })

  it('a blank sheet is pre-filled with product and member, with no crosses and blanks for totals and date', async () => {
    const bytes = await renderSheetsPdf(FONTS, input, [{ productId: 'sp02', memberId: 'tv09' }], 'blank', 'Phiếu đánh giá')
    const { text } = poppler('blank', bytes)
    expect(text).toContain('Đỗ Minh Khôi (Ủy viên)')
    expect(text).toContain('Lâm Đồng, ngày …… tháng …… năm ……')
    expect(text).toMatch(/Cộng phần A\s+……\/40/)
    expect(text).toMatch(/TỔNG CỘNG\s+100/)
    expect(text).not.toContain('vòng chấm')
    expect(contents(bytes)).not.toMatch(/^0\.9 w$/m)
  })

  it('a batch starts each sheet on a new page, and the same input gives the same bytes', async () => {
    const job = packChunks(input).find((c) => c.job.type === 'sheets')!.job
    if (job.type !== 'sheets') throw new Error('no sheet chunk')
    const items = job.items.slice(0, 4)
    const a = await renderSheetsPdf(FONTS, job.input, items, 'filled', 'Phiếu đánh giá sản phẩm OCOP')
    const b = await renderSheetsPdf(FONTS, job.input, items, 'filled', 'Phiếu đánh giá sản phẩm OCOP')
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true)
    const { file, pages } = poppler('batch', a)
    // pdftotext ends every page with a form feed.
    const firstLines = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).split('\f').slice(0, pages).map((p) => p.trimStart().split('\n')[0]!)
    expect(firstLines.filter((l) => l.startsWith('BỘ TIÊU CHÍ SỐ'))).toHaveLength(items.length)
    expect(pages).toBeGreaterThanOrEqual(3 * items.length)
  })

  it('a member without a sheet for the product is a clear Vietnamese error', async () => {
    await expect(renderSheetsPdf(FONTS, input, [{ productId: 'sp02', memberId: 'tv09' }], 'filled', 'x')).rejects.toThrow(/Đỗ Minh Khôi không có phiếu chấm sản phẩm "Trà Ô long Bảo Lộc"/)
  })
})

describe('pack chunks', () => {
  it('puts the sheets of a 60 × 9 session in a few balanced chunks, every counted sheet once and in order', () => {
    const big = lamDongFixture(getSet, { products: 60, members: 9 })
    const chunks = packChunks(big)
    const sheets = chunks.flatMap((c) => (c.job.type === 'sheets' ? [c.job] : []))
    expect(chunks.map((c) => c.job.type).slice(0, chunks.length - sheets.length)).not.toContain('sheets')
    // An even number of chunks for the two workers, each embedding its fonts once for many sheets.
    expect(sheets.length % 2).toBe(0)
    expect(sheets.length).toBeLessThanOrEqual(8)
    const counts = sheets.map((j) => j.items.length)
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2 * 9)
    const expected = big.products.flatMap((p) => p.sheets.filter((s) => s.counted).map((s) => `${p.id}/${s.memberId}`))
    expect(sheets.flatMap((j) => j.items.map((i) => `${i.productId}/${i.memberId}`))).toEqual(expected)
    for (const j of sheets) {
      expect(new Set(j.items.map((i) => i.productId))).toEqual(new Set(j.input.products.map((p) => p.id)))
      expect(j.input.criteriaSets.map((c) => c.id).sort()).toEqual([...new Set(j.input.products.map((p) => p.criteriaSetId))].sort())
    }
  })
})
