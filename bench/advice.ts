/**
 * Province view of improvement advice (`advice.blocking`): one finalized session of 60 products × 9 scoring members
 * at 3★. The view loads each session once for all its products; for comparison, the earlier way — one
 * `advice.product` per product, each reloading the whole session — on the same data and machine.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../src-main/core'
import { silentLogger } from '../src-main/logger'
import { answersForTotal } from '../tests/main/domain/fixtures'
import { openScoringSession } from '../tests/main/sessions/helpers'

const PRODUCTS = 60
const ms = (x: number): string => `${x.toFixed(0)} ms`

export async function benchAdvice(): Promise<void> {
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-')), resourcesDir: resolve(__dirname, '../resources'), mode: 'browser', log: silentLogger })
  const s = await openScoringSession(core, { products: PRODUCTS, councilSize: 10 })
  const scorers = s.members.filter((m) => m.role !== 'secretary').map((m) => m.id)
  const at = new Date().toISOString()
  const insertSheet = core.db.prepare('INSERT INTO sheets (session_id, product_id, member_id, scoring_round, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
  const insertAnswer = core.db.prepare('INSERT INTO answers (sheet_id, criterion_code, option_id, version, saved_at) VALUES (?, ?, ?, 1, ?)')
  const submit = core.db.prepare("UPDATE sheets SET status = 'submitted', total = ?, submitted_at = ? WHERE id = ?")
  core.db.transaction(() => {
    s.products.forEach((productId, pi) => {
      const total = 52 + (pi % 15)
      const answers = answersForTotal(s.set, total, 3)
      for (const memberId of scorers) {
        const sheetId = Number(insertSheet.run(s.sessionId, productId, memberId, at, at).lastInsertRowid)
        for (const [code, optionId] of Object.entries(answers)) insertAnswer.run(sheetId, code, optionId, at)
        submit.run(total, at, sheetId)
      }
    })
  })()
  const ctx = { actor: { kind: 'local' as const }, requestId: 'bench' }
  const call = async (method: 'sessions.setStatus' | 'sessions.finalize' | 'advice.blocking' | 'advice.product', input: unknown) => {
    const r = await core.registry.dispatch(method, input as never, ctx)
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  await call('sessions.setStatus', { id: s.sessionId, to: 'review' })
  await call('sessions.finalize', { id: s.sessionId })

  let t = performance.now()
  const view = (await call('advice.blocking', {})) as { considered: number; withPlan: number }
  const once = performance.now() - t
  t = performance.now()
  for (const productId of s.products) await call('advice.product', { sessionId: s.sessionId, productId })
  const perProduct = performance.now() - t
  console.log(`advice.blocking, ${PRODUCTS} products × ${scorers.length} members (${view.considered} considered, ${view.withPlan} with a plan): session loaded once ${ms(once)}; one advice.product per product (session reloaded each time) ${ms(perProduct)}`)
  core.close()
}
