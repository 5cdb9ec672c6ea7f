import type { RegistrationType } from '../shared/catalogue'

/**
 * The dossier checklist of QĐ 26/2026 Điều 6: the product dossier (Mẫu 01, Mẫu 02, plus evidence of changes for an
 * upgrade or updated papers for a re-evaluation) and what the commune sends to the province (its letter, Mẫu 03,
 * 5 samples except tourism).
 */
export type DossierItemKey = 'mau-01' | 'mau-02' | 'upgrade-evidence' | 'reevaluation-updates' | 'commune-letter' | 'mau-03' | 'samples'

export interface DossierItemDef {
  key: DossierItemKey
  label: string
  /** Physical items (samples) are ticked; documents may also be attached as files. */
  acceptsFiles: boolean
}

const ITEMS: Record<DossierItemKey, DossierItemDef> = {
  'mau-01': { key: 'mau-01', label: 'Phiếu đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP (Mẫu 01)', acceptsFiles: true },
  'mau-02': { key: 'mau-02', label: 'Báo cáo tự đánh giá về sản phẩm (Mẫu 02)', acceptsFiles: true },
  'upgrade-evidence': {
    key: 'upgrade-evidence',
    label: 'Thuyết minh và tài liệu minh chứng những thay đổi so với khi được công nhận (nâng hạng)',
    acceptsFiles: true
  },
  'reevaluation-updates': {
    key: 'reevaluation-updates',
    label:
      'Tài liệu cập nhật về nguyên liệu, công nghệ, bao bì, nhãn, công bố chất lượng, phiếu kiểm nghiệm định kỳ, thị trường, sản lượng, doanh thu và giấy tờ pháp lý còn hiệu lực (đánh giá lại)',
    acceptsFiles: true
  },
  'commune-letter': { key: 'commune-letter', label: 'Văn bản đề nghị của UBND cấp xã', acceptsFiles: true },
  'mau-03': { key: 'mau-03', label: 'Báo cáo đánh giá của UBND cấp xã (Mẫu 03)', acceptsFiles: true },
  samples: { key: 'samples', label: '05 mẫu sản phẩm', acceptsFiles: false }
}

export const DOSSIER_ITEM_KEYS = Object.keys(ITEMS) as DossierItemKey[]

/** The items required for one product, in the order of Điều 6. */
export function dossierChecklist(registrationType: RegistrationType, requiresSamples: boolean): DossierItemDef[] {
  const keys: DossierItemKey[] = ['mau-01', 'mau-02']
  if (registrationType === 'nang-hang') keys.push('upgrade-evidence')
  if (registrationType === 'danh-gia-lai') keys.push('reevaluation-updates')
  keys.push('commune-letter', 'mau-03')
  if (requiresSamples) keys.push('samples')
  return keys.map((k) => ITEMS[k])
}

export interface DossierItemState {
  key: DossierItemKey
  checked: boolean
  fileCount: number
}

/** An item counts when it is ticked as received or, for documents, has a file attached. */
export const itemSatisfied = (def: DossierItemDef, s: DossierItemState | undefined): boolean =>
  !!s && (s.checked || (def.acceptsFiles && s.fileCount > 0))

/** The required items still missing; the dossier is complete when this is empty. */
export function missingItems(checklist: readonly DossierItemDef[], states: readonly DossierItemState[]): DossierItemDef[] {
  const byKey = new Map(states.map((s) => [s.key, s]))
  return checklist.filter((d) => !itemSatisfied(d, byKey.get(d.key)))
}

export const isDossierItemKey = (k: string): k is DossierItemKey => Object.prototype.hasOwnProperty.call(ITEMS, k)
