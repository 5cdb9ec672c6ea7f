/**
 * Council session figures: end-to-end latency of saving one answer over HTTP (client → API → SQLite → response),
 * and the time to build the review matrix for 60 products × 9 scoring members.
 */
import { Agent, request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore, type Core } from '../src-main/core'
import { silentLogger } from '../src-main/logger'
import { leafCriteria } from '../src-main/shared/criteria'
import { startHttpServer } from '../src-main/transport/http'
import { answersAt, openScoringSession } from '../tests/main/sessions/helpers'

const RESOURCES = resolve(__dirname, '../resources')
const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstu'

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const ms = (x: number): string => `${x.toFixed(2)} ms`
const median = (xs: number[]): number => quantile([...xs].sort((a, b) => a - b), 0.5)

async function freshCore(): Promise<Core> {
  return createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-')), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger })
}

/**
 * The app runs `synchronous = FULL` (db/connection.ts: an acknowledged answer survives a power loss). The same loop
 * with NORMAL is printed next to it so the cost of the per-commit fsync reads on the same machine and load.
 */
async function saveAnswerOverHttp(sync: 'FULL' | 'NORMAL'): Promise<void> {
  const core = await freshCore()
  core.db.pragma(`synchronous = ${sync}`)
  const s = await openScoringSession(core, { products: 1 })
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: RESOURCES, token: TOKEN, log: silentLogger })
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  const post = (body: string) =>
    new Promise<string>((res, rej) => {
      const req = request({ host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/sheets.saveAnswer', agent, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` } }, (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () => res(Buffer.concat(chunks).toString('utf8')))
      })
      req.on('error', rej)
      req.end(body)
    })
  const leaves = leafCriteria(s.set).map((l) => l.criterion)
  const versions = new Map<string, number>()
  const times: number[] = []
  const N = 2000
  for (let i = 0; i < N + 100; i++) {
    const c = leaves[i % leaves.length]!
    const v = versions.get(c.code) ?? 0
    const body = JSON.stringify({ sessionId: s.sessionId, productId: s.products[0], memberId: s.members[0]!.id, criterionCode: c.code, optionId: c.options[(v + 1) % c.options.length]!.id, expectedVersion: v })
    const t = performance.now()
    const reply = JSON.parse(await post(body)) as { ok: boolean }
    const dt = performance.now() - t
    if (!reply.ok) throw new Error(JSON.stringify(reply))
    versions.set(c.code, v + 1)
    if (i >= 100) times.push(dt)
  }
  times.sort((a, b) => a - b)
  console.log(`save one answer over HTTP (${N} sequential saves, keep-alive, WAL + synchronous=${sync}, BEGIN IMMEDIATE${sync === 'FULL' ? ', as shipped' : ', comparison only'}): p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))}, max ${ms(times.at(-1)!)}`)
  agent.destroy()
  await host.close()
  core.close()
}

export async function reviewMatrix(): Promise<void> {
  const core = await freshCore()
  const s = await openScoringSession(core, { products: 60, councilSize: 10 })
  const scorers = s.members.filter((m) => m.role !== 'secretary').map((m) => m.id)
  const at = new Date().toISOString()
  const insertSheet = core.db.prepare('INSERT INTO sheets (session_id, product_id, member_id, scoring_round, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)')
  const insertAnswer = core.db.prepare('INSERT INTO answers (sheet_id, criterion_code, option_id, version, saved_at) VALUES (?, ?, ?, 1, ?)')
  const submit = core.db.prepare("UPDATE sheets SET status = 'submitted', total = ?, submitted_at = ? WHERE id = ?")
  const leaves = leafCriteria(s.set).map((l) => l.criterion)
  core.db.transaction(() => {
    scorers.forEach((memberId, mi) => {
      const answers = answersAt(s.set, (_c, i) => ((i + mi) % 4 === 0 ? 'min' : 'max'))
      const total = leaves.reduce((sum, c) => sum + c.options.find((o) => o.id === answers[c.code])!.points, 0)
      for (const productId of s.products) {
        const sheetId = Number(insertSheet.run(s.sessionId, productId, memberId, at, at).lastInsertRowid)
        for (const [code, optionId] of Object.entries(answers)) insertAnswer.run(sheetId, code, optionId, at)
        submit.run(total, at, sheetId)
      }
    })
  })()
  const ctx = { actor: { kind: 'local' as const }, requestId: 'bench' }
  const matrix = async (): Promise<number> => {
    const t = performance.now()
    const r = await core.registry.dispatch('review.matrix', { sessionId: s.sessionId }, ctx)
    const dt = performance.now() - t
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    if ((r.value as { products: Array<{ ready: boolean }> }).products.filter((p) => p.ready).length !== 60) throw new Error('matrix not ready')
    return dt
  }
  const N = 30
  const first = await matrix()
  const unchanged: number[] = []
  for (let i = 0; i < N; i++) unchanged.push(await matrix())
  // The office records an agreement on one product between two looks at the matrix: one product's engine input changes.
  const leaf = leaves[0]!
  const changed: number[] = []
  for (let i = 0; i < N; i++) {
    const agreed = await core.registry.dispatch('review.agree', { sessionId: s.sessionId, productId: s.products[i % 60], criterionCode: leaf.code, optionId: leaf.options[i % leaf.options.length]!.id, reason: 'Hội đồng thống nhất' }, ctx)
    if (!agreed.ok) throw new Error(JSON.stringify(agreed.error))
    changed.push(await matrix())
  }
  // Lower bounds: only reading the session's answers, prepared once, rows as arrays — flat, and grouped per sheet in SQL.
  const flat = core.db.prepare('SELECT a.sheet_id, a.criterion_code, a.option_id FROM answers a JOIN sheets s ON s.id = a.sheet_id WHERE s.session_id = ? AND a.option_id IS NOT NULL').raw()
  const grouped = core.db
    .prepare('SELECT s.id, (SELECT json_group_object(a.criterion_code, a.option_id) FROM answers a WHERE a.sheet_id = s.id AND a.option_id IS NOT NULL) FROM sheets s WHERE s.session_id = ?')
    .raw()
  const lower = (stmt: typeof flat): { median: number; rows: number } => {
    const ts: number[] = []
    let rows = 0
    for (let i = 0; i < N + 2; i++) {
      const t = performance.now()
      rows = stmt.all(s.sessionId).length
      if (i >= 2) ts.push(performance.now() - t)
    }
    return { median: median(ts), rows }
  }
  const lowFlat = lower(flat)
  const lowGrouped = lower(grouped)
  const m0 = median(unchanged)
  const m1 = median(changed)
  console.log(`review matrix, 60 products × ${scorers.length} members (${60 * scorers.length} sheets, ${lowFlat.rows} answers): first ${ms(first)} (engine run for every product)`)
  console.log(`  median ${ms(m0)} unchanged, ${ms(m1)} after one product's agreement (one engine run), max ${ms(Math.max(...unchanged, ...changed))}`)
  console.log(`  raw-SQL lower bound, reading the same answers: ${ms(lowFlat.median)} flat SELECT (${lowFlat.rows} rows), ${ms(lowGrouped.median)} grouped per sheet in SQL (${lowGrouped.rows} rows)`)
  console.log(`  ratio to the flat bound: ${(m0 / lowFlat.median).toFixed(2)}× unchanged, ${(m1 / lowFlat.median).toFixed(2)}× after a change; to the grouped bound: ${(m0 / lowGrouped.median).toFixed(2)}×, ${(m1 / lowGrouped.median).toFixed(2)}×`)
  core.close()
}

export async function benchSessions(): Promise<void> {
  await saveAnswerOverHttp('FULL')
  await saveAnswerOverHttp('NORMAL')
  await reviewMatrix()
}
