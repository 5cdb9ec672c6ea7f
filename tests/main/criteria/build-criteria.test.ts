import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { convertCriteria } from '../../../scripts/build-criteria'
import { isLeaf } from '../../../src-main/shared/criteria'
import { REPO, RESOURCES } from '../../utils/core'

// shared/ sits beside the checkout on developer machines and in CI; the shipped file must be its conversion.
const SOURCE = join(REPO, '../shared/ocop/criteria-qd26-2026-all.json')

describe('scripts/build-criteria', () => {
  it('reproduces resources/criteria/qd26-2026.json from the shared extraction', () => {
    expect(existsSync(SOURCE), `missing ${SOURCE}`).toBe(true)
    const converted = convertCriteria(JSON.parse(readFileSync(SOURCE, 'utf8')))
    expect(JSON.stringify(converted) + '\n').toBe(readFileSync(join(RESOURCES, 'criteria', 'qd26-2026.json'), 'utf8'))
  })

  it('drops the stray part heading stored as a note on set 26 criterion 5.3', () => {
    const converted = convertCriteria(JSON.parse(readFileSync(SOURCE, 'utf8')))
    const set26 = converted.sets[25]!
    const notes = set26.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria.flatMap((c) => c.notes)))
    expect(notes.some((n) => n.startsWith('PHẦN C'))).toBe(false)
  })

  it('prints the supplied yes/no labels of the bilingual-label criterion without the extraction marker', () => {
    const converted = convertCriteria(JSON.parse(readFileSync(SOURCE, 'utf8')))
    const leaves = converted.sets.flatMap((set) => set.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria.flatMap((c) => (isLeaf(c) ? [c] : c.subCriteria)))))
    const options = leaves.flatMap((c) => c.options)
    expect(options.some((o) => /RECONSTRUCTED/i.test(o.text))).toBe(false)
    const bilingual = leaves.filter((c) => /song ngữ/i.test(c.text) && c.maxPoints === 1)
    expect(bilingual.length).toBeGreaterThanOrEqual(22)
    for (const c of bilingual) expect(c.options.map((o) => o.text)).toEqual(['Không đáp ứng', 'Đáp ứng'])
  })
})
