import type { DB } from '../../db/connection'
import { periodicReport, type CertificateFact, type InspectionFact, type Period, type PeriodicReport, type ResultFact } from '../../domain/periodic-report'
import { addSheet, fileOut, workbook, xlsxBytes } from '../../exports/writers'
import type { Column } from '../../exports/columns'
import type { FileOut } from '../../shared/api/certificates'
import { INSPECTION_ITEMS, INSPECTION_OUTCOMES, type InspectionItem } from '../../shared/inspection'
import { REGISTRATION_TYPE_LABELS } from '../../shared/catalogue'
import { formatDay, vnDayOf } from '../../shared/vn-format'
import type { AdminUnits } from '../admin-units-service'


/**
 * Loads the facts of the periodic report (finalized results, certificates with their revocations, inspections with
 * the items that failed) and counts them with domain/periodic-report.ts; the XLSX has one sheet per table.
 */
export function createPeriodicReportService(d: { db: DB; units: AdminUnits; sectorOf: (setId: string) => string; now: () => Date }) {
  const q = {
    results: d.db.prepare(`SELECT r.product_id, r.finalized_at, r.stars, p.registration_type FROM results r
      JOIN sessions s ON s.id = r.session_id JOIN products p ON p.id = r.product_id WHERE s.status = 'finalized'`),
    // A certificate recorded with only its year of issue (issue 12) counts from its decision date, else from the
    // year's last day — the latest it can have been issued, so it is never counted before it existed.
    certificates: d.db.prepare(`SELECT c.id, c.product_id, c.stars, coalesce(c.issued_on, c.decision_date, printf('%04d-12-31', c.year)) AS issued_on, c.expiry_date, c.session_id, c.replaced_on, p.set_id, p.commune_code, rv.decided_on
      FROM certificates c JOIN products p ON p.id = c.product_id LEFT JOIN revocations rv ON rv.certificate_id = c.id`),
    inspections: d.db.prepare(`SELECT i.inspected_on, i.kind, i.outcome,
        (SELECT group_concat(f.item) FROM inspection_findings f WHERE f.inspection_id = i.id AND f.result = 'fail') AS failed
      FROM inspections i`)
  }

  function report(period: Period): PeriodicReport {
    const results: ResultFact[] = (q.results.all() as Array<{ product_id: number; finalized_at: string; stars: number | null; registration_type: ResultFact['registrationType'] }>).map((r) => ({
      productId: r.product_id,
      // Results count in the period of the day they were finalized in Vietnam.
      finalizedOn: vnDayOf(r.finalized_at)!,
      stars: r.stars,
      registrationType: r.registration_type
    }))
    const certificates: CertificateFact[] = (
      q.certificates.all() as Array<{ id: number; product_id: number; stars: number; issued_on: string; expiry_date: string; session_id: number | null; replaced_on: string | null; set_id: string; commune_code: string; decided_on: string | null }>
    ).map((c) => ({
      id: c.id,
      productId: c.product_id,
      stars: c.stars,
      sector: d.sectorOf(c.set_id),
      communeName: d.units.commune(c.commune_code)?.name ?? c.commune_code,
      issuedOn: c.issued_on,
      expiryDate: c.expiry_date,
      revokedOn: c.decided_on,
      replacedOn: c.replaced_on,
      recorded: c.session_id === null
    }))
    const inspections: InspectionFact[] = (q.inspections.all() as Array<{ inspected_on: string; kind: InspectionFact['kind']; outcome: InspectionFact['outcome']; failed: string | null }>).map((i) => ({
      inspectedOn: i.inspected_on,
      kind: i.kind,
      outcome: i.outcome,
      failedItems: i.failed ? i.failed.split(',') : []
    }))
    return periodicReport(period, { results, certificates, inspections })
  }

  return {
    report,
    async xlsx(period: Period): Promise<FileOut> {
      const r = report(period)
      const wb = workbook(d.now())
      const pair: Column[] = [
        { key: 'label', header: 'Chỉ tiêu', type: 'text' },
        { key: 'count', header: 'Số lượng', type: 'integer' }
      ]
      const stars = (k: string) => (k === '0' ? 'Không xếp hạng (bị loại, dừng đánh giá)' : `${k} sao`)
      addSheet(wb, 'Tổng hợp', pair, [
        { label: `Kỳ báo cáo: từ ${formatDay(period.from)} đến ${formatDay(period.to)}`, count: null },
        { label: 'Sản phẩm được Hội đồng đánh giá, phân hạng', count: r.evaluations.total },
        ...(['lan-dau', 'nang-hang', 'danh-gia-lai'] as const).map((t) => ({ label: `— ${REGISTRATION_TYPE_LABELS[t]}`, count: r.evaluations.byType[t] })),
        { label: 'Sản phẩm đạt 3 sao, 4 sao (UBND tỉnh công nhận)', count: r.evaluations.recognised },
        { label: 'Sản phẩm đạt từ 90 điểm, đề xuất công nhận 5 sao', count: r.evaluations.proposedFiveStar },
        { label: 'Giấy chứng nhận đã cấp', count: r.certificates.issued },
        { label: 'Giấy chứng nhận bị thu hồi', count: r.certificates.revoked },
        { label: 'Giấy chứng nhận hết hiệu lực', count: r.certificates.expired },
        { label: `Giấy chứng nhận còn hiệu lực đến ${formatDay(period.to)}`, count: r.portfolio.valid },
        { label: 'Lượt kiểm tra sau công nhận', count: r.inspections.total },
        { label: '— trong đó đột xuất', count: r.inspections.adHoc }
      ])
      addSheet(wb, 'Kết quả theo hạng sao', pair, r.evaluations.byStars.map((x) => ({ label: stars(x.key), count: x.count })))
      addSheet(wb, 'GCN cấp theo hạng sao', pair, r.certificates.issuedByStars.map((x) => ({ label: stars(x.key), count: x.count })))
      addSheet(wb, 'Còn hiệu lực theo hạng', pair, r.portfolio.byStars.map((x) => ({ label: stars(x.key), count: x.count })))
      addSheet(wb, 'Còn hiệu lực theo ngành', pair, r.portfolio.bySector.map((x) => ({ label: x.key, count: x.count })))
      addSheet(wb, 'Còn hiệu lực theo xã', pair, r.portfolio.byCommune.map((x) => ({ label: x.key, count: x.count })))
      addSheet(wb, 'Kiểm tra sau công nhận', pair, [
        ...(['no-action', 'recommendations', 'revocation-proposed'] as const).map((o) => ({ label: INSPECTION_OUTCOMES[o], count: r.inspections.byOutcome[o] })),
        ...r.inspections.failedItems.map((x) => ({ label: `Không đạt: ${INSPECTION_ITEMS[x.key as InspectionItem] ?? x.key}`, count: x.count }))
      ])
      return fileOut(`bao-cao-ket-qua-ocop-${period.from}-${period.to}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', await xlsxBytes(wb))
    }
  }
}

export type PeriodicReportService = ReturnType<typeof createPeriodicReportService>
