import { createHash } from 'node:crypto'
import type { DB } from '../db/connection'
import type { CriteriaSearchHit, CriteriaSetSummary } from '../shared/contract'
import { leafCriteria, zCriteriaSet, type CriteriaFile, type CriteriaSet } from '../shared/criteria'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'

const sha = (s: string): string => createHash('sha256').update(s).digest('hex')

/**
 * Loads the shipped criteria sets into the DB once per (set, version). Rows are immutable (triggers); loading the
 * same version again inserts nothing, and a different content under an existing version is refused.
 */
export function loadCriteria(db: DB, file: CriteriaFile, now: () => Date = () => new Date()): { inserted: number } {
  const existing = db.prepare('SELECT content_sha256 FROM criteria_sets WHERE set_id = ? AND version = ?')
  const insert = db.prepare(`INSERT INTO criteria_sets (set_id, version, set_no, name, classification_code, sector, grp, subgroup, legal_document, content, content_sha256, loaded_at)
    VALUES (@setId, @version, @no, @name, @code, @sector, @grp, @subgroup, @doc, @content, @sha, @at)`)
  let inserted = 0
  db.transaction(() => {
    for (const set of file.sets) {
      const content = JSON.stringify(set)
      const hash = sha(content)
      const row = existing.get(set.id, file.version) as { content_sha256: string } | undefined
      if (row) {
        if (row.content_sha256 !== hash)
          throw new AppError('CONFLICT', `Bộ tiêu chí ${set.id} phiên bản ${file.version} trong dữ liệu khác với bản đã nạp; cần phát hành phiên bản mới`)
        continue
      }
      insert.run({ setId: set.id, version: file.version, no: set.no, name: set.name, code: set.classificationCode, sector: set.sector, grp: set.group, subgroup: set.subgroup, doc: file.legalBasis.document, content, sha: hash, at: now().toISOString() })
      inserted++
    }
  })()
  return { inserted }
}

export interface CriteriaService {
  list(): CriteriaSetSummary[]
  get(setId: string, version?: string): { version: string; set: CriteriaSet }
  search(query: string, opts: { setId?: string; limit: number }): CriteriaSearchHit[]
}

export function createCriteriaService(db: DB, currentVersion: string): CriteriaService {
  const cache = new Map<string, CriteriaSet>()
  const byKey = db.prepare('SELECT content FROM criteria_sets WHERE set_id = ? AND version = ?')
  const listStmt = db.prepare('SELECT set_id, version, set_no, content FROM criteria_sets WHERE version = ? ORDER BY set_no')

  const get = (setId: string, version = currentVersion): { version: string; set: CriteriaSet } => {
    const key = `${setId}@${version}`
    let set = cache.get(key)
    if (!set) {
      const row = byKey.get(setId, version) as { content: string } | undefined
      if (!row) throw new AppError('NOT_FOUND', `Không tìm thấy bộ tiêu chí ${setId} (phiên bản ${version})`)
      set = zCriteriaSet.parse(JSON.parse(row.content))
      cache.set(key, set)
    }
    return { version, set }
  }
  const all = (): CriteriaSet[] =>
    (listStmt.all(currentVersion) as Array<{ set_id: string }>).map((r) => get(r.set_id).set)

  return {
    get,
    list() {
      return all().map((s) => ({
        id: s.id,
        no: s.no,
        name: s.name,
        classificationCode: s.classificationCode,
        sector: s.sector,
        group: s.group,
        subgroup: s.subgroup,
        version: currentVersion,
        criteriaCount: leafCriteria(s).length
      }))
    },
    search(query, { setId, limit }) {
      const needle = foldVietnamese(query)
      const hits: CriteriaSearchHit[] = []
      for (const set of setId ? [get(setId).set] : all()) {
        for (const part of set.parts)
          for (const sec of part.sections)
            for (const c of sec.criteria) {
              const nodes = 'subCriteria' in c ? [c, ...c.subCriteria] : [c]
              for (const node of nodes) {
                const base = { setId: set.id, setNo: set.no, setName: set.name, criterionCode: node.code, criterionText: node.text }
                // One hit per criterion: the criterion's own text first, else its first matching note or option.
                if (foldVietnamese(node.text).includes(needle)) hits.push({ ...base, matchedText: node.text })
                else {
                  const note = node.notes.find((n) => foldVietnamese(n).includes(needle))
                  const option = 'options' in node ? node.options.find((o) => foldVietnamese(o.text).includes(needle)) : undefined
                  if (option) hits.push({ ...base, optionId: option.id, matchedText: option.text })
                  else if (note) hits.push({ ...base, matchedText: note })
                }
                if (hits.length >= limit) return hits.slice(0, limit)
              }
            }
      }
      return hits
    }
  }
}
