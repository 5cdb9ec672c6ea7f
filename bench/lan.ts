/**
 * LAN-mode figures (issue 13): 15 member devices, each with its own join code and cookie, saving answers
 * concurrently through the member API (answer save p50/p99, target p99 < 20 ms), and the delivery latency of live
 * updates (server-sent events) to those 15 open streams. Runs over loopback: the LAN listener shares the same
 * handler, and the E2E spec (tests/e2e/lan.spec.mjs) covers the real veth path.
 */
import { Agent, request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { createCore } from '../src-main/core'
import { silentLogger } from '../src-main/logger'
import { createLiveHub } from '../src-main/services/live/live-events'
import { leafCriteria } from '../src-main/shared/criteria'
import { startHttpServer } from '../src-main/transport/http'
import { ok } from '../tests/utils/core'
import { openScoringSession } from '../tests/main/sessions/helpers'

const RESOURCES = resolve(__dirname, '../resources')
const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstu'
const DEVICES = 15
const SAVES_PER_DEVICE = 200
const EVENTS = 200

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!
const ms = (x: number): string => `${x.toFixed(2)} ms`

function post(port: number, agent: Agent, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: string; cookie?: string }> {
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers: { 'Content-Type': 'application/json', ...headers } }, (r) => {
      const chunks: Buffer[] = []
      r.on('data', (c: Buffer) => chunks.push(c))
      r.on('end', () => res({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ...(r.headers['set-cookie']?.[0] ? { cookie: r.headers['set-cookie'][0].split(';')[0]! } : {}) }))
    })
    req.on('error', rej)
    req.end(body)
  })
}

export async function benchLan(): Promise<void> {
  const live = createLiveHub()
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-')), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger, live })
  const s = await openScoringSession(core, { products: 1, councilSize: DEVICES + 1 })
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: RESOURCES, token: TOKEN, log: silentLogger, live, joinAttemptsPerMinute: 1000 })
  const scorers = (await ok(core, 'sessions.get', { id: s.sessionId })).members.filter((m) => m.scores).slice(0, DEVICES)
  const leaves = leafCriteria(s.set).map((l) => l.criterion)

  // Each device: its own keep-alive connection and member cookie, as a browser would have.
  const devices = []
  for (const m of scorers) {
    const agent = new Agent({ keepAlive: true, maxSockets: 2 })
    const { code } = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: m.id })
    const joined = await post(host.port, agent, '/auth/join', JSON.stringify({ code }), {})
    if (!joined.cookie) throw new Error(`join failed: ${joined.status}`)
    devices.push({ memberId: m.id, agent, cookie: joined.cookie })
  }

  // Live streams first, so the saves below run with 15 streams open, as in a meeting.
  const received: number[] = []
  const emitted = new Map<number, number>()
  const streams = devices.map(
    (d) =>
      new Promise<() => void>((resolveStream, reject) => {
        const req = request({ host: '127.0.0.1', port: host.port, path: '/events', headers: { Cookie: d.cookie } }, (res) => {
          let buf = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => {
            const now = performance.now()
            buf += c
            let i: number
            while ((i = buf.indexOf('\n\n')) >= 0) {
              const block = buf.slice(0, i)
              buf = buf.slice(i + 2)
              const data = block.split('\n').find((l) => l.startsWith('data: '))
              if (!data) continue
              const e = JSON.parse(data.slice(6)) as { kind: string; productId?: number }
              if (e.kind === 'hello') resolveStream(() => req.destroy())
              else if (e.productId !== undefined && emitted.has(e.productId)) received.push(now - emitted.get(e.productId)!)
            }
          })
        })
        req.on('error', (err) => (received.length ? undefined : reject(err)))
        req.end()
      })
  )
  const stops = await Promise.all(streams)

  const times: number[] = []
  const t0 = performance.now()
  await Promise.all(
    devices.map(async (d) => {
      const versions = new Map<string, number>()
      for (let i = 0; i < SAVES_PER_DEVICE; i++) {
        const c = leaves[i % leaves.length]!
        const v = versions.get(c.code) ?? 0
        const body = JSON.stringify({ sessionId: s.sessionId, productId: s.products[0], memberId: d.memberId, criterionCode: c.code, optionId: c.options[(v + 1) % c.options.length]!.id, expectedVersion: v })
        const t = performance.now()
        const r = await post(host.port, d.agent, '/api/sheets.saveAnswer', body, { Cookie: d.cookie })
        const dt = performance.now() - t
        if (r.status !== 200 || !(JSON.parse(r.body) as { ok: boolean }).ok) throw new Error(`save failed: ${r.body}`)
        versions.set(c.code, v + 1)
        if (i >= 10) times.push(dt)
      }
    })
  )
  const wall = performance.now() - t0
  times.sort((a, b) => a - b)
  console.log(
    `answer save, ${DEVICES} member devices concurrently (${times.length} timed saves, member cookie, 15 live streams open): p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))} (target < 20 ms), max ${ms(times.at(-1)!)}; ${Math.round((DEVICES * SAVES_PER_DEVICE) / (wall / 1000))} saves/s`
  )

  for (let n = 1; n <= EVENTS; n++) {
    emitted.set(n, performance.now())
    live.events.emit({ kind: 'rescore', sessionId: s.sessionId, productId: n })
    await new Promise((r) => setTimeout(r, 5))
  }
  for (let i = 0; i < 200 && received.length < EVENTS * DEVICES; i++) await new Promise((r) => setTimeout(r, 10))
  received.sort((a, b) => a - b)
  console.log(`live update delivery to ${DEVICES} open streams (${received.length}/${EVENTS * DEVICES} deliveries): p50 ${ms(quantile(received, 0.5))}, p99 ${ms(quantile(received, 0.99))}, max ${ms(received.at(-1)!)}`)

  for (const stop of stops) stop()
  for (const d of devices) d.agent.destroy()
  await host.close()
  core.close()
}
