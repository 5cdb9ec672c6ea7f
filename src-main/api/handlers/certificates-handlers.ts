import { join } from 'node:path'
import type { DB } from '../../db/connection'
import { createExportService, type ExportService } from '../../exports'
import { runningExports } from '../../exports/xlsx-in-worker'
import { loadAdminUnits } from '../../services/admin-units-service'
import { createCertificateService, type CertificateDeps, type CertificateService } from '../../services/certificates/certificate-service'
import { createRecordedCertificates, type RecordedCertificates } from '../../services/certificates/recorded-certificates'
import { createReevaluationService } from '../../services/certificates/reevaluation-service'
import { createReportsService, type ReportsService } from '../../services/certificates/reports-service'
import type { CriteriaService } from '../../services/criteria-service'
import { createFileStore } from '../../services/dossier-service'
import type { SettingsStore } from '../../services/settings-service'
import type { Registry } from '../registry'

/** Certificates, re-evaluation, reports (contract: api/certificates.ts) and exports (api/exports.ts). */
export interface CertificatesDeps {
  certificates: CertificateService
  recorded: RecordedCertificates
  reevaluation: ReturnType<typeof createReevaluationService>
  reports: ReportsService
  exports: ExportService
}

export function createCertificatesDeps(o: { db: DB; resourcesDir: string; dataDir: string; criteria: CriteriaService; settings: SettingsStore; now?: (() => Date) | undefined; inspections?: CertificateDeps['inspections'] }): CertificatesDeps {
  const now = o.now ?? (() => new Date())
  const units = loadAdminUnits(o.resourcesDir)
  const sets = new Map(o.criteria.list().map((s) => [s.id, s]))
  const certificates = createCertificateService({ db: o.db, units, settings: o.settings, dataDir: o.dataDir, fontsDir: join(o.resourcesDir, 'fonts'), now, ...(o.inspections ? { inspections: o.inspections } : {}) })
  const reports = createReportsService({ db: o.db, units, sectorOf: (id) => sets.get(id)?.sector ?? id, certificates: certificates.store, now })
  const exports = createExportService({
    db: o.db,
    units,
    sets: (id) => {
      const s = sets.get(id)
      return s ? { no: s.no, group: s.subgroup ?? s.group } : undefined
    },
    files: createFileStore(o.dataDir),
    dataDir: o.dataDir,
    reports,
    now
  })
  return { certificates, recorded: createRecordedCertificates({ db: o.db, now }), reevaluation: createReevaluationService(o.db, now), reports, exports }
}

export function registerCertificatesHandlers(r: Registry, d: CertificatesDeps & { backupBefore?: (reason: string) => Promise<unknown> }): void {
  r.handle('certificates.issue', (i, ctx) => d.certificates.issue(i, ctx.actor))
  r.handle('certificates.record', (i, ctx) => {
    const { productId, ...input } = i
    const id = d.recorded.record(productId, input, ctx.actor)
    return d.certificates.get(id)
  })
  r.handle('certificates.list', (i) => d.certificates.list(i.filter, i.withinDays, i.asOf))
  r.handle('certificates.sweep', (i) => ({ expired: d.certificates.sweep(i.asOf) }))
  r.handle('certificates.revoke', async (i) => {
    await d.backupBefore?.(`thu-hoi-gcn-${i.certificateId}`)
    return d.certificates.revoke(i)
  })
  r.handle('certificates.revocationFile', (i) => d.certificates.revocationFile(i.id))
  r.handle('reevaluation.setMode', (i) => d.reevaluation.setMode(i.sessionId, i.mode))
  r.handle('reevaluation.opinions', (i) => d.reevaluation.opinions(i.sessionId))
  r.handle('reports.dashboard', (i) => d.reports.dashboard(i))
  r.handle('reports.members', () => d.reports.members())
  r.handle('reports.exportXlsx', (i) => d.exports.charts(i))
  r.handle('exports.ptntOcop', (i) => d.exports.ptntOcop(i.format, i.asOf))
  r.handle('exports.nationalRecords', (i) => d.exports.nationalRecords(i.format, i.asOf))
  r.handle('exports.annex', (i) => ('sessionId' in i ? d.exports.annex(i.sessionId) : d.exports.recordedAnnex(i.decisionNo, i.issuingAuthority)))
  r.handle('exports.annexDecisions', () => d.exports.annexDecisions())
  r.handle('exports.progress', () => runningExports())
  r.handle('exports.fiveStarBundle', (i) => d.exports.fiveStarBundle(i))
  r.handle('exports.setProductInfo', (i) => d.exports.setProductInfo(i))
}
