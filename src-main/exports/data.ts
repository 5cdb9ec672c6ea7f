import type { DB } from '../db/connection'
import { certificateNumberWithYear, composeAddress } from '../domain/export-text'
import { certificateState } from '../domain/certificate'
import type { CertificateState } from '../shared/certificates'
import type { AdminUnits, UnitNames } from '../services/admin-units-service'
import { RECORDED_ANNEX_NOTE, type AnnexRow, type NationalRow, type PtntOcopRow } from './columns'

/**
 * Rows of the exports, read straight from the database in one statement each, so a 20,000-product export is one
 * pass (the `…Iter` forms yield row by row for the streaming XLSX writer). Which certificates: PTNT_OCOP lists every certificate with its state on `asOf`; the national record lists
 * those valid on `asOf` (the national system shows products currently recognised).
 */
export const TRANG_THAI: Record<CertificateState, string> = { valid: 'Còn hiệu lực', expired: 'Hết hiệu lực', revoked: 'Đã thu hồi', replaced: 'Đã được thay thế' }
/** Register numbers for the app's certificates; a recorded one (no register number) by its record id, marked GN. */
export const maOcop = (year: number, number: number | null, id: number): string =>
  number === null ? `GCN-${year}-GN${String(id).padStart(5, '0')}` : `GCN-${year}-${String(number).padStart(4, '0')}`

export interface SetInfoLite {
  no: number
  group: string
}

interface CertJoin {
  id: number
  year: number
  number: number | null
  number_text: string
  stars: number
  issued_on: string | null
  expiry_date: string
  status: CertificateState
  product_id: number
  code: string
  name: string
  commune_code: string
  producer: string
  /** Null: unknown ("chưa rõ"); the record leaves it empty. */
  rep_name: string | null
  street: string
  phone: string
  email: string
  province_code: string
  annual_revenue: number | null
  story: string | null
}

const CERTS = `SELECT c.id, c.year, c.number, c.number_text, c.stars, c.issued_on, c.expiry_date, c.status, p.id AS product_id, p.code, p.name, p.commune_code,
    pr.name AS producer, pr.rep_name, pr.street, pr.phone, pr.email, pr.province_code, i.annual_revenue, i.story
  FROM certificates c JOIN products p ON p.id = c.product_id JOIN producers pr ON pr.id = p.producer_id
  LEFT JOIN product_export_info i ON i.product_id = p.id`

export function ptntOcopRows(db: DB, asOf: string): PtntOcopRow[] {
  return [...ptntOcopIter(db, asOf)]
}

/** The PTNT_OCOP rows one at a time, straight from the statement, for the streaming XLSX writer. */
export function* ptntOcopIter(db: DB, asOf: string): Generator<PtntOcopRow> {
  for (const r of db.prepare(`${CERTS} ORDER BY c.year, c.number IS NULL, c.number, c.id`).iterate() as IterableIterator<CertJoin>)
    yield {
      MA_OCOP: maOcop(r.year, r.number, r.id),
      Ma_DonViHanhChinh: r.commune_code,
      Ma_ThoiGian: String(r.year),
      Ma_SanPham: r.code,
      TenSanPham: r.name,
      XepHang: `${r.stars}*`,
      ChuTheSXKD: r.producer,
      DoanhThuNam: r.annual_revenue,
      TrangThai: TRANG_THAI[certificateState(r.status, r.expiry_date, asOf)]
    }
}

/** Rows the exports read: every certificate (PTNT_OCOP, and the national record before its validity filter). */
export const certificateCount = (db: DB): number => db.prepare('SELECT count(*) FROM certificates').pluck().get() as number

export interface NationalRecord {
  name: string
  ocop_star: number
  ocop_certificate_number: string
  /** Null when only the year of issue is known (a recorded certificate "không rõ ngày"). */
  issued_on: string | null
  expiry_date: string
  story: string
  manufacturer: { name: string; representative: string; address: string; phone_number: string; email: string }
  images: Array<{ file_name: string; sha256: string; size: number; mime: string }>
}

export function nationalRecords(db: DB, units: UnitNames, asOf: string): NationalRecord[] {
  return [...nationalRecordsIter(db, units, asOf)]
}

/** The national records one at a time (images are read first, grouped by product: a few per product). */
export function* nationalRecordsIter(db: DB, units: UnitNames, asOf: string): Generator<NationalRecord> {
  const images = db.prepare("SELECT product_id, original_name, sha256, size, mime FROM dossier_files WHERE mime LIKE 'image/%' ORDER BY product_id, id").all() as Array<{
    product_id: number
    original_name: string
    sha256: string
    size: number
    mime: string
  }>
  const byProduct = new Map<number, NationalRecord['images']>()
  for (const f of images) byProduct.set(f.product_id, [...(byProduct.get(f.product_id) ?? []), { file_name: f.original_name, sha256: f.sha256, size: f.size, mime: f.mime }])
  for (const r of db.prepare(`${CERTS} ORDER BY p.code`).iterate() as IterableIterator<CertJoin>) {
    if (certificateState(r.status, r.expiry_date, asOf) !== 'valid') continue
    yield {
      name: r.name,
      ocop_star: r.stars,
      ocop_certificate_number: certificateNumberWithYear(r.number_text, r.year),
      issued_on: r.issued_on,
      expiry_date: r.expiry_date,
      story: r.story ?? '',
      manufacturer: {
        name: r.producer,
        representative: r.rep_name ?? '',
        address: composeAddress(r.street, units.commune(r.commune_code)?.name, units.province(r.province_code)?.name),
        phone_number: r.phone,
        email: r.email
      },
      images: byProduct.get(r.product_id) ?? []
    }
  }
}

export function nationalRow(r: NationalRecord): NationalRow {
  return {
    name: r.name,
    ocop_star: r.ocop_star,
    ocop_certificate_number: r.ocop_certificate_number,
    issued_on: r.issued_on,
    expiry_date: r.expiry_date,
    story: r.story,
    manufacturer_name: r.manufacturer.name,
    manufacturer_representative: r.manufacturer.representative,
    manufacturer_address: r.manufacturer.address,
    manufacturer_phone_number: r.manufacturer.phone_number,
    manufacturer_email: r.manufacturer.email,
    images: r.images.map((i) => `${i.file_name} (${i.sha256})`).join('; ')
  }
}

interface AnnexJoin {
  name: string
  code: string
  set_id: string
  commune_code: string
  producer: string
  street: string
  province_code: string
  stars: number
  /** Null for a recorded certificate: nothing was scored in the app. */
  mean: number | null
  certificate: string | null
}

function annexRow(units: AdminUnits, sets: (id: string) => SetInfoLite | undefined, r: AnnexJoin, i: number, note: string | null): AnnexRow {
  const set = sets(r.set_id)
  return {
    stt: i + 1,
    name: r.name,
    producer: r.producer,
    address: composeAddress(r.street, units.commune(r.commune_code)?.name, units.province(r.province_code)?.name),
    group: set?.group ?? '',
    setNo: set ? String(set.no).padStart(2, '0') : r.set_id,
    code: r.code,
    mean: r.mean === null ? null : Math.round(r.mean * 100) / 100,
    stars: r.stars,
    certificate: r.certificate ?? '',
    note
  }
}

/** The products a recognition decision lists: 3★/4★ recognised by the province, highest stars first, then agenda order. */
export function annexRows(db: DB, units: AdminUnits, sets: (id: string) => SetInfoLite | undefined, sessionId: number): AnnexRow[] {
  const rows = db
    .prepare(`SELECT p.id, p.name, p.code, p.set_id, p.commune_code, pr.name AS producer, pr.street, pr.province_code, r.stars, r.mean,
        (SELECT number_text FROM certificates c WHERE c.product_id = p.id AND c.session_id = r.session_id ORDER BY c.id DESC LIMIT 1) AS certificate
      FROM results r JOIN session_agenda a ON a.session_id = r.session_id AND a.product_id = r.product_id
      JOIN products p ON p.id = r.product_id JOIN producers pr ON pr.id = p.producer_id
      WHERE r.session_id = ? AND r.outcome = 'recognised-by-province' AND r.stars IN (3, 4)
      ORDER BY r.stars DESC, a.ord`)
    .all(sessionId) as AnnexJoin[]
  return rows.map((r, i) => annexRow(units, sets, r, i, null))
}

/** Decisions issued before the app, as their recorded certificates name them (number, date, issuing authority). */
export function recordedDecisions(db: DB): Array<{ decisionNo: string; decisionDate: string | null; issuingAuthority: string; certificates: number }> {
  return db
    .prepare(`SELECT decision_no AS decisionNo, max(decision_date) AS decisionDate, issuing_authority AS issuingAuthority, count(*) AS certificates
      FROM certificates WHERE origin = 'recorded' GROUP BY decision_no, issuing_authority ORDER BY max(year) DESC, decision_no, issuing_authority`)
    .all() as Array<{ decisionNo: string; decisionDate: string | null; issuingAuthority: string; certificates: number }>
}

/**
 * The annex of a decision issued before the app (issue 12): every certificate recorded under that decision number
 * and issuing authority, highest stars first, then the number as printed. Nothing was scored in the app, so the mean
 * is empty and each row says so; the certificate number is the one printed.
 */
export function recordedAnnexRows(db: DB, units: AdminUnits, sets: (id: string) => SetInfoLite | undefined, decisionNo: string, issuingAuthority: string): AnnexRow[] {
  const rows = db
    .prepare(`SELECT p.name, p.code, p.set_id, p.commune_code, pr.name AS producer, pr.street, pr.province_code, c.stars, NULL AS mean, c.number_text AS certificate
      FROM certificates c JOIN products p ON p.id = c.product_id JOIN producers pr ON pr.id = p.producer_id
      WHERE c.origin = 'recorded' AND c.decision_no = ? AND c.issuing_authority = ?
      ORDER BY c.stars DESC, c.number_text, c.id`)
    .all(decisionNo, issuingAuthority) as AnnexJoin[]
  return rows.map((r, i) => annexRow(units, sets, r, i, RECORDED_ANNEX_NOTE))
}
