import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildDocument } from '../../../src-main/documents/build'
import { minutesDocument } from '../../../src-main/documents/minutes'
import { addMonths, basisLines, numberLine, placeDate, recipientLines, signatureLines, vnDateWords } from '../../../src-main/documents/layout/decree30'
import { DOCUMENT_KIND_NAMES, zDocumentInput } from '../../../src-main/documents/model'
import { renderSheetsPdf } from '../../../src-main/documents/sheet-pdfkit'
import { tempDir } from '../../utils/core'
import { FONTS, fixture, texts } from './helpers'

describe('Decree 30 formatting rules', () => {
  it('pads the day below 10 and the months 1–2 only (NĐ 30 Phụ lục I)', () => {
    expect(vnDateWords('2026-08-05')).toBe('ngày 05 tháng 8 năm 2026')
    expect(vnDateWords('2026-01-09')).toBe('ngày 09 tháng 01 năm 2026')
    expect(vnDateWords('2026-02-28')).toBe('ngày 28 tháng 02 năm 2026')
    expect(vnDateWords('2026-12-15')).toBe('ngày 15 tháng 12 năm 2026')
    expect(placeDate('Lâm Đồng', '2026-08-05')).toBe('Lâm Đồng, ngày 05 tháng 8 năm 2026')
  })

  it('writes the number with a leading zero below 10 and keeps a blank for drafts', () => {
    expect(numberLine(12, 'QĐ', 'UBND')).toBe('Số: 12/QĐ-UBND')
    expect(numberLine(3, 'BB', 'HĐOCOP')).toBe('Số: 03/BB-HĐOCOP')
    expect(numberLine(null, 'TTr', 'SNNMT')).toMatch(/^Số: +\/TTr-SNNMT$/)
  })

  it('prints KT./TM. prefixes above the position, and ends căn cứ and nơi nhận as required', () => {
    expect(signatureLines({ authority: 'KT', authorityOf: 'Chủ tịch', title: 'Phó Chủ tịch', name: 'Trần Văn Hiệp' })).toEqual({ heads: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Trần Văn Hiệp' })
    expect(signatureLines({ authority: 'TM', authorityOf: 'Ủy ban nhân dân', title: 'Chủ tịch', name: 'A' }).heads).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'])
    expect(basisLines(['Căn cứ A;', 'Căn cứ B'])).toEqual(['Căn cứ A;', 'Căn cứ B.'])
    expect(recipientLines(['Như Điều 4'], 'VT, KT')).toEqual(['- Như Điều 4;', '- Lưu: VT, KT.'])
    expect(addMonths('2026-08-05', 36)).toBe('2029-08-05')
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28')
  })
})

describe('document builders on the Lâm Đồng fixture', () => {
  const input = fixture()

  it('is a realistic session: 3 products, 9 scoring members plus the secretary, one recusal, 3★/4★ and a 5★ candidate', () => {
    expect(input.products.map((p) => p.stars)).toEqual([4, 3, 5])
    expect(input.session.members).toHaveLength(10)
    expect(input.session.recusals).toHaveLength(1)
    expect(input.products[1]!.sheets).toHaveLength(8)
    expect(input.products[0]!.rounds).toBe(2)
  })

  it('builds every kind as a JSON-safe definition whose text is NFC (the sheets have their own renderer)', () => {
    for (const kind of DOCUMENT_KIND_NAMES.filter((k) => k !== 'sheet' && k !== 'sheet-blank')) {
      const built = buildDocument(kind, input, { productId: 'sp01', memberId: 'tv02' })
      const json = JSON.stringify(built.pdf)
      expect(JSON.parse(json)).toEqual(built.pdf)
      for (const t of texts(built.pdf)) expect(t).toBe(t.normalize('NFC'))
    }
  })

  it('normalises decomposed input to NFC at the boundary', () => {
    const raw = JSON.parse(JSON.stringify(input)) as typeof input
    raw.products[0]!.name = 'Bánh tráng gạo lứt Đức Trọng'.normalize('NFD')
    const parsed = zDocumentInput.parse(raw)
    expect(parsed.products[0]!.name).toBe('Bánh tráng gạo lứt Đức Trọng'.normalize('NFC'))
  })

  it('minutes follow Mẫu 1.9: no place/date in the heading, recusal with reason, THƯ KÝ left and CHỦ TỌA right', () => {
    const doc = minutesDocument(input)
    const header = doc.blocks[0]!
    expect(header).toMatchObject({ kind: 'header', number: 'Số: 03/BB-HĐOCOP', placeDate: null, issuer: 'HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP' })
    const all = texts(doc).join('\n')
    expect(all).toContain('Thời gian bắt đầu: 08 giờ 00 phút, ngày 28 tháng 7 năm 2026.')
    expect(all).toContain('Đỗ Minh Khôi không chấm sản phẩm "Trà Ô long Bảo Lộc". Lý do: Có quan hệ gia đình')
    expect(all).toContain('Cuộc họp kết thúc vào 11 giờ 30 phút')
    expect(doc.blocks.at(-1)).toMatchObject({ kind: 'signPair', left: { heads: ['THƯ KÝ'], name: 'Ngô Thị Thanh Tâm' }, right: { heads: ['CHỦ TỌA'], name: 'Nguyễn Văn Sơn' } })
  })

  it('the decision lists only 3★/4★ products in its annex, highest stars first, and the approval only the 5★ candidate', () => {
    const d = buildDocument('decision', input)
    const text = texts(d.text).join('\n')
    expect(text).toContain('Số: 3981/QĐ-UBND')
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG')
    expect(text).toContain('(Kèm theo Quyết định số 3981/QĐ-UBND ngày 05 tháng 8 năm 2026 của Chủ tịch Ủy ban nhân dân tỉnh Lâm Đồng)')
    const annex = d.text!.blocks.at(-1)!
    expect(annex.kind === 'table' && annex.rows.map((r) => [r[1], r[7], r[8]])).toEqual([
      ['Bánh tráng gạo lứt Đức Trọng', '86,00', '4 sao'],
      ['Trà Ô long Bảo Lộc', '65,25', '3 sao']
    ])
    const a = buildDocument('approval', input).text!.blocks.at(-1)!
    expect(a.kind === 'table' && a.rows.map((r) => r[1])).toEqual(['Cà phê Arabica Cầu Đất rang xay'])
  })

  it('the summary shows each member total with A/B/C, the mean via formatScore, and the recusal', () => {
    const s = buildDocument('summary', input).text
    expect(s).toBeNull()
    const rows = texts(buildDocument('summary', input).pdf).join('\n')
    expect(rows).toContain('65,25')
    expect(rows).toContain('TV 9 không chấm: Có quan hệ gia đình')
    // Subtotals joined by word joiners (U+2060) so a cell never breaks inside "A/B/C"; the subtotal line may be its own
    // run at a smaller size (cellSize), so the total and it can be two strings.
    expect(rows.replace(/\u2060/gu, '')).toMatch(/\n86\n+34\/20\/32\n/)
  })

  it('certificates are numbered in annex order and valid 36 months from the decision', () => {
    const all = texts(buildDocument('certificate', input).pdf).join('\n')
    expect(all).toContain('Số: 01/GCN-OCOP')
    expect(all).toContain('Số: 02/GCN-OCOP')
    expect(all).toContain('đến ngày 05 tháng 8 năm 2029')
    expect(() => buildDocument('certificate', input, { productId: 'sp03' })).toThrow(/không thuộc danh sách được công nhận/)
  })

  it('a filled sheet needs the member to have scored the product; sheets are drawn by sheet-pdfkit.ts only', async () => {
    await expect(renderSheetsPdf(FONTS, input, [{ productId: 'sp02', memberId: 'tv09' }], 'filled', 'Phiếu')).rejects.toThrow(/không có phiếu chấm/)
    const blank = await renderSheetsPdf(FONTS, input, [{ productId: 'sp02', memberId: 'tv09' }], 'blank', 'Phiếu')
    const file = join(tempDir('ocop-sheet-'), 'blank.pdf')
    writeFileSync(file, blank)
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Đỗ Minh Khôi (Ủy viên)')
    expect(() => buildDocument('sheet', input, { productId: 'sp02', memberId: 'tv03' })).toThrow('Phiếu đánh giá: chỉ xuất được PDF')
  })

  it('the minutes list a member without a position without an empty gap', () => {
    const noPosition = structuredClone(input)
    noPosition.session.members = noPosition.session.members.map((m) => ({ ...m, position: '' }))
    const lines = texts(buildDocument('minutes', noPosition).pdf).join('\n')
    expect(lines).not.toMatch(/,\s+-/)
    expect(lines).toMatch(/1\. [^,\n]+ - Chủ tịch Hội đồng;/)
  })

  it('minutes definition snapshot', () => {
    expect(minutesDocument(input)).toMatchSnapshot()
  })
})
