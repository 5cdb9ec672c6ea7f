import type { IssueDto, Issuer } from '../model'

/**
 * Input of the office's documents outside a session (issue 14). The service fills them from the records and, once a
 * document is issued, keeps the input it was issued with, so the issued paper never changes; the builders only read.
 */
export interface OfficeHead {
  provinceName: string
  /** "tỉnh Lâm Đồng" in running text. */
  provinceUnit: string
  placeName: string
  /** The advising body (Sở NN&MT or the body of the document settings), its parent the UBND tỉnh. */
  agency: Issuer
  /** The UBND tỉnh in running text. */
  committeeName: string
  /** Number (null: a draft, "DỰ THẢO") and date. */
  issue: IssueDto
  recipients: string[]
}

export interface PlanDocItem {
  code: string
  name: string
  producer: string
  commune: string
  /** "4 sao", GCN number and expiry when the product holds a valid certificate. */
  stars: number | null
  certificate: string
  expiryDate: string | null
  reasons: string[]
  note: string
}

export interface PlanDocInput {
  head: OfficeHead
  year: number
  name: string
  basis: string[]
  items: PlanDocItem[]
}

export interface RecordDocFinding {
  item: string
  result: string
  note: string
  evidence: Array<{ name: string; sha256: string }>
}

export interface RecordDocInput {
  head: OfficeHead
  kind: string
  inspectedOn: string
  place: string
  team: string[]
  lead: string
  /** "Kế hoạch số 01/KH-SNNMT ngày 05/01/2027" from the register, or null (an inspection outside a plan). */
  planRef: string | null
  /** The earlier inspection this one follows up: "Biên bản kiểm tra số 03/BB-SNNMT ngày 20/5/2027". */
  followUpRef: string | null
  product: { name: string; code: string; stars: number | null; certificate: string; expiryDate: string | null }
  producer: { name: string; address: string; representative: string }
  findings: RecordDocFinding[]
  outcome: 'no-action' | 'recommendations' | 'revocation-proposed'
  recommendation: string
  deadline: string | null
  /** "b) Sản phẩm không còn đáp ứng …" with its point of Điều 8.1, when revocation is proposed. */
  revocationGround: string | null
}

export interface AdviceDocChange {
  criterion: string
  current: string
  target: string
  gain: number
  markers: number[]
}

export interface AdviceDocInput {
  head: OfficeHead
  product: { name: string; code: string; producer: string; commune: string; setTitle: string }
  batch: string
  sessionDate: string
  stars: number | null
  mean: number | null
  target: number | null
  plan: { meanBefore: number; meanAfter: number; changes: AdviceDocChange[] } | null
  message: string | null
  comments: string[]
  /** The product's valid certificate, when it has one (re-evaluation window, Điều 7.6). */
  certificate: { number: string; expiryDate: string } | null
}

export interface CountLine {
  label: string
  count: number
}

export interface ReportDocInput {
  head: OfficeHead
  period: { from: string; to: string }
  /** "6 tháng đầu năm 2027", "năm 2027" or "từ ngày … đến ngày …". */
  periodText: string
  evaluations: { total: number; firstTime: number; upgrade: number; reEvaluation: number; byStars: CountLine[]; recognised: number; proposedFiveStar: number }
  certificates: { issued: number; issuedByStars: CountLine[]; revoked: number; expired: number }
  portfolio: { valid: number; byStars: CountLine[]; bySector: CountLine[]; byCommune: CountLine[] }
  inspections: { total: number; adHoc: number; byOutcome: CountLine[]; failedItems: CountLine[] }
}
