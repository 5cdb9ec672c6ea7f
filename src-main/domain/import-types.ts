import type { ProducerData } from '../shared/api/catalogue'
import type { ProductStatus, RegistrationType } from '../shared/catalogue'
import type { CommuneCandidate, CommuneQuery, Resolution, ResolveHow } from './commune-resolver'
import type { RecordedCertificate } from './recorded-certificate'

export type ImportSheet = 'file' | 'producers' | 'products' | 'certificates'

/** One problem of an uploaded workbook, located by sheet, Excel row number and column header. */
export interface ImportIssue {
  sheet: ImportSheet
  row: number | null
  column: string | null
  message: string
  severity: 'error' | 'warning'
}

/** A data row as read from the workbook: cell texts keyed by the field names of catalogue-xlsx.ts. */
export interface RawRow {
  row: number
  cells: Record<string, string>
}

export interface RawWorkbook {
  producers: RawRow[]
  products: RawRow[]
  /** Sheet «Giấy chứng nhận»; empty when the file has none (it is optional). */
  certificates: RawRow[]
  /** Missing sheets or headers found while reading. */
  issues: ImportIssue[]
}

export interface ImportedProducer {
  row: number
  no: number
  data: ProducerData
  /** The producer already in the database this row stands for (re-import as update). */
  matchedId?: number | undefined
  /** An earlier row of the file for the same producer (one producer row per product in real lists). */
  sameAsNo?: number | undefined
  /** For a matched producer whose fields differ: what changes (the update writes `data`; blank cells kept what is registered). */
  update?: { changes: FieldChange[]; communeFrom: string | null } | undefined
}

/** How the commune of a producer row was read (shown in the preview), and the choice it still needs. */
export interface CommuneResolutionRow {
  row: number
  input: string
  status: 'resolved' | 'choice' | 'chosen'
  how: ResolveHow | 'chosen'
  code: string | null
  name: string | null
  via: string
  reason: string
  candidates: CommuneCandidate[]
}

/** One field a re-import changes on a registered producer or product, as the clerk reads it: old → new. */
export interface FieldChange {
  field: string
  label: string
  from: string
  to: string
}

/** A record a row might stand for when it matches more than one (or another row of the file does). */
export interface DuplicateCandidate {
  id: number
  label: string
}

/**
 * A true duplicate: the row matches several registered records, or another row of the file is the same product.
 * The commit is blocked until the clerk chooses: `update:<id>`, `add` or `skip` (`chosen`).
 */
export interface DuplicateInfo {
  reason: string
  candidates: DuplicateCandidate[]
  chosen: RowChoice | null
}

/** A clerk's choice for a duplicate row. */
export type RowChoice = 'add' | 'skip' | `update:${number}`

/** What a row will do on commit. */
export interface RowAction {
  sheet: 'producers' | 'products'
  row: number
  /** thêm mới, cập nhật, không đổi, the producer of an earlier row, a duplicate still to decide, skipped by choice. */
  action: 'add' | 'update' | 'unchanged' | 'same-as-row' | 'duplicate' | 'skip'
  /** Why it is an update: "mã số thuế 5800…", "mã sản phẩm …", "tên và chủ thể". */
  matchedBy: string
  /** For an update: each field that changes, old → new. */
  changes: FieldChange[]
  duplicate: DuplicateInfo | null
}

export interface ImportedProduct {
  row: number
  /** The row's STT; certificate rows refer to it. */
  no: number
  producerNo: number
  /** The product already in the database this row stands for (re-import as update). */
  matchedId?: number | undefined
  /** For a matched product whose fields differ: the fields that change. */
  changes?: FieldChange[] | undefined
  data: {
    name: string
    setId: string
    registrationType: RegistrationType
    year: number
    code?: string | undefined
    status: ProductStatus
    stars: number | null
  }
}

/** What the database and the settings know, asked for by the pure checks (all lookups are synchronous). */
export interface ImportContext {
  /** The province the app is set up for; rows of other provinces are refused. Null when not configured yet. */
  provinceCode: string | null
  commune(code: string): { provinceCode: string; name: string } | undefined
  set(setId: string): { no: number; name: string } | undefined
  productsInCommune(communeCode: string): Array<{ code: string; name: string; setId: string; producerName: string; producerRegNo: string }>
  resolveCommune(q: CommuneQuery): Resolution
  /** Communes the clerk chose in the preview, by producer row. */
  communeChoices: ReadonlyMap<number, string>
  /** Registered producers of that name (folded) in that commune: more than one is a true duplicate. */
  producersByNameInCommune(communeCode: string, name: string): ExistingProducer[]
  producerByRegNo(regNo: string): ExistingProducer | undefined
  /** The product with that code, whoever its producer. */
  productByCode(code: string): ExistingProduct | undefined
  /** The producer's products of that name (folded): more than one is a true duplicate. */
  productsNamed(producerId: number, name: string): ExistingProduct[]
  /** Choices made in the preview for duplicate rows, keyed `producers:<row>` / `products:<row>`. */
  rowChoices: ReadonlyMap<string, RowChoice>
  /** A certificate already recorded as (year, number as printed, issuing authority). */
  recordedCertificate(year: number, numberText: string, authority: string): { productId: number; productName: string } | undefined
  /** The day certificates are judged valid on (today, Vietnam time). */
  asOf: string
}

/** A registered producer as a re-import compares it. */
export interface ExistingProducer {
  id: number
  data: ProducerData
  productCount: number
}

/** A registered product as a re-import compares it. */
export interface ExistingProduct {
  id: number
  code: string
  name: string
  producerId: number
  setId: string
  registrationType: RegistrationType
  status: ProductStatus
}

export interface ImportCheck {
  producers: ImportedProducer[]
  products: ImportedProduct[]
  certificates: ImportedCertificateRow[]
  issues: ImportIssue[]
  resolutions: CommuneResolutionRow[]
  actions: RowAction[]
}

export interface ImportedCertificateRow {
  row: number
  productNo: number
  data: RecordedCertificate
  existing: boolean
}
