import fc from 'fast-check'
import { createCriteriaService } from '../../../src-main/services/criteria-service'
import { createReviewService } from '../../../src-main/services/sessions/review-service'
import { createStore } from '../../../src-main/services/sessions/store'
import { leafCriteria } from '../../../src-main/shared/criteria'
import { CONFLICT_KINDS } from '../../../src-main/shared/api/sessions'
import { call, testCore } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit } from './helpers'

/**
 * The review caches the engine's rating per product. Whatever the office and the members write, in whatever order,
 * the cached matrix and per-product view must equal what a service with an empty cache computes from the database.
 */
type Write =
  | { kind: 'score'; p: number; m: number; level: number }
  | { kind: 'scoreAll'; p: number; level: number }
  | { kind: 'answer'; p: number; m: number; c: number; o: number }
  | { kind: 'submit'; p: number; m: number }
  | { kind: 'attendance'; m: number; status: 'present' | 'absent' | 'left' }
  | { kind: 'conflict'; p: number; m: number; k: number }
  | { kind: 'knockoutFlag'; p: number; m: number; flagged: boolean }
  | { kind: 'agree'; p: number; c: number; o: number }
  | { kind: 'decideKnockout'; p: number; applies: boolean }
  | { kind: 'rescore'; p: number }
  | { kind: 'rename'; p: number; n: number }

const P = 2
const M = 5
const i = (n: number) => fc.integer({ min: 0, max: n - 1 })
const write: fc.Arbitrary<Write> = fc.oneof(
  fc.record({ kind: fc.constant('score' as const), p: i(P), m: i(M), level: i(3) }),
  fc.record({ kind: fc.constant('scoreAll' as const), p: i(P), level: i(3) }),
  fc.record({ kind: fc.constant('scoreAll' as const), p: i(P), level: i(3) }),
  fc.record({ kind: fc.constant('answer' as const), p: i(P), m: i(M), c: i(40), o: i(4) }),
  fc.record({ kind: fc.constant('submit' as const), p: i(P), m: i(M) }),
  fc.record({ kind: fc.constant('attendance' as const), m: i(M), status: fc.constantFrom('present' as const, 'absent' as const, 'left' as const) }),
  fc.record({ kind: fc.constant('conflict' as const), p: i(P), m: i(M), k: i(CONFLICT_KINDS.length) }),
  fc.record({ kind: fc.constant('knockoutFlag' as const), p: i(P), m: i(M), flagged: fc.boolean() }),
  fc.record({ kind: fc.constant('agree' as const), p: i(P), c: i(40), o: i(4) }),
  fc.record({ kind: fc.constant('decideKnockout' as const), p: i(P), applies: fc.boolean() }),
  fc.record({ kind: fc.constant('rescore' as const), p: i(P) }),
  fc.record({ kind: fc.constant('rename' as const), p: i(P), n: i(3) })
)

describe('rating cache of the review', () => {
  it('equals a recomputation from the database after any sequence of writes', async () => {
    let hits = 0
    let misses = 0
    await fc.assert(
      fc.asyncProperty(fc.array(write, { minLength: 4, maxLength: 24 }), async (writes) => {
        const core = await testCore()
        try {
          const s = await openScoringSession(core, { products: P, councilSize: M })
          const sessionId = s.sessionId
          const criteriaVersion = core.info().criteriaVersion
          const cached = createReviewService(core.db, createStore(core.db), createCriteriaService(core.db, criteriaVersion), () => new Date())
          const fresh = () => createReviewService(core.db, createStore(core.db), createCriteriaService(core.db, criteriaVersion), () => new Date())
          const leaves = leafCriteria(s.set).map((l) => l.criterion)
          const round = (p: number) => (core.db.prepare('SELECT current_round AS r FROM session_agenda WHERE session_id = ? AND product_id = ?').get(sessionId, p) as { r: number }).r
          const version = (p: number, m: number, code: string) =>
            (
              core.db
                .prepare('SELECT a.version AS v FROM answers a JOIN sheets s ON s.id = a.sheet_id WHERE s.product_id = ? AND s.member_id = ? AND s.scoring_round = ? AND a.criterion_code = ?')
                .get(p, m, round(p), code) as { v: number } | undefined
            )?.v ?? 0
          const check = () => {
            expect(cached.matrix(sessionId)).toEqual(fresh().matrix(sessionId))
            for (const p of s.products) expect(cached.product(sessionId, p)).toEqual(fresh().product(sessionId, p))
          }
          check()
          for (const w of writes) {
            const product = s.products[(w as { p?: number }).p ?? 0]!
            const member = s.members[(w as { m?: number }).m ?? 0]!.id
            const ref = { sessionId, productId: product, memberId: member }
            const leaf = leaves[((w as { c?: number }).c ?? 0) % leaves.length]!
            const option = leaf.options[((w as { o?: number }).o ?? 0) % leaf.options.length]!.id
            // Refused writes (sealed round, not present, finalized…) are part of the sequence: they must change nothing.
            switch (w.kind) {
              case 'score':
                await scoreAndSubmit(core, sessionId, product, member, answersAt(s.set, (_c, k) => ((k + w.level) % 3 === 0 ? 'min' : 'max')), memberCtx(member)).catch(() => undefined)
                break
              case 'scoreAll':
                for (const m of s.members)
                  await scoreAndSubmit(core, sessionId, product, m.id, answersAt(s.set, (_c, k) => ((k + w.level + m.id) % 3 === 0 ? 'min' : 'max')), memberCtx(m.id)).catch(() => undefined)
                break
              case 'answer':
                await call(core, 'sheets.saveAnswer', { ...ref, criterionCode: leaf.code, optionId: option, expectedVersion: version(product, member, leaf.code) }, memberCtx(member))
                break
              case 'submit':
                await call(core, 'sheets.submit', ref, memberCtx(member))
                break
              case 'attendance':
                await call(core, 'attendance.set', { sessionId, memberId: member, status: w.status, leftAt: w.status === 'left' ? '10:30' : null })
                break
              case 'conflict': {
                const kind = CONFLICT_KINDS[w.k]!
                await call(core, 'conflicts.declare', { ...ref, kind, text: kind === 'other' ? 'Lý do riêng' : '' })
                break
              }
              case 'knockoutFlag':
                await call(core, 'sheets.setKnockout', { ...ref, criterionCode: null, flagged: w.flagged, note: 'Ghi chú' }, memberCtx(member))
                break
              case 'agree':
                await call(core, 'review.agree', { sessionId, productId: product, criterionCode: leaf.code, optionId: option, reason: 'Hội đồng thống nhất' })
                break
              case 'decideKnockout':
                await call(core, 'review.decideKnockout', { sessionId, productId: product, criterionCode: null, applies: w.applies, reason: 'Hội đồng quyết định' })
                break
              case 'rescore':
                await call(core, 'review.openRescore', { sessionId, productId: product, reason: 'Chênh lệch điểm' })
                break
              case 'rename':
                // A write outside the services: the product's name is part of the engine's input.
                core.db.prepare('UPDATE products SET name = ? WHERE id = ?').run(`Sản phẩm đổi tên ${w.n}`, product)
                break
            }
            check()
          }
          const stats = cached.ratingCache()
          hits += stats.hits
          misses += stats.misses
        } finally {
          core.close()
        }
      }),
      { numRuns: 12 }
    )
    // The property is only worth something if the cache both served and refreshed ratings along the way.
    expect(hits).toBeGreaterThan(0)
    expect(misses).toBeGreaterThan(0)
  }, 600_000)
})
