import type { DB } from '../../db/connection'
import { overdueFollowUps, proposePlan, recordProblems, type PlanFacts } from '../../domain/inspection'
import type { RevocationGround } from '../../shared/certificates'
import type { FileOut } from '../../shared/api/certificates'
import type { Inspection, InspectionPlan, InspectionSummary, PlanCandidate } from '../../shared/api/inspections'
import { FINDING_RESULT_CODES, INSPECTION_ITEM_CODES, type FindingResult, type InspectionItem, type InspectionKind, type InspectionOutcome, type PlanReason } from '../../shared/inspection'
import { AppError } from '../../shared/result'
import { vnDayOf } from '../../shared/vn-format'
import type { FileStore } from '../dossier-service'
import type { Actor, Store } from '../sessions/store'

/**
 * Post-recognition inspection (QĐ 26/2026 Điều 9): yearly plans proposed from the certificates and the council's
 * results, inspection records (one transaction each, with an audit event in the hash chain), evidence files in the
 * dossiers' content-addressed store, follow-ups, and the summary the dashboard shows. Rules: domain/inspection.ts.
 */
interface InspectionRow {
  id: number
  product_id: number
  plan_id: number | null
  kind: InspectionKind
  inspected_on: string
  team: string
  outcome: InspectionOutcome
  recommendation: string
  deadline: string | null
  revocation_ground: RevocationGround | null
  follow_up_of: number | null
  created_by: string
  created_at: string
  product_code: string
  product_name: string
  producer_name: string
}

export interface RecordRequest {
  productId: number
  planId: number | null
  kind: InspectionKind
  inspectedOn: string
  team: string
  findings: Array<{ item: InspectionItem; result: FindingResult; note: string }>
  outcome: InspectionOutcome
  recommendation: string
  deadline: string | null
  revocationGround: RevocationGround | null
  followUpOf: number | null
}

export function createInspectionService(d: { db: DB; store: Store; files: FileStore; now: () => Date }) {
  const { db } = d
  const q = {
    planFacts: db.prepare(`SELECT c.product_id, c.stars, c.expiry_date, r.mean,
        (SELECT max(i.inspected_on) FROM inspections i WHERE i.product_id = c.product_id) AS last_inspected
      FROM certificates c LEFT JOIN results r ON r.session_id = c.session_id AND r.product_id = c.product_id
      WHERE c.status = 'valid' AND c.expiry_date >= ?`),
    productInfo: db.prepare(`SELECT p.id, p.code, p.name, pr.name AS producer_name FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?`),
    validCertificate: db.prepare(`SELECT id FROM certificates WHERE product_id = ? AND status = 'valid'`),
    plan: db.prepare('SELECT * FROM inspection_plans WHERE id = ?'),
    plansOfYear: db.prepare('SELECT * FROM inspection_plans WHERE year = ? ORDER BY id'),
    planItems: db.prepare(`SELECT i.plan_id, i.product_id, i.reasons, i.note, p.code, p.name, pr.name AS producer_name
      FROM inspection_plan_items i JOIN products p ON p.id = i.product_id JOIN producers pr ON pr.id = p.producer_id
      WHERE i.plan_id = ? ORDER BY p.sort_key, p.id`),
    planInspections: db.prepare('SELECT id, product_id, inspected_on, outcome FROM inspections WHERE plan_id = ? ORDER BY inspected_on, id'),
    insertPlan: db.prepare('INSERT INTO inspection_plans (year, name, created_at, updated_at) VALUES (?, ?, ?, ?)'),
    touchPlan: db.prepare('UPDATE inspection_plans SET updated_at = ? WHERE id = ?'),
    clearItems: db.prepare('DELETE FROM inspection_plan_items WHERE plan_id = ?'),
    insertItem: db.prepare('INSERT INTO inspection_plan_items (plan_id, product_id, reasons, note) VALUES (?, ?, ?, ?)'),
    insertInspection: db.prepare(`INSERT INTO inspections (product_id, plan_id, kind, inspected_on, team, outcome, recommendation, deadline, revocation_ground, follow_up_of, created_by, created_at)
      VALUES (@productId, @planId, @kind, @inspectedOn, @team, @outcome, @recommendation, @deadline, @revocationGround, @followUpOf, @createdBy, @createdAt)`),
    insertFinding: db.prepare('INSERT INTO inspection_findings (inspection_id, item, result, note) VALUES (?, ?, ?, ?)'),
    insertEvidence: db.prepare('INSERT INTO inspection_evidence (inspection_id, item, original_name, mime, sha256, size, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    evidenceRow: db.prepare('SELECT * FROM inspection_evidence WHERE id = ?'),
    inspections: db.prepare(`SELECT i.*, p.code AS product_code, p.name AS product_name, pr.name AS producer_name
      FROM inspections i JOIN products p ON p.id = i.product_id JOIN producers pr ON pr.id = p.producer_id
      WHERE (@productId IS NULL OR i.product_id = @productId) AND (@year IS NULL OR substr(i.inspected_on, 1, 4) = @year) AND (@id IS NULL OR i.id = @id)
      ORDER BY i.inspected_on DESC, i.id DESC`),
    findings: db.prepare('SELECT item, result, note FROM inspection_findings WHERE inspection_id = ?'),
    evidence: db.prepare('SELECT id, item, original_name, size, sha256, added_at FROM inspection_evidence WHERE inspection_id = ? ORDER BY id'),
    followedBy: db.prepare('SELECT id FROM inspections WHERE follow_up_of = ? ORDER BY id'),
    revocation: db.prepare(`SELECT r.id, r.number_text, r.decided_on FROM inspection_revocations l JOIN revocations r ON r.id = l.revocation_id WHERE l.inspection_id = ?`),
    linkRevocation: db.prepare('INSERT INTO inspection_revocations (inspection_id, revocation_id) VALUES (?, ?)'),
    followUpFacts: db.prepare(`SELECT i.id, i.product_id, i.outcome, i.inspected_on, i.deadline, p.name AS product_name,
        (SELECT group_concat(f.id) FROM inspections f WHERE f.follow_up_of = i.id) AS followed
      FROM inspections i JOIN products p ON p.id = i.product_id WHERE i.outcome = 'recommendations'`)
  }
  // The office's day is Vietnam's: at 00:20 on the 7th there (17:20 UTC on the 6th) a deadline of the 6th has passed.
  const today = (): string => vnDayOf(d.now())!

  function product(id: number) {
    const p = q.productInfo.get(id) as { id: number; code: string; name: string; producer_name: string } | undefined
    if (!p) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
    return p
  }

  function planOf(id: number): InspectionPlan {
    const row = q.plan.get(id) as { id: number; year: number; name: string; created_at: string; updated_at: string } | undefined
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy kế hoạch kiểm tra')
    const done = q.planInspections.all(id) as Array<{ id: number; product_id: number; inspected_on: string; outcome: InspectionOutcome }>
    const items = (q.planItems.all(id) as Array<{ product_id: number; reasons: string; note: string; code: string; name: string; producer_name: string }>).map((i) => ({
      productId: i.product_id,
      code: i.code,
      name: i.name,
      producerName: i.producer_name,
      reasons: JSON.parse(i.reasons) as PlanReason[],
      note: i.note,
      inspections: done.filter((x) => x.product_id === i.product_id).map((x) => ({ id: x.id, inspectedOn: x.inspected_on, outcome: x.outcome }))
    }))
    return { id: row.id, year: row.year, name: row.name, createdAt: row.created_at, updatedAt: row.updated_at, items }
  }

  function writeItems(planId: number, items: ReadonlyArray<{ productId: number; reasons: PlanReason[]; note: string }>): void {
    const seen = new Set<number>()
    for (const it of items) {
      if (seen.has(it.productId)) throw new AppError('VALIDATION', 'Một sản phẩm chỉ có một dòng trong kế hoạch', [{ path: 'items', message: `Sản phẩm ${product(it.productId).name} lặp lại` }])
      seen.add(it.productId)
      product(it.productId)
      q.insertItem.run(planId, it.productId, JSON.stringify([...new Set(it.reasons)]), it.note)
    }
  }

  function toInspection(r: InspectionRow): Inspection {
    const revocation = q.revocation.get(r.id) as { id: number; number_text: string; decided_on: string } | undefined
    return {
      id: r.id,
      productId: r.product_id,
      productCode: r.product_code,
      productName: r.product_name,
      producerName: r.producer_name,
      planId: r.plan_id,
      kind: r.kind,
      inspectedOn: r.inspected_on,
      team: r.team,
      // Printed order of the checklist, whatever the insertion order.
      findings: (q.findings.all(r.id) as Array<{ item: InspectionItem; result: FindingResult; note: string }>).sort((a, b) => INSPECTION_ITEM_CODES.indexOf(a.item) - INSPECTION_ITEM_CODES.indexOf(b.item)),
      outcome: r.outcome,
      recommendation: r.recommendation,
      deadline: r.deadline,
      revocationGround: r.revocation_ground,
      followUpOf: r.follow_up_of,
      followedUpBy: (q.followedBy.all(r.id) as Array<{ id: number }>).map((x) => x.id),
      revocation: revocation ? { id: revocation.id, number: revocation.number_text, decidedOn: revocation.decided_on } : null,
      evidence: (q.evidence.all(r.id) as Array<{ id: number; item: InspectionItem; original_name: string; size: number; sha256: string; added_at: string }>).map((e) => ({
        id: e.id,
        item: e.item,
        name: e.original_name,
        size: e.size,
        sha256: e.sha256,
        addedAt: e.added_at
      })),
      createdBy: r.created_by,
      createdAt: r.created_at
    }
  }

  function one(id: number): Inspection {
    const row = q.inspections.get({ productId: null, year: null, id }) as InspectionRow | undefined
    if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy biên bản kiểm tra')
    return toInspection(row)
  }

  function list(i: { productId?: number | undefined; year?: number | undefined }): Inspection[] {
    return (q.inspections.all({ productId: i.productId ?? null, year: i.year === undefined ? null : String(i.year), id: null }) as InspectionRow[]).map(toInspection)
  }

  return {
    propose(year: number, nearMargin: number): PlanCandidate[] {
      const rows = q.planFacts.all(`${year}-01-01`) as Array<{ product_id: number; stars: 3 | 4 | 5; expiry_date: string; mean: number | null; last_inspected: string | null }>
      const facts: PlanFacts[] = rows.map((r) => ({ productId: r.product_id, stars: r.stars, expiryDate: r.expiry_date, mean: r.mean, lastInspectedOn: r.last_inspected }))
      const byId = new Map(facts.map((f) => [f.productId, f]))
      return proposePlan(facts, year, nearMargin).map((c) => {
        const f = byId.get(c.productId)!
        const p = product(c.productId)
        return { productId: p.id, code: p.code, name: p.name, producerName: p.producer_name, stars: f.stars, expiryDate: f.expiryDate, mean: f.mean, lastInspectedOn: f.lastInspectedOn, reasons: c.reasons }
      })
    },

    createPlan(i: { year: number; name: string; items: Array<{ productId: number; reasons: PlanReason[]; note: string }> }, actor: Actor): InspectionPlan {
      const at = d.now().toISOString()
      const id = db.transaction(() => {
        if ((q.plansOfYear.all(i.year) as Array<{ name: string }>).some((p) => p.name === i.name))
          throw new AppError('CONFLICT', `Năm ${i.year} đã có kế hoạch kiểm tra tên "${i.name}"`)
        const planId = Number(q.insertPlan.run(i.year, i.name, at, at).lastInsertRowid)
        writeItems(planId, i.items)
        d.store.audit('inspection.plan', null, actor, { planId, year: i.year, name: i.name, products: i.items.map((x) => x.productId) }, at)
        return planId
      })()
      return planOf(id)
    },

    setPlanItems(i: { planId: number; items: Array<{ productId: number; reasons: PlanReason[]; note: string }> }, actor: Actor): InspectionPlan {
      const at = d.now().toISOString()
      db.transaction(() => {
        const current = planOf(i.planId)
        // A product already inspected under the plan stays in it: the record refers to the plan.
        const kept = new Set(i.items.map((x) => x.productId))
        const dropped = current.items.filter((x) => x.inspections.length > 0 && !kept.has(x.productId))
        if (dropped.length > 0) throw new AppError('CONFLICT', `Không bỏ được sản phẩm đã kiểm tra theo kế hoạch: ${dropped.map((x) => x.name).join(', ')}`)
        q.clearItems.run(i.planId)
        writeItems(i.planId, i.items)
        q.touchPlan.run(at, i.planId)
        d.store.audit('inspection.plan.items', null, actor, { planId: i.planId, products: i.items.map((x) => x.productId) }, at)
      })()
      return planOf(i.planId)
    },

    plan: planOf,
    one,

    plans(year: number): InspectionPlan[] {
      return (q.plansOfYear.all(year) as Array<{ id: number }>).map((p) => planOf(p.id))
    },

    record(i: RecordRequest, actor: Actor): Inspection {
      const problems = recordProblems(i)
      if (problems.length > 0) throw new AppError('VALIDATION', problems.map((p) => p.message).join('; '), problems)
      if (i.inspectedOn > today()) throw new AppError('VALIDATION', 'Ngày kiểm tra không được sau hôm nay', [{ path: 'inspectedOn', message: 'Sau hôm nay' }])
      const at = d.now().toISOString()
      const id = db.transaction(() => {
        product(i.productId)
        if (!q.validCertificate.get(i.productId) && i.outcome === 'revocation-proposed')
          throw new AppError('CONFLICT', 'Sản phẩm không có giấy chứng nhận còn hiệu lực để đề nghị thu hồi')
        if (i.planId !== null) {
          const plan = planOf(i.planId)
          if (!plan.items.some((x) => x.productId === i.productId)) throw new AppError('CONFLICT', 'Sản phẩm không có trong kế hoạch kiểm tra đã chọn')
          if (i.kind !== 'periodic') throw new AppError('VALIDATION', 'Kiểm tra theo kế hoạch là kiểm tra định kỳ', [{ path: 'kind', message: 'Chọn kiểm tra định kỳ' }])
        }
        const newId = Number(
          q.insertInspection.run({ ...i, team: i.team, createdBy: actor.kind === 'member' ? `member:${actor.memberId}` : actor.kind, createdAt: at }).lastInsertRowid
        )
        for (const f of i.findings) q.insertFinding.run(newId, f.item, f.result, f.note)
        d.store.audit('inspection.record', null, actor, { inspectionId: newId, productId: i.productId, outcome: i.outcome, findings: i.findings.map((f) => [f.item, f.result]) }, at)
        return newId
      })()
      return one(id)
    },

    list,

    attachEvidence(i: { inspectionId: number; item: InspectionItem; fileName: string; mime?: string | undefined; contentBase64: string }, actor: Actor): Inspection {
      one(i.inspectionId)
      const stored = d.files.put(Buffer.from(i.contentBase64, 'base64'))
      const at = d.now().toISOString()
      db.transaction(() => {
        q.insertEvidence.run(i.inspectionId, i.item, i.fileName, i.mime ?? 'application/octet-stream', stored.sha256, stored.size, at)
        d.store.audit('inspection.evidence', null, actor, { inspectionId: i.inspectionId, item: i.item, sha256: stored.sha256 }, at)
      })()
      return one(i.inspectionId)
    },

    evidenceFile(id: number): FileOut {
      const e = q.evidenceRow.get(id) as { original_name: string; mime: string; sha256: string; size: number } | undefined
      if (!e) throw new AppError('NOT_FOUND', 'Không tìm thấy tài liệu chứng cứ')
      const content = d.files.get(e.sha256)
      return { fileName: e.original_name, mimeType: e.mime, sha256: e.sha256, size: e.size, base64: content.toString('base64') }
    },

    /** Refuses a revocation that claims an inspection which did not propose it for this product, or already led to one. */
    assertRevocable(inspectionId: number, productId: number): void {
      const insp = one(inspectionId)
      if (insp.outcome !== 'revocation-proposed') throw new AppError('CONFLICT', 'Biên bản kiểm tra này không đề nghị thu hồi')
      if (insp.productId !== productId) throw new AppError('CONFLICT', 'Biên bản kiểm tra là của sản phẩm khác')
      if (insp.revocation) throw new AppError('CONFLICT', 'Đề nghị thu hồi này đã có quyết định')
    },

    /** Links a revocation to the inspection that proposed it; called inside the revocation's own transaction. */
    linkRevocation(inspectionId: number, revocationId: number, productId: number): void {
      this.assertRevocable(inspectionId, productId)
      q.linkRevocation.run(inspectionId, revocationId)
    },

    summary(year: number, asOf?: string): InspectionSummary {
      const plans = (q.plansOfYear.all(year) as Array<{ id: number }>).map((p) => planOf(p.id))
      const planned = new Set(plans.flatMap((p) => p.items.map((x) => x.productId)))
      const plannedDone = new Set(plans.flatMap((p) => p.items.filter((x) => x.inspections.length > 0).map((x) => x.productId)))
      const ofYear = list({ year })
      const findings = INSPECTION_ITEM_CODES.map((item) => {
        const counts = Object.fromEntries(FINDING_RESULT_CODES.map((r) => [r, 0])) as Record<FindingResult, number>
        for (const insp of ofYear) for (const f of insp.findings) if (f.item === item) counts[f.result] += 1
        return { item, ...counts }
      })
      const outcomes = { 'no-action': 0, recommendations: 0, 'revocation-proposed': 0 }
      for (const insp of ofYear) outcomes[insp.outcome] += 1
      const facts = (q.followUpFacts.all() as Array<{ id: number; product_id: number; outcome: InspectionOutcome; inspected_on: string; deadline: string | null; product_name: string; followed: string | null }>).map((r) => ({
        id: r.id,
        productId: r.product_id,
        outcome: r.outcome,
        deadline: r.deadline,
        followedUpBy: r.followed ? r.followed.split(',').map(Number) : [],
        productName: r.product_name,
        inspectedOn: r.inspected_on
      }))
      const overdue = overdueFollowUps(facts, asOf ?? today()).map((f) => ({ inspectionId: f.id, productId: f.productId, productName: f.productName, inspectedOn: f.inspectedOn, deadline: f.deadline! }))
      return {
        year,
        planned: planned.size,
        plannedDone: plannedDone.size,
        inspections: ofYear.length,
        adHoc: ofYear.filter((x) => x.kind === 'ad-hoc').length,
        findings,
        outcomes,
        overdue
      }
    }
  }
}
export type InspectionService = ReturnType<typeof createInspectionService>
