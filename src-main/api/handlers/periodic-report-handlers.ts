import type { PeriodicReportService } from '../../services/reports/periodic-report-service'
import type { Registry } from '../registry'

export function registerPeriodicReportHandlers(r: Registry, d: { periodic: PeriodicReportService }): void {
  r.handle('reports.periodic', (i) => d.periodic.report(i))
  r.handle('reports.periodicXlsx', (i) => d.periodic.xlsx(i))
}
