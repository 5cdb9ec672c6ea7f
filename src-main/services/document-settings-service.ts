import { createHash } from 'node:crypto'
import type { DB } from '../db/connection'
import type { ProvinceSettings as CatalogueProvince } from '../shared/api/catalogue'
import { zDocumentSettings, type DocumentSettings } from '../shared/api/document-settings'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'
import type { AdminUnits } from './admin-units-service'
import { canonicalJson } from './document-service'
import type { SettingsStore } from './settings-service'

/**
 * The province's document settings as immutable versions (table document_settings_versions). Saving an unchanged set keeps the current
 * version; issuing a document pins the version then current, so later edits never change what was issued.
 */
export interface DocumentSettingsService {
  defaults(): DocumentSettings
  current(): { versionId: number | null; createdAt: string | null; settings: DocumentSettings }
  save(settings: DocumentSettings): { versionId: number; createdAt: string; settings: DocumentSettings }
  /** The version an issue records: the current one, saving the defaults as the first version when none exists. */
  pin(): { versionId: number; settings: DocumentSettings }
  version(id: number): DocumentSettings
}

/** Unit names inside a sentence take a lower-case type word: "tỉnh Lâm Đồng". */
export const inSentence = (name: string): string => name.replace(/^(Xã|Phường|Tỉnh|Thành phố|Đặc khu)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'))

const KNOWN_AGENCY = 'Sở Nông nghiệp và Môi trường'
/**
 * Running text never shows a name typed in capitals for the letterhead ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"): the known
 * agency gets its official spelling, any other all-capitals name its first letter only (the office corrects it in Cài đặt).
 */
export function runningName(name: string): string {
  const n = name.normalize('NFC').trim()
  if (n !== n.toLocaleUpperCase('vi') || !/\p{L}/u.test(n)) return n
  if (foldVietnamese(n) === foldVietnamese(KNOWN_AGENCY)) return KNOWN_AGENCY
  const lower = n.toLocaleLowerCase('vi')
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1)
}

const QD26 = 'Căn cứ Quyết định số 26/2026/QĐ-TTg ngày 22 tháng 5 năm 2026 của Thủ tướng Chính phủ ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm mỗi xã một sản phẩm'
const LUAT = 'Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025'
const HOI_DONG = 'Căn cứ {hoiDong} về việc thành lập Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh {tinh}'
const QUY_CHE = 'Căn cứ {quyChe} ban hành Quy chế hoạt động của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh {tinh}'

export function createDocumentSettingsService(d: { db: DB; settings: SettingsStore; units: AdminUnits; now: () => Date }): DocumentSettingsService {
  const latest = d.db.prepare('SELECT id, settings, sha256, created_at FROM document_settings_versions ORDER BY id DESC LIMIT 1')
  const byId = d.db.prepare('SELECT settings FROM document_settings_versions WHERE id = ?').pluck()
  const insert = d.db.prepare('INSERT INTO document_settings_versions (settings, sha256, created_at) VALUES (?, ?, ?)')
  type Row = { id: number; settings: string; sha256: string; created_at: string }

  function defaults(): DocumentSettings {
    const p = d.settings.get<CatalogueProvince | null>('province', null)
    const unit = p?.provinceCode ? d.units.province(p.provinceCode)?.name : undefined
    const committee = runningName(p?.bodyName || (unit ? `Ủy ban nhân dân ${inSentence(unit)}` : 'Ủy ban nhân dân tỉnh'))
    const agency = runningName(p?.advisoryBody || KNOWN_AGENCY)
    return zDocumentSettings.parse({
      committeeName: committee,
      agencyName: agency,
      agencySymbol: foldVietnamese(agency) === foldVietnamese(KNOWN_AGENCY) ? 'SNNMT' : 'STM',
      // A provincial council is chaired by a Phó Chủ tịch UBND tỉnh, who signs the decisions "KT. CHỦ TỊCH".
      signers: {
        committee: { authority: 'KT', authorityOf: 'Chủ tịch', title: 'Phó Chủ tịch', name: '' },
        council: { authority: 'TM', authorityOf: 'Hội đồng', title: 'Chủ tịch', name: '' },
        agency: { authority: null, authorityOf: '', title: 'Giám đốc', name: '' }
      },
      basis: {
        decision: [LUAT, QD26, HOI_DONG, QUY_CHE],
        approval: [LUAT, QD26, HOI_DONG, QUY_CHE],
        submission: [QD26, HOI_DONG, QUY_CHE, 'Căn cứ {baoCao} của Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh {tinh}']
      },
      proposer: { decision: `Theo đề nghị của Giám đốc ${agency} tại {toTrinh}`, approval: `Theo đề nghị của Giám đốc ${agency} tại {toTrinh}` },
      recipients: {
        report: ['Chủ tịch, các Phó Chủ tịch UBND tỉnh (b/c)', agency, 'Thành viên Hội đồng'],
        submission: ['Như trên', 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh'],
        decision: ['Như Điều 4', 'Bộ Nông nghiệp và Môi trường (b/c)', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh'],
        approval: ['Như Điều 3', 'Bộ Nông nghiệp và Môi trường', 'Chủ tịch, các Phó Chủ tịch UBND tỉnh'],
        notice: ['Ủy ban nhân dân các xã, phường có sản phẩm', 'Các chủ thể có sản phẩm']
      }
    })
  }

  function current() {
    const row = latest.get() as Row | undefined
    if (!row) return { versionId: null, createdAt: null, settings: defaults() }
    return { versionId: row.id, createdAt: row.created_at, settings: zDocumentSettings.parse(JSON.parse(row.settings)) }
  }

  const save = d.db.transaction((settings: DocumentSettings) => {
    const parsed = zDocumentSettings.parse(settings)
    const json = canonicalJson(parsed)
    const sha = createHash('sha256').update(json).digest('hex')
    const row = latest.get() as Row | undefined
    if (row && row.sha256 === sha) return { versionId: row.id, createdAt: row.created_at, settings: parsed }
    const at = d.now().toISOString()
    const id = Number(insert.run(json, sha, at).lastInsertRowid)
    return { versionId: id, createdAt: at, settings: parsed }
  })

  return {
    defaults,
    current,
    save,
    pin() {
      const c = current()
      if (c.versionId !== null) return { versionId: c.versionId, settings: c.settings }
      const s = save(c.settings)
      return { versionId: s.versionId, settings: s.settings }
    },
    version(id) {
      const json = byId.get(id) as string | undefined
      if (json === undefined) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên bản cài đặt văn bản')
      return zDocumentSettings.parse(JSON.parse(json))
    }
  }
}
