import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseCriteriaFile, readCriteriaFile } from '../../../src-main/services/criteria-file'
import { isLeaf, leafCriteria } from '../../../src-main/shared/criteria'
import { RESOURCES, tempDir } from '../../utils/core'
import { writeFileSync } from 'node:fs'

const FILE = join(RESOURCES, 'criteria', 'qd26-2026.json')
const raw = () => JSON.parse(readFileSync(FILE, 'utf8'))

describe('the 26 criteria sets of QĐ 26/2026', () => {
  const { data } = readCriteriaFile(FILE)

  it('has 26 sets numbered 1..26 in 6 sectors and 17 groups (Phụ lục I)', () => {
    expect(data.sets.map((s) => s.no)).toEqual(Array.from({ length: 26 }, (_, i) => i + 1))
    expect(new Set(data.sets.map((s) => s.sector)).size).toBe(6)
    expect(new Set(data.sets.map((s) => `${s.sector}/${s.group}`)).size).toBe(17)
  })

  it.each(Array.from({ length: 26 }, (_, i) => i + 1))('set %i sums to 100 with A/B/C = 40/25/35 and every section to its criteria', (no) => {
    const set = data.sets[no - 1]!
    expect(set.parts.map((p) => [p.code, p.maxPoints])).toEqual([['A', 40], ['B', 25], ['C', 35]])
    let total = 0
    for (const part of set.parts) {
      const partSum = part.sections.reduce((s, sec) => s + sec.maxPoints, 0)
      expect(partSum).toBe(part.maxPoints)
      for (const sec of part.sections) {
        const top = sec.criteria.reduce((s, c) => s + (isLeaf(c) ? Math.max(...c.options.map((o) => o.points)) : c.subCriteria.reduce((a, sc) => a + Math.max(...sc.options.map((o) => o.points)), 0)), 0)
        expect(top, `section ${sec.code}`).toBe(sec.maxPoints)
      }
      total += partSum
    }
    expect(total).toBe(100)
    const ids = leafCriteria(set).flatMap((l) => l.criterion.options.map((o) => o.id))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('set 6 criterion 1.1 carries the *** marker on the 50%–75% option, and derived minimums', () => {
    const set6 = data.sets[5]!
    const c = leafCriteria(set6).find((l) => l.criterion.code === '1.1')!.criterion
    expect(c.text).toBe('Nguồn nguyên liệu')
    expect(c.options.map((o) => [o.points, o.marker ?? null])).toEqual([[1, null], [2, 3], [3, null]])
    expect(c.minPointsForStar).toEqual({ 3: 2, 4: 2, 5: 2 })
    const tea = leafCriteria(data.sets[10]!).find((l) => l.criterion.code === '1.1')!.criterion
    expect(tea.knockouts).toEqual([{ kind: 'reject', text: 'Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc' }])
  })

  it('classifies "stop evaluating" notes apart from rejections and keeps "Chỉ áp dụng khi"', () => {
    const set11 = data.sets[10]!
    const tap = leafCriteria(set11).find((l) => l.criterion.code === '6.1.1')!.criterion
    expect(tap.knockouts[0]?.kind).toBe('stop')
    const conditional = data.sets.flatMap((s) => leafCriteria(s)).filter((l) => l.criterion.appliesOnlyWhen)
    expect(conditional.length).toBeGreaterThanOrEqual(25)
    expect(conditional[0]!.criterion.appliesOnlyWhen).toBe('Chỉ áp dụng khi có câu chuyện sản phẩm')
  })

  it('all text is NFC', () => {
    const text = readFileSync(FILE, 'utf8')
    expect(text.normalize('NFC')).toBe(text)
  })
})

describe('a corrupted criteria file is refused with a message naming the set and the field', () => {
  it('wrong type of a point value', () => {
    const bad = raw()
    bad.sets[5].parts[0].sections[0].criteria[0].options[1].points = 'hai'
    expect(() => parseCriteriaFile(bad, 'test.json')).toThrow(/bộ tiêu chí số 6 \(QD26-2026-06\), trường "parts\.0\.sections\.0\.criteria\.0\.options\.1\.points"/)
  })
  it('points that no longer add up', () => {
    const bad = raw()
    bad.sets[10].parts[2].sections[0].criteria[0].subCriteria[0].options[2].points = 5
    expect(() => parseCriteriaFile(bad, 'test.json')).toThrow(/bộ tiêu chí số 11 \(QD26-2026-11\).*tiêu chí 6\.1\.1: điểm cao nhất 5 ≠ 2/)
  })
  it('a missing set', () => {
    const bad = raw()
    bad.sets.pop()
    expect(() => parseCriteriaFile(bad, 'test.json')).toThrow(/tệp bộ tiêu chí, trường "sets"/)
  })
  it('not JSON at all', () => {
    const f = join(tempDir(), 'c.json')
    writeFileSync(f, '{ broken')
    expect(() => readCriteriaFile(f)).toThrow(/không đọc được JSON/)
  })
})
