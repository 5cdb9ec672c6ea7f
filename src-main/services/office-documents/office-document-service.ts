import { createHash } from 'node:crypto'
import type { DB } from '../../db/connection'
import { adviceLetterDocument } from '../../documents/office/advice-letter'
import { inspectionPlanDocument } from '../../documents/office/inspection-plan'
import { inspectionRecordDocument } from '../../documents/office/inspection-record'
import type { AdviceDocInput, OfficeHead, PlanDocInput, RecordDocInput, ReportDocInput } from '../../documents/office/model'
import { programmeReportDocument } from '../../documents/office/programme-report'
import { citeText } from '../../documents/office/common'
import type { TextDocument } from '../../documents/layout/ast'
import { basisLines, docSymbol } from '../../documents/layout/decree30'
import { composeAddress, communeCommittee, unitInSentence } from '../../documents/wording'
import type { StarLevel } from '../../shared/criteria'
import type { DocumentSettings } from '../../shared/api/document-settings'
import { REVOCATION_GROUNDS, groundLetter } from '../../shared/certificates'
import { FINDING_RESULTS, INSPECTION_ITEMS, INSPECTION_KINDS, INSPECTION_OUTCOMES, PLAN_REASONS } from '../../shared/inspection'
import { OFFICE_DOCUMENTS, officeSymbol, type OfficeDocumentKind } from '../../shared/office-documents'
import { AppError } from '../../shared/result'
import type { PeriodicReportView } from '../../shared/api/periodic-report'
import type { ProductAdvice } from '../../shared/api/advice'
import type { Inspection, InspectionPlan } from '../../shared/api/inspections'
import type { AdminUnits } from '../admin-units-service'
import { canonicalJson, type DocumentService } from '../document-service'
import type { DocumentRow } from '../document-register'
import { createDocumentSettingsService, runningName } from '../document-settings-service'
import { provinceNames, vietnamTime } from '../session-document-source'
import type { SettingsStore } from '../settings-service'
import type { Actor, Store } from '../sessions/store'
import { QD26 } from '../certificates/revocation-document'
import { formatDay } from '../../shared/vn-format'

/**
 * The office's Decree 30 documents outside a council session (issue 14): the yearly inspection plan (KH), each
 * inspection record (BB), the improvement letter to a producer (công văn) and the periodic programme report (BC).
 * One numbering truth with the session documents: a document is a draft ("DỰ THẢO", no number) until the office
 * issues it; issuing takes the next number of the register (or one typed from the e-office system) once, and keeps
 * the input the document was issued with (office_document_issues), so generating it again — in either format —
 * prints the same paper whatever changed in the records since. References between them (the plan in a record, the
 * record in a follow-up and in a revocation decision) are read from the register.
 */
export type OfficeRef =
  | { kind: 'inspection-plan'; planId: number }
  | { kind: 'inspection-record'; inspectionId: number }
  | { kind: 'advice-letter'; sessionId: number; productId: number; target?: StarLevel | undefined; feasible?: readonly string[] | undefined }
  | { kind: 'periodic-report'; from: string; to: string }

export interface OfficeIssueRecord {
  kind: OfficeDocumentKind
  scope: string
  number: string
  date: string
  settingsVersion: number
  issuedAt: string
}

export interface OfficeDocumentDeps {
  db: DB
  documents: DocumentService
  settings: SettingsStore
  units: AdminUnits
  store: Store
  inspections: { plan(id: number): InspectionPlan; one(id: number): Inspection }
  advice: { product(i: { sessionId: number; productId: number; target?: StarLevel | undefined; feasible: readonly string[] }): ProductAdvice }
  periodic: { report(p: { from: string; to: string }): PeriodicReportView }
  now?: () => Date
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex')

export function scopeOf(ref: OfficeRef): string {
  switch (ref.kind) {
    case 'inspection-plan':
      return String(ref.planId)
    case 'inspection-record':
      return String(ref.inspectionId)
    case 'advice-letter':
      return `${ref.sessionId}:${ref.productId}`
    case 'periodic-report':
      return `${ref.from}..${ref.to}`
  }
}

/** "6 tháng đầu năm 2027", "năm 2027", else the dates. */
export function periodText(from: string, to: string): string {
  const y = from.slice(0, 4)
  if (from === `${y}-01-01` && to === `${y}-06-30`) return `6 tháng đầu năm ${y}`
  if (from === `${y}-01-01` && to === `${y}-12-31`) return `năm ${y}`
  return `từ ngày ${formatDay(from)} đến ngày ${formatDay(to)}`
}

export function createOfficeDocumentService(d: OfficeDocumentDeps) {
  const { db } = d
  const now = d.now ?? (() => new Date())
  const register = d.documents.register
  const settingsService = createDocumentSettingsService({ db, settings: d.settings, units: d.units, now })
  const q = {
    issue: db.prepare('SELECT kind, scope, number_id, number_text, doc_date, settings_version_id, input, issued_at FROM office_document_issues WHERE kind = ? AND scope = ?'),
    insert: db.prepare(`INSERT INTO office_document_issues (kind, scope, number_id, number_text, doc_date, settings_version_id, input, issued_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    // The agency's signer when the settings name none: the vice-chair (else chair) of the latest finalized session.
    fallbackSigner: db.prepare(`SELECT m.full_name FROM session_members m JOIN sessions s ON s.id = m.session_id
      WHERE s.status = 'finalized' AND m.role IN ('vice_chair', 'chair') ORDER BY s.date DESC, s.id DESC, m.role = 'vice_chair' DESC LIMIT 1`).pluck(),
    productFacts: db.prepare(`SELECT p.code, p.name, p.commune_code, pr.name AS producer, pr.street, pr.commune_code AS producer_commune, pr.rep_name,
        c.stars, c.number_text, c.expiry_date
      FROM products p JOIN producers pr ON pr.id = p.producer_id LEFT JOIN certificates c ON c.product_id = p.id AND c.status = 'valid' WHERE p.id = ?`),
    comments: db.prepare(`SELECT DISTINCT trim(comment) FROM sheets WHERE session_id = ? AND product_id = ? AND status = 'submitted' AND trim(comment) <> '' ORDER BY id`).pluck(),
    session: db.prepare(`SELECT s.date, r.name AS batch FROM sessions s JOIN rounds r ON r.id = s.round_id WHERE s.id = ?`)
  }
  type IssueRow = { kind: OfficeDocumentKind; scope: string; number_id: number; number_text: string; doc_date: string; settings_version_id: number; input: string; issued_at: string }
  const issueRow = (kind: OfficeDocumentKind, scope: string) => q.issue.get(kind, scope) as IssueRow | undefined
  const today = () => vietnamTime(now().toISOString())[0]
  const toRecord = (r: IssueRow): OfficeIssueRecord => ({ kind: r.kind, scope: r.scope, number: r.number_text, date: r.doc_date, settingsVersion: r.settings_version_id, issuedAt: r.issued_at })

  function head(settings: DocumentSettings, date: string, recipients: string[]): OfficeHead {
    const names = provinceNames(d)
    const s = settings.signers.agency
    const name = s.name || (q.fallbackSigner.get() as string | undefined)
    if (!name) throw new AppError('VALIDATION', 'Chưa có họ tên người ký của cơ quan tham mưu: nhập trong Cài đặt văn bản')
    return {
      ...names,
      committeeName: settings.committeeName,
      agency: { parent: settings.committeeName, name: settings.agencyName, symbol: settings.agencySymbol, signer: { authority: s.authority, authorityOf: s.authorityOf, title: s.title, name } },
      issue: { number: null, date },
      recipients
    }
  }

  /** A document this one cites, with its number from the register; null while it is not issued. */
  function cite(kind: OfficeDocumentKind, scope: string, word: string): string | null {
    const r = issueRow(kind, scope)
    return r ? citeText(word, r.number_text, r.doc_date) : null
  }

  function product(id: number) {
    const f = q.productFacts.get(id) as
      | { code: string; name: string; commune_code: string; producer: string; street: string; producer_commune: string; rep_name: string; stars: number | null; number_text: string | null; expiry_date: string | null }
      | undefined
    if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
    return f
  }
  const communeName = (code: string) => d.units.commune(code)?.name ?? ''

  function planInput(planId: number, settings: DocumentSettings, date: string): PlanDocInput {
    const plan = d.inspections.plan(planId)
    const h = head(settings, date, ['Ủy ban nhân dân tỉnh (b/c)', 'Bộ Nông nghiệp và Môi trường (b/c)', 'Ủy ban nhân dân các xã, phường có sản phẩm', 'Các chủ thể có sản phẩm được kiểm tra'])
    return {
      head: h,
      year: plan.year,
      name: plan.name,
      basis: basisLines([`Căn cứ ${QD26}`, `Căn cứ chức năng, nhiệm vụ của ${settings.agencyName}`]),
      items: plan.items.map((it) => {
        const f = product(it.productId)
        return {
          code: it.code,
          name: it.name,
          producer: it.producerName,
          commune: communeName(f.commune_code),
          stars: f.stars,
          certificate: f.number_text ?? '',
          expiryDate: f.expiry_date,
          reasons: it.reasons.map((r) => PLAN_REASONS[r]),
          note: it.note
        }
      })
    }
  }

  /** "Trần Văn An - Trưởng đoàn": the line naming the team lead gives the name signed under TRƯỞNG ĐOÀN; '' to write by hand. */
  function teamLead(lines: readonly string[]): string {
    const line = lines.find((l) => /trưởng đoàn/iu.test(l))
    return line ? line.replace(/[-–:,(]?\s*trưởng đoàn.*$/iu, '').replace(/^.*?:\s*/u, '').trim() : ''
  }

  function recordInput(inspectionId: number, settings: DocumentSettings, date: string): RecordDocInput {
    const i = d.inspections.one(inspectionId)
    const f = product(i.productId)
    const h = head(settings, date, [])
    const team = i.team.split(/\r?\n|;/u).map((l) => l.trim()).filter(Boolean)
    const previous = i.followUpOf === null ? null : d.inspections.one(i.followUpOf)
    return {
      head: h,
      kind: INSPECTION_KINDS[i.kind],
      inspectedOn: i.inspectedOn,
      place: composeAddress(f.street, communeName(f.producer_commune), h.provinceUnit) || `cơ sở sản xuất của ${i.producerName}`,
      team,
      lead: teamLead(team),
      planRef: i.planId === null ? null : (cite('inspection-plan', String(i.planId), 'Kế hoạch') ?? `Kế hoạch kiểm tra "${d.inspections.plan(i.planId).name}"`),
      followUpRef: previous ? (cite('inspection-record', String(previous.id), 'Biên bản kiểm tra') ?? `Biên bản kiểm tra ngày ${formatDay(previous.inspectedOn)}`) : null,
      product: { name: i.productName, code: i.productCode, stars: f.stars, certificate: f.number_text ?? '', expiryDate: f.expiry_date },
      producer: { name: i.producerName, address: composeAddress(f.street, communeName(f.producer_commune), h.provinceUnit), representative: f.rep_name },
      findings: i.findings.map((x) => ({
        item: INSPECTION_ITEMS[x.item],
        result: FINDING_RESULTS[x.result],
        note: x.note,
        evidence: i.evidence.filter((e) => e.item === x.item).map((e) => ({ name: e.name, sha256: e.sha256 }))
      })),
      outcome: i.outcome,
      recommendation: i.recommendation,
      deadline: i.deadline,
      revocationGround: i.revocationGround ? `điểm ${groundLetter(i.revocationGround)} khoản 1 Điều 8 (${REVOCATION_GROUNDS[i.revocationGround].replace(/[.\s]+$/u, '').toLocaleLowerCase('vi')})` : null
    }
  }

  function adviceInput(ref: Extract<OfficeRef, { kind: 'advice-letter' }>, settings: DocumentSettings, date: string): AdviceDocInput {
    const a = d.advice.product({ sessionId: ref.sessionId, productId: ref.productId, target: ref.target, feasible: ref.feasible ?? [] })
    const f = product(ref.productId)
    const s = q.session.get(ref.sessionId) as { date: string; batch: string }
    const commune = communeName(f.commune_code)
    return {
      head: head(settings, date, ['Như trên', ...(commune ? [`${communeCommittee(commune)} (phối hợp)`] : [])]),
      product: { name: a.productName, code: f.code, producer: f.producer, commune: commune ? unitInSentence(commune) : '', setTitle: `Bộ tiêu chí số ${String(a.setNo).padStart(2, '0')} (${a.setName})` },
      batch: s.batch,
      sessionDate: s.date,
      stars: a.stars,
      mean: a.mean,
      target: a.target,
      plan: a.plan
        ? {
            meanBefore: a.plan.meanBefore,
            meanAfter: a.plan.meanAfter,
            changes: a.plan.changes.map((c) => ({ criterion: `${c.criterionCode}. ${c.criterionText}`, current: c.currentOptionText, target: c.targetOptionText, gain: c.meanGain, markers: c.satisfiesMarkers }))
          }
        : null,
      message: a.message,
      comments: q.comments.all(ref.sessionId, ref.productId) as string[],
      certificate: f.number_text && f.expiry_date ? { number: f.number_text, expiryDate: f.expiry_date } : null
    }
  }

  function reportInput(from: string, to: string, settings: DocumentSettings, date: string): ReportDocInput {
    const r = d.periodic.report({ from, to })
    const stars = (k: string) => (k === '0' ? 'Không xếp hạng (bị loại, dừng đánh giá)' : `${k} sao`)
    return {
      head: head(settings, date, ['Bộ Nông nghiệp và Môi trường (b/c)', 'Văn phòng Điều phối nông thôn mới Trung ương (b/c)', 'Ủy ban nhân dân tỉnh (b/c)']),
      period: { from, to },
      periodText: periodText(from, to),
      evaluations: {
        total: r.evaluations.total,
        firstTime: r.evaluations.byType['lan-dau'],
        upgrade: r.evaluations.byType['nang-hang'],
        reEvaluation: r.evaluations.byType['danh-gia-lai'],
        byStars: r.evaluations.byStars.map((x) => ({ label: stars(x.key), count: x.count })),
        recognised: r.evaluations.recognised,
        proposedFiveStar: r.evaluations.proposedFiveStar
      },
      certificates: { issued: r.certificates.issued, issuedByStars: r.certificates.issuedByStars.map((x) => ({ label: stars(x.key), count: x.count })), revoked: r.certificates.revoked, expired: r.certificates.expired },
      portfolio: {
        valid: r.portfolio.valid,
        byStars: r.portfolio.byStars.map((x) => ({ label: stars(x.key), count: x.count })),
        // Sector names are stored in capitals (the decision's headings): printed in sentence case.
        bySector: r.portfolio.bySector.map((x) => ({ label: runningName(x.key), count: x.count })),
        byCommune: r.portfolio.byCommune.map((x) => ({ label: x.key, count: x.count }))
      },
      inspections: {
        total: r.inspections.total,
        adHoc: r.inspections.adHoc,
        byOutcome: (['no-action', 'recommendations', 'revocation-proposed'] as const).map((o) => ({ label: INSPECTION_OUTCOMES[o], count: r.inspections.byOutcome[o] })),
        failedItems: r.inspections.failedItems.map((x) => ({ label: INSPECTION_ITEMS[x.key as keyof typeof INSPECTION_ITEMS] ?? x.key, count: x.count }))
      }
    }
  }

  type AnyInput = PlanDocInput | RecordDocInput | AdviceDocInput | ReportDocInput
  function liveInput(ref: OfficeRef, settings: DocumentSettings, date: string): AnyInput {
    switch (ref.kind) {
      case 'inspection-plan':
        return planInput(ref.planId, settings, date)
      case 'inspection-record':
        return recordInput(ref.inspectionId, settings, date)
      case 'advice-letter':
        return adviceInput(ref, settings, date)
      case 'periodic-report':
        return reportInput(ref.from, ref.to, settings, date)
    }
  }

  function build(kind: OfficeDocumentKind, input: AnyInput): TextDocument {
    switch (kind) {
      case 'inspection-plan':
        return inspectionPlanDocument(input as PlanDocInput)
      case 'inspection-record':
        return inspectionRecordDocument(input as RecordDocInput)
      case 'advice-letter':
        return adviceLetterDocument(input as AdviceDocInput)
      case 'periodic-report':
        return programmeReportDocument(input as ReportDocInput)
    }
  }

  /** The earliest day the document may carry: not before what it records or reports on. */
  function earliest(ref: OfficeRef): { day: string; what: string } | null {
    switch (ref.kind) {
      case 'inspection-record':
        return { day: d.inspections.one(ref.inspectionId).inspectedOn, what: 'ngày kiểm tra' }
      case 'advice-letter':
        return { day: (q.session.get(ref.sessionId) as { date: string } | undefined)?.date ?? '', what: 'ngày họp Hội đồng' }
      case 'periodic-report':
        return { day: ref.from, what: 'ngày đầu kỳ báo cáo' }
      case 'inspection-plan':
        return null
    }
  }

  const issueTx = db.transaction((ref: OfficeRef, req: { date?: string | undefined; number?: number | undefined }, actor: Actor): OfficeIssueRecord => {
    const scope = scopeOf(ref)
    const label = OFFICE_DOCUMENTS[ref.kind].label
    const same = issueRow(ref.kind, scope)
    if (same) throw new AppError('CONFLICT', `${label} đã được ban hành, số ${same.number_text}; một văn bản chỉ có một số`)
    const date = req.date ?? today()
    const floor = earliest(ref)
    if (floor && date < floor.day) throw new AppError('VALIDATION', `Ngày ban hành không được trước ${floor.what} (${formatDay(floor.day)})`)
    if (ref.kind === 'advice-letter' && d.advice.product({ sessionId: ref.sessionId, productId: ref.productId, target: ref.target, feasible: ref.feasible ?? [] }).target === null)
      throw new AppError('VALIDATION', 'Sản phẩm không có hạng sao tiếp theo để góp ý hoàn thiện')
    const pinned = settingsService.pin()
    const input = liveInput(ref, pinned.settings, date)
    const sym = officeSymbol(ref.kind, input.head.agency.symbol)
    const year = Number(date.slice(0, 4))
    const n = req.number === undefined ? register.allocate(year, sym.symbol, ref.kind, 1) : register.reserve(year, sym.symbol, ref.kind, req.number, 1)
    const text = docSymbol(n.first, sym.abbr, sym.issuer)
    const at = now().toISOString()
    const issued = { ...input, head: { ...input.head, issue: { number: n.first, date } } }
    q.insert.run(ref.kind, scope, n.id, text, date, pinned.versionId, canonicalJson(issued), at)
    d.store.audit('document.issue', null, actor, { kind: ref.kind, scope, number: text, date, settingsVersion: pinned.versionId }, at)
    return { kind: ref.kind, scope, number: text, date, settingsVersion: pinned.versionId, issuedAt: at }
  })

  /** The draft from the records as they are now, or the issued document as it was issued. */
  function source(ref: OfficeRef): { input: AnyInput; numberId: number | null; numberText: string | null } {
    const r = issueRow(ref.kind, scopeOf(ref))
    if (r) return { input: JSON.parse(r.input) as AnyInput, numberId: r.number_id, numberText: r.number_text }
    return { input: liveInput(ref, settingsService.current().settings, today()), numberId: null, numberText: null }
  }

  return {
    async generate(ref: OfficeRef, format: 'pdf' | 'docx'): Promise<DocumentRow> {
      const s = source(ref)
      const inputSha256 = sha256(canonicalJson({ kind: ref.kind, input: s.input }))
      return d.documents.generateText({
        kind: ref.kind,
        format,
        text: build(ref.kind, s.input),
        date: s.input.head.issue.date,
        inputSha256,
        numberId: s.numberId,
        numberText: s.numberText,
        dataVersion: inputSha256.slice(0, 16)
      })
    },
    issue: (ref: OfficeRef, req: { date?: string | undefined; number?: number | undefined }, actor: Actor) => issueTx(ref, req, actor),
    /** The number given to the document, else the next the register would give (shown before issuing). */
    status(ref: OfficeRef): { symbol: string; next: number; assigned: string | null; date: string | null } {
      const r = issueRow(ref.kind, scopeOf(ref))
      const sym = officeSymbol(ref.kind, settingsService.current().settings.agencySymbol)
      const year = Number(today().slice(0, 4))
      return { symbol: sym.symbol, next: register.next(year, sym.symbol), assigned: r?.number_text ?? null, date: r?.doc_date ?? null }
    },
    issued: (kind: OfficeDocumentKind, scope: string): OfficeIssueRecord | null => {
      const r = issueRow(kind, scope)
      return r ? toRecord(r) : null
    }
  }
}
export type OfficeDocumentService = ReturnType<typeof createOfficeDocumentService>
