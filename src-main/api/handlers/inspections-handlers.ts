import type { InspectionService } from '../../services/inspections/inspection-service'
import type { Registry } from '../registry'

export function registerInspectionsHandlers(r: Registry, d: { inspections: InspectionService }): void {
  r.handle('inspections.propose', (i) => d.inspections.propose(i.year, i.nearMargin))
  r.handle('inspections.createPlan', (i, c) => d.inspections.createPlan(i, c.actor))
  r.handle('inspections.setPlanItems', (i, c) => d.inspections.setPlanItems(i, c.actor))
  r.handle('inspections.plans', (i) => d.inspections.plans(i.year))
  r.handle('inspections.record', (i, c) => d.inspections.record(i, c.actor))
  r.handle('inspections.list', (i) => d.inspections.list(i))
  r.handle('inspections.attachEvidence', (i, c) => d.inspections.attachEvidence(i, c.actor))
  r.handle('inspections.evidenceFile', (i) => d.inspections.evidenceFile(i.id))
  r.handle('inspections.summary', (i) => d.inspections.summary(i.year, i.asOf))
}
