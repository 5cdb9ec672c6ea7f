import { describe, expect, it } from 'vitest'
import { FINDING_RESULT_CODES, INSPECTION_ITEM_CODES } from '../../../src-main/shared/inspection'
import { ok } from '../../utils/core'
import { certCore, finalizedSession, issueDecision } from '../certificates/helpers'

/** The dashboard card's figures (inspections.summary) equal what the database holds, counted here in plain SQL. */
describe('inspection figures of the dashboard', () => {
  it('planned vs done, findings by kind and overdue follow-ups re-read from the tables', async () => {
    const core = await certCore(() => new Date('2027-06-01T03:00:00Z'))
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 121, date: '2026-12-01' })
    await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '121/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })
    const productId = f.recognised
    const plan = await ok(core, 'inspections.createPlan', { year: 2027, name: 'Kế hoạch kiểm tra năm 2027', items: [{ productId, reasons: ['never-inspected'] }] })
    const findings = INSPECTION_ITEM_CODES.map((item, k) =>
      k === 0 ? { item, result: 'fail' as const, note: 'Phiếu kiểm nghiệm hết hạn' } : k === 1 ? { item, result: 'advice' as const, note: 'Bổ sung thông tin truy xuất' } : { item, result: 'pass' as const, note: '' }
    )
    const late = await ok(core, 'inspections.record', { productId, planId: plan.id, kind: 'periodic', inspectedOn: '2027-03-10', team: 'Sở NN&MT', findings, outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại', deadline: '2027-04-10' })
    await ok(core, 'inspections.record', { productId, planId: null, kind: 'ad-hoc', inspectedOn: '2027-05-02', team: 'Chi cục QLCL', findings: INSPECTION_ITEM_CODES.map((item) => ({ item, result: 'pass' as const, note: '' })), outcome: 'no-action' })

    const s = await ok(core, 'inspections.summary', { year: 2027 })
    const one = (sql: string, ...args: unknown[]) => core.db.prepare(sql).pluck().get(...args) as number
    expect(s.planned).toBe(one('SELECT count(DISTINCT it.product_id) FROM inspection_plan_items it JOIN inspection_plans p ON p.id = it.plan_id WHERE p.year = 2027'))
    expect(s.plannedDone).toBe(
      one(`SELECT count(DISTINCT it.product_id) FROM inspection_plan_items it JOIN inspection_plans p ON p.id = it.plan_id
        WHERE p.year = 2027 AND EXISTS (SELECT 1 FROM inspections i WHERE i.plan_id = it.plan_id AND i.product_id = it.product_id)`)
    )
    expect(s.inspections).toBe(one("SELECT count(*) FROM inspections WHERE substr(inspected_on, 1, 4) = '2027'"))
    expect([s.planned, s.plannedDone, s.inspections]).toEqual([1, 1, 2])
    for (const kind of FINDING_RESULT_CODES) {
      const total = s.findings.reduce((sum, x) => sum + x[kind], 0)
      expect(total).toBe(one("SELECT count(*) FROM inspection_findings f JOIN inspections i ON i.id = f.inspection_id WHERE substr(i.inspected_on, 1, 4) = '2027' AND f.result = ?", kind))
    }
    const overdue = core.db
      .prepare(`SELECT i.id FROM inspections i WHERE i.outcome = 'recommendations' AND i.deadline < '2027-06-01'
        AND NOT EXISTS (SELECT 1 FROM inspections f WHERE f.follow_up_of = i.id) ORDER BY i.id`)
      .pluck()
      .all()
    expect(s.overdue.map((o) => o.inspectionId)).toEqual(overdue)
    expect(s.overdue).toEqual([{ inspectionId: late.id, productId, productName: late.productName, inspectedOn: '2027-03-10', deadline: '2027-04-10' }])
    core.close()
  })

  it("overdue counts by Vietnam's day: at 00:20 on the 7th there (17:20 UTC on the 6th) a deadline of the 6th has passed", async () => {
    const core = await certCore(() => new Date('2027-06-06T17:20:00Z'))
    const f = await finalizedSession(core)
    await issueDecision(core, f.sessionId, { number: 121, date: '2026-12-01' })
    await ok(core, 'certificates.issue', { sessionId: f.sessionId, decisionNo: '121/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01' })
    const findings = INSPECTION_ITEM_CODES.map((item, k) => (k === 0 ? { item, result: 'fail' as const, note: 'Hết hạn' } : { item, result: 'pass' as const, note: '' }))
    const late = await ok(core, 'inspections.record', { productId: f.recognised, planId: null, kind: 'ad-hoc', inspectedOn: '2027-06-01', team: 'Sở NN&MT', findings, outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại', deadline: '2027-06-06' })
    expect((await ok(core, 'inspections.summary', { year: 2027 })).overdue.map((o) => o.inspectionId)).toEqual([late.id])
    core.close()
  })
})
