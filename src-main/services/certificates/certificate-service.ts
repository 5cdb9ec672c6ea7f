import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { DB } from '../../db/connection'
import { certificateState, expiryDate } from '../../domain/certificate'
import { checkTransition } from '../../domain/product-status'
import { configurePdfmake, renderPdf } from '../../documents/render'
import { docSymbol } from '../../documents/layout/decree30'
import { textDocumentToPdfmake } from '../../documents/layout/to-pdfmake'
import type { Certificate, CERTIFICATE_FILTERS, FileOut } from '../../shared/api/certificates'
import type { ProductStatus } from '../../shared/catalogue'
import type { ProvinceSettings } from '../../shared/contract'
import type { RevocationGround } from '../../shared/certificates'
import { AppError } from '../../shared/result'
import type { AdminUnits } from '../admin-units-service'
import { createDocumentRegister } from '../document-register'
import { recordStatus } from '../product-service'
import type { SettingsStore } from '../settings-service'
import { createStore, type Actor } from '../sessions/store'
import { createCertificateStore, today } from './certificate-store'
import { revocationDocument, revocationNumber } from './revocation-document'
import { formatDay } from '../../shared/vn-format'

/**
 * Issues certificates from a recognition decision, records expiry, and revokes with a generated decision. Numbers
 * come from the document register (005): certificates under "GCN-OCOP", revocation decisions under "QĐ-UBND",
 * so the app never gives a number twice in a year, whichever screen asked for it.
 */
export const CERTIFICATE_SYMBOL = 'GCN-OCOP'
const DECISION_SYMBOL = 'QĐ-UBND'

export interface CertificateDeps {
  db: DB
  units: AdminUnits
  settings: SettingsStore
  dataDir: string
  fontsDir: string
  now: () => Date
  /** Post-recognition inspections, so a revocation proposed by one is linked to it (Điều 9 → Điều 8). */
  inspections?: {
    assertRevocable(inspectionId: number, productId: number): void
    linkRevocation(inspectionId: number, revocationId: number, productId: number): void
    /** The inspection's biên bản as registered (number and date), null while it is not issued. */
    recordNumber?(inspectionId: number): { number: string; date: string } | null
  }
}

/** Unit names inside a sentence take a lower-case type word: "xã Tà Nung", "tỉnh Lâm Đồng". */
const inSentence = (name: string): string => name.replace(/^(Xã|Phường|Tỉnh|Thành phố|Đặc khu)(?=\s)/u, (w) => w.toLocaleLowerCase('vi'))
const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')

export function createCertificateService(d: CertificateDeps) {
  const store = createCertificateStore(d.db, d.units)
  const register = createDocumentRegister(d.db, d.now)
  const asOfOr = (asOf?: string) => asOf ?? today(d.now)

  function move(productId: number, from: ProductStatus, to: ProductStatus, stars: number | null, reason: string, at: string): void {
    const current = d.db.prepare('SELECT stars FROM products WHERE id = ?').get(productId) as { stars: number | null }
    const check = checkTransition({ from, to, reason, stars: to === 'recognised' ? stars : undefined }, current.stars)
    if (!check.ok) throw new AppError('CONFLICT', check.message)
    d.db.prepare('UPDATE products SET status = ?, stars = ?, updated_at = ? WHERE id = ? AND status = ?').run(to, check.stars, at, productId, from)
    recordStatus(d.db, productId, from, to, check.stars, reason, at)
  }

  const issueTx = (given: { sessionId: number; decisionNo?: string | undefined; decisionDate?: string | undefined; issuedOn: string; productIds?: number[] | undefined }, actor: Actor): number[] => {
    const session = d.db.prepare('SELECT status FROM sessions WHERE id = ?').get(given.sessionId) as { status: string } | undefined
    if (!session) throw new AppError('NOT_FOUND', 'Không tìm thấy phiên họp')
    if (session.status !== 'finalized') throw new AppError('CONFLICT', 'Chỉ cấp giấy chứng nhận từ phiên họp đã chốt kết quả')
    // A certificate cites the recognition decision as the register has it (one numbering truth): issued first, same number.
    const decided = d.db.prepare("SELECT number_text, doc_date FROM document_issues WHERE session_id = ? AND kind = 'decision' AND product_scope = 0").get(given.sessionId) as
      | { number_text: string; doc_date: string }
      | undefined
    if (!decided) throw new AppError('CONFLICT', 'Quyết định công nhận của phiên họp chưa được ban hành (chưa có số trong sổ văn bản); hãy ban hành quyết định ở thẻ Văn bản trước khi cấp giấy chứng nhận')
    if ((given.decisionNo !== undefined && given.decisionNo !== decided.number_text) || (given.decisionDate !== undefined && given.decisionDate !== decided.doc_date))
      throw new AppError('CONFLICT', `Quyết định công nhận của phiên họp đã ban hành số ${decided.number_text} ngày ${formatDay(decided.doc_date)}; số hoặc ngày nhập không khớp sổ văn bản`)
    const req = { ...given, decisionNo: decided.number_text, decisionDate: decided.doc_date }
    if (req.issuedOn < req.decisionDate) throw new AppError('VALIDATION', 'Ngày cấp không được trước ngày ký quyết định công nhận', [{ path: 'issuedOn', message: 'Ngày cấp trước ngày quyết định' }])
    type R = { product_id: number; name: string; stars: number | null; outcome: string | null; status: ProductStatus; product_stars: number | null }
    const rows = d.db
      .prepare(`SELECT r.product_id, p.name, r.stars, r.outcome, p.status, p.stars AS product_stars FROM results r JOIN products p ON p.id = r.product_id
        JOIN session_agenda a ON a.session_id = r.session_id AND a.product_id = r.product_id WHERE r.session_id = ? ORDER BY a.ord`)
      .all(req.sessionId) as R[]
    const wanted = req.productIds ? new Set(req.productIds) : null
    if (wanted) for (const id of wanted) if (!rows.some((r) => r.product_id === id)) throw new AppError('VALIDATION', `Sản phẩm mã ${id} không thuộc phiên họp này`)
    // 3★/4★ by the province's own result; 5★ only once the Ministry has recognised it (status recognised, stars 5).
    const eligible = rows.filter((r) =>
      r.status === 'recognised' ? r.product_stars !== null : r.status === 'rated' && r.outcome === 'recognised-by-province' && (r.stars === 3 || r.stars === 4)
    )
    const chosen = wanted ? rows.filter((r) => wanted.has(r.product_id)) : eligible
    for (const r of chosen)
      if (!eligible.includes(r)) throw new AppError('CONFLICT', `"${r.name}" chưa đủ điều kiện cấp giấy chứng nhận (cần đạt 3 hoặc 4 sao, hoặc đã được Bộ công nhận 5 sao)`)
    if (chosen.length === 0) throw new AppError('CONFLICT', 'Phiên họp không có sản phẩm nào đủ điều kiện cấp giấy chứng nhận')
    const at = d.now().toISOString()
    const year = Number(req.issuedOn.slice(0, 4))
    const reason = `Quyết định công nhận số ${req.decisionNo} ngày ${req.decisionDate}`
    // Prepared once per call, before the loop (the wiring runs before a restore may swap the database underneath).
    const q = {
      validOf: d.db.prepare("SELECT id, number_text, created_at FROM certificates WHERE product_id = ? AND status = 'valid'"),
      /** certificate-valid → registered is only ever the re-registration (RULES 27), after the certificate was written. */
      reregisteredSince: d.db.prepare("SELECT 1 FROM product_status_history WHERE product_id = ? AND from_status = 'certificate-valid' AND to_status = 'registered' AND at >= ?"),
      nextId: d.db.prepare('SELECT coalesce(max(id), 0) + 1 FROM certificates').pluck(),
      replace: d.db.prepare("UPDATE certificates SET status = 'replaced', replaced_by = ?, replaced_on = ? WHERE id = ? AND status = 'valid'"),
      insert: d.db.prepare(`INSERT INTO certificates (id, product_id, session_id, number_id, year, number, number_text, stars, decision_no, decision_date, issued_on, expiry_date, status, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'valid', ?)`)
    }
    const audit = createStore(d.db)
    const ids: number[] = []
    const [abbr, issuer] = CERTIFICATE_SYMBOL.split('-') as [string, string]
    for (const r of chosen) {
      const held = q.validOf.get(r.product_id) as { id: number; number_text: string; created_at: string } | undefined
      // A product back for re-evaluation or upgrade (products.reregister after this certificate) gets its new
      // certificate in place of the one it holds (RULES 27a); any other product keeps the refusal.
      if (held && !q.reregisteredSince.get(r.product_id, held.created_at))
        throw new AppError('CONFLICT', `"${r.name}" đã có giấy chứng nhận còn hiệu lực`)
      const stars = r.status === 'recognised' ? r.product_stars! : r.stars!
      if (r.status === 'rated') move(r.product_id, 'rated', 'recognised', stars, reason, at)
      move(r.product_id, 'recognised', 'certificate-valid', null, reason, at)
      const n = register.allocate(year, CERTIFICATE_SYMBOL, 'certificate', 1)
      const numberText = docSymbol(n.first, abbr, issuer)
      // The new row takes the next id, named as the successor first so the one-valid-per-product index is free
      // (014: a deferred foreign key checks at commit that the successor exists).
      const id = q.nextId.get() as number
      if (held) {
        q.replace.run(id, req.issuedOn, held.id)
        audit.audit('certificate.replaced', req.sessionId, actor, { certificateId: held.id, number: held.number_text, replacedBy: id, replacedByNumber: numberText, decisionNo: req.decisionNo, on: req.issuedOn }, at)
      }
      q.insert.run(id, r.product_id, req.sessionId, n.id, year, n.first, numberText, stars, req.decisionNo, req.decisionDate, req.issuedOn, expiryDate(req.issuedOn), at)
      ids.push(id)
    }
    return ids
  }

  /** Records expiry of every valid certificate past its date, and moves its product to "expired". */
  const sweepTx = (asOf: string): number => {
    const due = d.db.prepare("SELECT id, product_id FROM certificates WHERE status = 'valid' AND expiry_date < ?").all(asOf) as Array<{ id: number; product_id: number }>
    const at = d.now().toISOString()
    for (const c of due) {
      d.db.prepare("UPDATE certificates SET status = 'expired' WHERE id = ?").run(c.id)
      const p = d.db.prepare('SELECT status FROM products WHERE id = ?').get(c.product_id) as { status: ProductStatus }
      if (p.status === 'certificate-valid') move(c.product_id, 'certificate-valid', 'expired', null, `Giấy chứng nhận hết hạn (${asOf})`, at)
    }
    return due.length
  }

  return {
    store,
    get: (id: number, asOf?: string): Certificate => store.one(id, asOfOr(asOf)),
    issue(req: Parameters<typeof issueTx>[0], actor: Actor = { kind: 'local' }): Certificate[] {
      const ids = d.db.transaction(issueTx)(req, actor)
      const asOf = today(d.now)
      return ids.map((id) => store.all(asOf).find((c) => c.id === id)!)
    },
    list(filter: (typeof CERTIFICATE_FILTERS)[number], withinDays: number, asOf?: string): Certificate[] {
      const all = store.all(asOfOr(asOf))
      if (filter === 'all') return all
      if (filter === 'expiring') return all.filter((c) => c.state === 'valid' && c.daysLeft <= withinDays).sort((a, b) => a.daysLeft - b.daysLeft)
      return all.filter((c) => c.state === filter)
    },
    sweep: (asOf?: string): number => d.db.transaction(sweepTx)(asOfOr(asOf)),
    async revoke(req: { certificateId: number; ground: RevocationGround; detail: string; conclusionRef: string; conclusionDate: string; decidedOn: string; signerTitle: string; signerName: string; inspectionId?: number | undefined }) {
      const c = store.row(req.certificateId)
      if (!c) throw new AppError('NOT_FOUND', 'Không tìm thấy giấy chứng nhận')
      // A revocation proposed by a post-recognition inspection (Điều 9) is linked to it; checked before a number is taken.
      if (req.inspectionId !== undefined) {
        if (!d.inspections) throw new AppError('INTERNAL', 'Inspection records are not wired into the certificate service')
        d.inspections.assertRevocable(req.inspectionId, c.product_id)
      }
      // The decision cites the inspection's biên bản by the number the register gave it (one numbering truth).
      const record = req.inspectionId !== undefined && d.inspections?.recordNumber ? d.inspections.recordNumber(req.inspectionId) : undefined
      if (record === null) throw new AppError('CONFLICT', 'Biên bản kiểm tra chưa được cấp số: hãy cấp số biên bản kiểm tra trước khi ra quyết định thu hồi')
      if (record && req.decidedOn < record.date) throw new AppError('VALIDATION', 'Ngày quyết định không được trước ngày của biên bản kiểm tra', [{ path: 'decidedOn', message: 'Trước ngày biên bản' }])
      if (c.revocation_id !== null) throw new AppError('CONFLICT', 'Giấy chứng nhận này đã bị thu hồi')
      if (certificateState(c.status, c.expiry_date, req.decidedOn) !== 'valid') throw new AppError('CONFLICT', 'Chỉ thu hồi được giấy chứng nhận còn hiệu lực vào ngày ra quyết định')
      if (c.stars === 5) throw new AppError('FORBIDDEN', 'Giấy chứng nhận 5 sao do Bộ trưởng Bộ Nông nghiệp và Môi trường quyết định thu hồi (Điều 8.2b)')
      if (req.decidedOn < req.conclusionDate) throw new AppError('VALIDATION', 'Ngày quyết định không được trước ngày kết luận', [{ path: 'decidedOn', message: 'Trước ngày kết luận' }])
      if (req.decidedOn < (c.issued_on ?? c.decision_date ?? `${c.year}-01-01`)) throw new AppError('VALIDATION', 'Ngày quyết định không được trước ngày cấp giấy chứng nhận', [{ path: 'decidedOn', message: 'Trước ngày cấp' }])
      const province = d.settings.get<ProvinceSettings | null>('province', null)
      const provinceName = province?.provinceCode ? (d.units.province(province.provinceCode)?.name ?? '') : ''
      if (!provinceName) throw new AppError('VALIDATION', 'Chưa khai báo tỉnh trong phần Cài đặt; không lập được quyết định thu hồi')
      const p = d.db.prepare('SELECT p.street, p.commune_code FROM producers p JOIN products x ON x.producer_id = p.id WHERE x.id = ?').get(c.product_id) as { street: string; commune_code: string | null }
      // A province-only address (commune "chưa rõ") names no commune.
      const commune = p.commune_code === null ? '' : inSentence(d.units.commune(p.commune_code)?.name ?? '')
      // The number is taken first and stays taken even if rendering fails (NĐ 30: a number is never reused).
      const n = register.allocate(Number(req.decidedOn.slice(0, 4)), DECISION_SYMBOL, 'decision', 1)
      const doc = revocationDocument({
        provinceName,
        placeName: province?.placeName || provinceName.replace(/^(Tỉnh|Thành phố)\s+/u, ''),
        committeeName: province?.bodyName || `Ủy ban nhân dân ${inSentence(provinceName)}`,
        advisoryBody: province?.advisoryBody || 'Sở Nông nghiệp và Môi trường',
        number: n.first,
        decidedOn: req.decidedOn,
        signerTitle: req.signerTitle,
        signerName: req.signerName,
        ground: req.ground,
        detail: req.detail,
        conclusionRef: req.conclusionRef,
        conclusionDate: req.conclusionDate,
        ...(record ? { inspectionRecord: record } : {}),
        certificate: { number: c.number_text, issuedOn: c.issued_on, year: c.year, stars: c.stars, decisionNo: c.decision_no, decisionDate: c.decision_date, authority: c.issuing_authority },
        product: { name: c.product_name, code: c.product_code, producer: c.producer_name, address: [p.street, commune, inSentence(provinceName)].filter(Boolean).join(', '), commune }
      })
      configurePdfmake(d.fontsDir)
      const bytes = await renderPdf(textDocumentToPdfmake(doc), req.decidedOn)
      const rel = join('revocations', req.decidedOn.slice(0, 4), `thu-hoi-${c.id}-${n.first}.pdf`)
      const file = join(d.dataDir, rel)
      mkdirSync(dirname(file), { recursive: true })
      writeFileSync(`${file}.tmp`, bytes)
      renameSync(`${file}.tmp`, file)
      const hash = sha256(bytes)
      const at = d.now().toISOString()
      try {
        const id = d.db.transaction(() => {
          const r = d.db
            .prepare(`INSERT INTO revocations (certificate_id, ground, detail, conclusion_ref, conclusion_date, decided_on, number_id, number_text, file_path, sha256, created_at)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
            .run(c.id, req.ground, req.detail, req.conclusionRef, req.conclusionDate, req.decidedOn, n.id, revocationNumber(n.first), rel, hash, at)
          d.db.prepare("UPDATE certificates SET status = 'revoked' WHERE id = ?").run(c.id)
          const status = (d.db.prepare('SELECT status FROM products WHERE id = ?').get(c.product_id) as { status: ProductStatus }).status
          if (status === 'certificate-valid') move(c.product_id, 'certificate-valid', 'revoked', null, `Thu hồi theo Quyết định số ${revocationNumber(n.first)}: điểm ${req.ground === 'dd' ? 'đ' : req.ground} khoản 1 Điều 8`, at)
          const revocationId = Number(r.lastInsertRowid)
          if (req.inspectionId !== undefined) d.inspections!.linkRevocation(req.inspectionId, revocationId, c.product_id)
          return revocationId
        })()
        return { id, certificateId: c.id, ground: req.ground, number: revocationNumber(n.first), decidedOn: req.decidedOn, sha256: hash, fileName: `thu-hoi-${c.id}-${n.first}.pdf` }
      } catch (err) {
        rmSync(file, { force: true })
        throw err
      }
    },
    revocationFile(id: number): FileOut {
      const r = d.db.prepare('SELECT file_path, sha256 FROM revocations WHERE id = ?').get(id) as { file_path: string; sha256: string } | undefined
      if (!r) throw new AppError('NOT_FOUND', 'Không tìm thấy quyết định thu hồi')
      const file = join(d.dataDir, r.file_path)
      if (!existsSync(file)) throw new AppError('NOT_FOUND', 'Tệp quyết định thu hồi không còn trong thư mục dữ liệu')
      const bytes = readFileSync(file)
      if (sha256(bytes) !== r.sha256) throw new AppError('CONFLICT', 'Tệp quyết định thu hồi đã bị thay đổi ngoài ứng dụng (mã SHA-256 không khớp)')
      return { fileName: r.file_path.split(/[\\/]/).pop()!, mimeType: 'application/pdf', sha256: r.sha256, size: bytes.length, base64: bytes.toString('base64') }
    }
  }
}
export type CertificateService = ReturnType<typeof createCertificateService>
