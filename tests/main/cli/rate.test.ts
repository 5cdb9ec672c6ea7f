import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { EXIT_INVALID_INPUT, runRate, type CliIo } from '../../../src-main/cli/rate'
import { criteriaFile } from '../domain/fixtures'

const ROOT = resolve(import.meta.dirname, '../../..')
const EXAMPLE = resolve(ROOT, 'docs/examples/rate-set6.json')

function fakeIo(stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    readFile: (path: string) => readFileSync(path, 'utf8'),
    readStdin: () => Promise.resolve(stdin),
    stdout: (t: string) => {
      io.out += t
    },
    stderr: (t: string) => {
      io.err += t
    },
    loadCriteria: () => criteriaFile
  }
  return io
}

describe('cli rate', () => {
  it('rates the documented set 6 example: re-score round 2 counts, 4★ recognised by the province', async () => {
    const io = fakeIo()
    expect(await runRate([EXAMPLE], io)).toBe(0)
    expect(io.err).toBe('')
    const r = JSON.parse(io.out)
    expect(r.criteria).toEqual({ setId: 'QD26-2026-06', setNo: 6, setName: 'Chế biến từ gạo, ngũ cốc', version: criteriaFile.version })
    expect([r.status, r.countingRound, r.score.meanText, r.band, r.stars, r.outcome]).toEqual(['final', 2, '71,33', 4, 4, 'recognised-by-province'])
    expect(r.members.map((m: { id: string; eligible: boolean }) => [m.id, m.eligible])).toEqual([
      ['tv01', true], ['tv02', true], ['tv03', true], ['tv04', false], ['tv05', false], ['tv06', false]
    ])
    expect(r.members[2].sheets.map((s: { round: number; parts: unknown; total: number }) => [s.round, s.parts, s.total])).toEqual([
      [1, { A: 31, B: 9, C: 20 }, 60],
      [2, { A: 32, B: 15, C: 24 }, 71]
    ])
  })

  it('docs/rate-input.md shows the example file verbatim', () => {
    expect(readFileSync(resolve(ROOT, 'docs/rate-input.md'), 'utf8')).toContain(readFileSync(EXAMPLE, 'utf8'))
  })

  it('reads stdin with "-" and prints byte-identical output', async () => {
    const a = fakeIo()
    const b = fakeIo(readFileSync(EXAMPLE, 'utf8'))
    await runRate([EXAMPLE], a)
    expect(await runRate(['-'], b)).toBe(0)
    expect(b.out).toBe(a.out)
  })

  it.each([
    [[], /^Cách dùng: npm run cli -- rate/],
    [['missing.json'], /^Không đọc được tệp "missing.json"/],
    [['-'], /^Tệp "-" không phải JSON hợp lệ/],
    [['-', 'extra'], /^Cách dùng/]
  ])('invalid invocation %j → exit 2, message on stderr, nothing on stdout', async (argv, message) => {
    const io = fakeIo('{not json')
    expect(await runRate(argv, io)).toBe(EXIT_INVALID_INPUT)
    expect(io.out).toBe('')
    expect(io.err).toMatch(message)
  })

  it('input that does not fit the criteria set → exit 2 with every problem listed', async () => {
    const input = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    input.rounds[1].sheets[0].answers['1.5'] = '1.5.z'
    delete input.rounds[1].sheets[1].answers['6.3']
    const io = fakeIo(JSON.stringify(input))
    expect(await runRate(['-'], io)).toBe(EXIT_INVALID_INPUT)
    expect(io.out).toBe('')
    expect(io.err).toBe(
      'Dữ liệu chấm điểm không hợp lệ (2 lỗi):\n' +
        '- rounds.1.sheets.0: Phiếu của Nguyễn Văn An (tv01), vòng 2: Tiêu chí 1.5 (Liên kết chuỗi trong sản xuất): không có phương án "1.5.z"\n' +
        '- rounds.1.sheets.1: Phiếu của Trần Thị Bình (tv02), vòng 2: Tiêu chí 6.3 (Màu sắc): chưa chấm\n'
    )
  })

  it('unknown criteria set → exit 2', async () => {
    const io = fakeIo(JSON.stringify({ product: { criteriaSetId: 'QD26-2026-99' } }))
    expect(await runRate(['-'], io)).toBe(EXIT_INVALID_INPUT)
    expect(io.err).toMatch(/product\.criteriaSetId "QD26-2026-99" không phải bộ tiêu chí nào/)
  })

  it('reads a file saved with a UTF-8 byte-order mark', async () => {
    const plain = fakeIo()
    await runRate([EXAMPLE], plain)
    const io = fakeIo(`\uFEFF${readFileSync(EXAMPLE, 'utf8')}`)
    expect(await runRate(['-'], io)).toBe(0)
    expect(io.out).toBe(plain.out)
  })

  it('a misspelled key is an error naming it, not silently dropped agreed options', async () => {
    const input = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    input.agreedOption = [{ criterionCode: '1.5', optionId: '1.5.d', reason: 'x' }]
    input.product.recusal = []
    const io = fakeIo(JSON.stringify(input))
    expect(await runRate(['-'], io)).toBe(EXIT_INVALID_INPUT)
    expect(io.err).toContain('- (gốc): Trường không có trong định dạng (có thể viết sai tên): «agreedOption»')
    expect(io.err).toContain('- product: Trường không có trong định dạng (có thể viết sai tên): «recusal»')
  })

  it('wrong types and sizes are told in Vietnamese, never zod\'s English', async () => {
    const input = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    input.present = 'tv01'
    input.rounds[0].sheets[0].answers = 'none'
    input.council.members[0].role = 'Chairman'
    input.quyChe = { spreadLimit: 'mười' }
    delete input.product.id
    input.product.name = 'x'.repeat(600)
    const io = fakeIo(JSON.stringify(input))
    expect(await runRate(['-'], io)).toBe(EXIT_INVALID_INPUT)
    expect(io.err).toContain('- present: Sai kiểu dữ liệu: cần danh sách, nhận được chuỗi ký tự')
    expect(io.err).toContain('- rounds.0.sheets.0.answers: Sai kiểu dữ liệu: cần đối tượng, nhận được chuỗi ký tự')
    expect(io.err).toContain('- quyChe.spreadLimit: Sai kiểu dữ liệu: cần số, nhận được chuỗi ký tự')
    expect(io.err).toContain('- product.id: Thiếu giá trị (cần chuỗi ký tự)')
    expect(io.err).toContain('- product.name: Tên quá dài (tối đa 500 ký tự)')
    expect(io.err).not.toMatch(/Invalid|expected|received|record|string|Too (big|small)|Unrecognized/)
  })

  it('a 30 MB product name is refused at the boundary, before anything is normalised or scored', async () => {
    const input = JSON.parse(readFileSync(EXAMPLE, 'utf8'))
    input.product.name = 'Bánh '.repeat(4_000_000)
    const io = fakeIo(JSON.stringify(input))
    expect(await runRate(['-'], io)).toBe(EXIT_INVALID_INPUT)
    expect(io.err).toBe('Tệp "-" quá lớn (tối đa 20 MB)\n')
    input.product.name = 'Bánh '.repeat(100_000)
    const big = fakeIo(JSON.stringify(input))
    expect(await runRate(['-'], big)).toBe(EXIT_INVALID_INPUT)
    expect(big.err).toContain('- product.name: Nội dung quá dài (tối đa 20.000 ký tự)')
  })

  it('finds the shipped criteria by itself when none are injected', async () => {
    const io = fakeIo()
    delete io.loadCriteria
    expect(await runRate([EXAMPLE], io)).toBe(0)
    expect(JSON.parse(io.out).stars).toBe(4)
  })
})
