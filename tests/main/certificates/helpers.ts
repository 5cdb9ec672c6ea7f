import type { Core } from '../../../src-main/core'
import { schemaVersion } from '../../../src-main/db/migrate'
import { m007Certificates } from '../../../src-main/db/migrations/007-certificates'
import { ok, testCore } from '../../utils/core'
import { leafCriteria, type CriteriaSet } from '../../../src-main/shared/criteria'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from '../sessions/helpers'

/**
 * A real core whose database has migration 007 even while it is not yet in the index (it waits for 006): the
 * tables are created in place, so the services are tested against the same SQL.
 */
export async function certCore(now?: () => Date): Promise<Core & { dataDir: string }> {
  const core = await testCore(undefined, now)
  if (schemaVersion(core.db) < 7 && !core.db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'certificates'").get()) m007Certificates.up(core.db)
  return core
}

/**
 * A finalized session of two products: the first scored so it lands on 3★ or 4★ (recognised by the province), the
 * second on full marks (proposed for 5★). Returns the session id and the two product ids.
 */
export async function finalizedSession(core: Core): Promise<{ sessionId: number; recognised: number; fiveStar: number; results: Array<{ productId: number; stars: number | null; outcome: string | null }> }> {
  const s = await openScoringSession(core, { products: 2 })
  const [p0, p1] = s.products as [number, number]
  const scorers = s.members.filter((m) => m.role !== 'secretary')
  const high = answersAt(s.set, () => 'max')
  const mid = atThreeStarMarkers(s.set)
  for (const m of scorers) {
    await scoreAndSubmit(core, s.sessionId, p0, m.id, mid, memberCtx(m.id))
    await scoreAndSubmit(core, s.sessionId, p1, m.id, high, memberCtx(m.id))
  }
  await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
  const results = await ok(core, 'sessions.finalize', { id: s.sessionId })
  return { sessionId: s.sessionId, recognised: p0, fiveStar: p1, results: results.map((r) => ({ productId: r.productId, stars: r.stars, outcome: r.outcome })) }
}

/**
 * Issues the session's report, tờ trình and recognition decision through the API, as the office does before
 * certificates (each cites the one before); the decision takes the typed number, so its text is "<number>/QĐ-UBND".
 */
export async function issueDecision(core: Core, sessionId: number, decision: { number: number; date: string }): Promise<string> {
  const province = await ok(core, 'settings.getProvince', {})
  if (!province.provinceCode) await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'Ủy ban nhân dân tỉnh Lâm Đồng', advisoryBody: 'Sở Nông nghiệp và Môi trường', placeName: 'Lâm Đồng' })
  await ok(core, 'documents.issue', { sessionId, kind: 'report', date: decision.date })
  await ok(core, 'documents.issue', { sessionId, kind: 'submission', date: decision.date })
  return (await ok(core, 'documents.issue', { sessionId, kind: 'decision', date: decision.date, number: decision.number })).number
}

/** Each criterion at its 3★ minimum where one is marked, else at its best option: a total between 70 and 89. */
export function atThreeStarMarkers(set: CriteriaSet): Record<string, string> {
  const out: Record<string, string> = {}
  for (const { criterion } of leafCriteria(set)) {
    const sorted = [...criterion.options].sort((a, b) => a.points - b.points)
    out[criterion.code] = (criterion.options.find((o) => o.marker === 3) ?? sorted[sorted.length - 1])!.id
  }
  return out
}
