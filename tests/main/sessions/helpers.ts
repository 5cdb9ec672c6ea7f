import type { Core } from '../../../src-main/core'
import type { CallContext } from '../../../src-main/api/registry'
import { leafCriteria, type CriteriaSet, type LeafCriterion } from '../../../src-main/shared/criteria'
import { ok } from '../../utils/core'

export const SET6 = 'QD26-2026-06'

/** Producers and products with complete dossiers, inserted directly: the catalogue's own tests cover its API. */
export function seedProducts(core: Core, n: number, setId = SET6): number[] {
  const at = '2026-05-01T00:00:00.000Z'
  const producer = Number(
    core.db
      .prepare(`INSERT INTO producers (kind, name, name_fold, sort_key, rep_name, rep_gender, rep_ethnicity, province_code, commune_code, created_at, updated_at)
        VALUES ('htx', 'Hợp tác xã Chè Cầu Đất', 'hop tac xa che cau dat', 'hop tac xa', 'Nguyễn Thị Hoa', 'nu', 'Kinh', '68', '24778', ?, ?)`)
      .run(at, at).lastInsertRowid
  )
  const base = (core.db.prepare('SELECT count(*) AS n FROM products').get() as { n: number }).n
  const ids: number[] = []
  for (let i = 1; i <= n; i++) {
    const serial = base + i
    const id = core.db
      .prepare(`INSERT INTO products (code, form_no, province_code, commune_code, serial, year, name, name_fold, sort_key, producer_id, set_id, registration_type, status, dossier_completed_at, created_at, updated_at)
        VALUES (?, ?, '68', '24778', ?, 2026, ?, ?, ?, ?, ?, 'lan-dau', 'dossier-complete', ?, ?, ?)`)
      .run(`68-24778-2026-${serial}`, `F-${serial}`, serial, `Sản phẩm số ${serial}`, `san pham so ${serial}`, `sp${String(serial).padStart(4, '0')}`, producer, setId, at, at, at).lastInsertRowid
    ids.push(Number(id))
  }
  return ids
}

/** An activated council of 9 (chair, vice-chair, 6 members, secretary); returns its version id. */
export async function seedCouncil(core: Core, members = 9): Promise<number> {
  const roles = ['chair', 'vice_chair', ...Array(members - 3).fill('member'), 'secretary'] as Array<'chair' | 'vice_chair' | 'member' | 'secretary'>
  const c = await ok(core, 'councils.create', {
    name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Lâm Đồng năm 2026',
    periodFrom: '2026-07-01',
    periodTo: null,
    decisionNo: '99/QĐ-UBND',
    decisionDate: '2026-06-20',
    signerName: 'Trần Văn Ký',
    signerTitle: 'Chủ tịch UBND tỉnh',
    members: roles.map((role, i) => ({ role, fullName: `Thành viên ${String.fromCharCode(65 + i)}` }))
  })
  const active = await ok(core, 'councils.activate', { id: c.id })
  return active.currentVersion!.id
}

/** One option per leaf: `level` 0 picks each criterion's lowest-point option, 1 its highest. */
export function answersAt(set: CriteriaSet, pick: (c: LeafCriterion, index: number) => 'min' | 'max'): Record<string, string> {
  const out: Record<string, string> = {}
  leafCriteria(set).forEach(({ criterion }, i) => {
    const sorted = [...criterion.options].sort((a, b) => a.points - b.points)
    out[criterion.code] = (pick(criterion, i) === 'max' ? sorted[sorted.length - 1] : sorted[0])!.id
  })
  return out
}

export const memberCtx = (memberId: number): CallContext => ({ actor: { kind: 'member', memberId }, requestId: 'member' })

export interface Seeded {
  sessionId: number
  products: number[]
  members: Array<{ id: number; role: string }>
  set: CriteriaSet
}

/** A round, a session of `n` products, opened, with everyone present but `absent`, all declared "no conflict" except `recusals`. */
export async function openScoringSession(core: Core, opts: { products?: number; absent?: number[]; recusals?: Array<[number, number]>; councilSize?: number } = {}): Promise<Seeded> {
  const versionId = await seedCouncil(core, opts.councilSize)
  const products = seedProducts(core, opts.products ?? 2)
  const round = await ok(core, 'rounds.create', { year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15' })
  const s = await ok(core, 'sessions.create', { roundId: round.id, date: '2026-11-20', startTime: '08:00', place: 'Hội trường UBND tỉnh', councilVersionId: versionId })
  await ok(core, 'sessions.setAgenda', { id: s.id, productIds: products })
  await ok(core, 'sessions.setStatus', { id: s.id, to: 'open' })
  const members = s.members.map((m) => ({ id: m.id, role: m.role }))
  const absent = new Set((opts.absent ?? []).map((i) => members[i]!.id))
  for (const m of members) await ok(core, 'attendance.set', { sessionId: s.id, memberId: m.id, status: absent.has(m.id) ? 'absent' : 'present' })
  const recused = new Set((opts.recusals ?? []).map(([mi, pi]) => `${members[mi]!.id}:${products[pi]}`))
  for (const m of members)
    if (!absent.has(m.id) && m.role !== 'secretary')
      for (const p of products)
        await ok(core, 'conflicts.declare', recused.has(`${m.id}:${p}`) ? { sessionId: s.id, productId: p, memberId: m.id, kind: 'family', text: 'Anh ruột của chủ thể' } : { sessionId: s.id, productId: p, memberId: m.id, kind: 'none', text: '' })
  await ok(core, 'sessions.setStatus', { id: s.id, to: 'scoring' })
  const set = (await ok(core, 'criteria.get', { setId: SET6 })).set
  return { sessionId: s.id, products, members, set }
}

/** Saves every answer one by one and submits, as the scoring screen does. */
export async function scoreAndSubmit(core: Core, sessionId: number, productId: number, memberId: number, answers: Record<string, string>, ctx?: CallContext) {
  const sheet = await ok(core, 'sheets.get', { sessionId, productId, memberId }, ctx)
  const versions = new Map(sheet.answers.map((a) => [a.criterionCode, a.version]))
  for (const [criterionCode, optionId] of Object.entries(answers))
    await ok(core, 'sheets.saveAnswer', { sessionId, productId, memberId, criterionCode, optionId, expectedVersion: versions.get(criterionCode) ?? 0 }, ctx)
  return ok(core, 'sheets.submit', { sessionId, productId, memberId }, ctx)
}
