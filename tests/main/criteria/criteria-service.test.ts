import { join } from 'node:path'
import { openConnection } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { readCriteriaFile } from '../../../src-main/services/criteria-file'
import { createCriteriaService, loadCriteria } from '../../../src-main/services/criteria-service'
import { foldVietnamese } from '../../../src-main/shared/text'
import { RESOURCES } from '../../utils/core'

const { data } = readCriteriaFile(join(RESOURCES, 'criteria', 'qd26-2026.json'))

function fresh() {
  const db = openConnection(':memory:')
  migrateTo(db)
  return db
}

describe('loading criteria into the DB', () => {
  it('loads 26 immutable rows once; loading again changes nothing', () => {
    const db = fresh()
    expect(loadCriteria(db, data)).toEqual({ inserted: 26 })
    const before = db.prepare('SELECT id, loaded_at, content_sha256 FROM criteria_sets ORDER BY id').all()
    expect(loadCriteria(db, data)).toEqual({ inserted: 0 })
    expect(db.prepare('SELECT id, loaded_at, content_sha256 FROM criteria_sets ORDER BY id').all()).toEqual(before)
  })

  it('refuses different content under an already loaded version', () => {
    const db = fresh()
    loadCriteria(db, data)
    const changed = structuredClone(data)
    changed.sets[0]!.name = 'Khác'
    expect(() => loadCriteria(db, changed)).toThrow(/cần phát hành phiên bản mới/)
  })

  it('keeps an older version readable next to a new one', () => {
    const db = fresh()
    loadCriteria(db, data)
    loadCriteria(db, { ...data, version: 'qd26-2026@99' })
    const svc = createCriteriaService(db, 'qd26-2026@99')
    expect(svc.get('QD26-2026-06', data.version).version).toBe(data.version)
    expect(svc.list()).toHaveLength(26)
    expect(() => svc.get('QD26-2026-06', 'nope')).toThrow(/Không tìm thấy bộ tiêu chí/)
  })
})

describe('criteria search', () => {
  const db = fresh()
  loadCriteria(db, data)
  const svc = createCriteriaService(db, data.version)

  it('ignores diacritics and case: "nguon goc" finds "Nguồn gốc"', () => {
    const hits = svc.search('nguon goc', { limit: 500 })
    expect(hits.length).toBeGreaterThan(26)
    expect(hits.some((h) => h.criterionText === 'Nguồn gốc ý tưởng sản phẩm' && h.setNo === 6)).toBe(true)
    for (const h of hits) expect(foldVietnamese(h.matchedText)).toContain('nguon goc')
  })

  it('finds đ with d and returns one hit per criterion, limited to a set when asked', () => {
    const hits = svc.search('DOC DAO', { setId: 'QD26-2026-06', limit: 500 })
    expect(hits.length).toBeGreaterThan(0)
    expect(hits.every((h) => h.setId === 'QD26-2026-06')).toBe(true)
    const keys = hits.map((h) => `${h.setId}:${h.criterionCode}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect(svc.search('nguon goc', { limit: 3 })).toHaveLength(3)
  })
})
