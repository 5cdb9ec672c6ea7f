/**
 * LAN-mode figures (issue 13): 15 member devices, each with its own join code, cookie and keep-alive connection,
 * saving answers concurrently through the member API (answer save p50/p99, target p99 < 20 ms) — first at a brisk
 * human pace, then with no pause at all — and the delivery latency of live updates (server-sent events) to those 15
 * open streams. Where it can (root, iproute2) the bench makes a network namespace and a veth pair (tests/e2e/netns.mjs,
 * shared with the LAN E2E spec; 10.201.0.0/16 here):
 * the server's LAN listener serves the host side and the devices run in a child process inside the namespace, so
 * every request crosses a real network path and the LAN checks. Elsewhere the devices run in a worker thread over
 * loopback, and the output says so. Either way the devices are off the server's event loop, as other machines are.
 */
import { Agent, request } from 'node:http'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { spawn, type Serializable } from 'node:child_process'
import { createCore } from '../src-main/core'
import { silentLogger } from '../src-main/logger'
import { createLiveHub, type LiveHub } from '../src-main/services/live/live-events'
import { leafCriteria } from '../src-main/shared/criteria'
import { startHttpServer } from '../src-main/transport/http'
import { ok } from '../tests/utils/core'
import { openScoringSession } from '../tests/main/sessions/helpers'
import { createNamespace } from '../tests/e2e/netns.mjs'

const RESOURCES = resolve(__dirname, '../resources')
const TOKEN = 'bench-token-0123456789abcdefghijklmnopqrstu'
const DEVICES = 15
const SAVES_PER_DEVICE = 200
const PACED_MS = 100
const PACED_SAVES = 100
const WARMUP = 10
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

type FromDevices =
  | { kind: 'streams-open' }
  | { kind: 'saves'; times: number[]; wallMs: number }
  | { kind: 'events'; received: number[] }
  | { kind: 'error'; message: string }

export async function benchLan(): Promise<void> {
  const live = createLiveHub()
  const core = await createCore({ dataDir: mkdtempSync(join(tmpdir(), 'ocop-bench-')), resourcesDir: RESOURCES, mode: 'browser', log: silentLogger, live })
  const s = await openScoringSession(core, { products: 1, councilSize: DEVICES + 1 })
  const host = await startHttpServer({ registry: core.registry, members: core.members, staticDir: RESOURCES, token: TOKEN, log: silentLogger, live, joinAttemptsPerMinute: 1000 })
  const scorers = (await ok(core, 'sessions.get', { id: s.sessionId })).members.filter((m) => m.scores).slice(0, DEVICES)

  // Over a veth pair into a network namespace where one can be made (root, iproute2): the LAN listener serves the
  // host side and the devices run in a child process inside. Elsewhere the devices use loopback from a worker thread.
  const ns = createNamespace('ocopbench', '10.201')
  // Ctrl-C must not leave the namespace and its addresses behind.
  const onSignal = (): void => {
    if (!('unavailable' in ns)) ns.remove()
    process.exit(130)
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)
  try {
    const path = 'unavailable' in ns ? null : ns
    const unavailable = 'unavailable' in ns ? ns.unavailable : ''
    if (path) await host.lan.open(s.sessionId, path.hostIp)
    const address = path ? { host: path.hostIp, port: host.lan.port! } : { host: '127.0.0.1', port: host.port }
    console.log(
      path
        ? `(devices in network namespace ${path.name}, over a veth pair to the LAN listener ${address.host}:${address.port})`
        : `(devices over loopback: no network namespace can be made here — ${unavailable})`
    )

    // Each device joins with its own code, as a member typing the code from the slip would (over loopback: the join
    // is not what is measured; the member token then works from the LAN for the session open there).
    const devices = []
    const agent = new Agent({ keepAlive: true })
    for (const m of scorers) {
      const { code } = await ok(core, 'joinCodes.issue', { sessionId: s.sessionId, memberId: m.id })
      const joined = await post(host.port, agent, '/auth/join', JSON.stringify({ code }), {})
      if (!joined.cookie) throw new Error(`join failed: ${joined.status}`)
      devices.push({ memberId: m.id, cookie: joined.cookie })
    }
    agent.destroy()

    const data = {
      ...address,
      sessionId: s.sessionId,
      productId: s.products[0],
      devices,
      saves: leafCriteria(s.set).map((l) => ({ criterionCode: l.criterion.code, optionIds: l.criterion.options.map((o) => o.id) })),
      warmup: WARMUP
    }
    const script = join(__dirname, 'lan-devices.mjs')
    const peer = path ? childDevices(path.name, script, data) : workerDevices(script, data)
    try {
      await measure(peer, live, s.sessionId)
    } finally {
      await peer.stop()
    }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
    if (!('unavailable' in ns)) ns.remove()
    await host.close()
    core.close()
  }
}

/** The devices' side, whichever way they run: messages both ways and a stop. */
interface Peer {
  send(m: unknown): void
  on(f: (m: FromDevices) => void): void
  off(f: (m: FromDevices) => void): void
  stop(): Promise<void>
}

function workerDevices(script: string, data: unknown): Peer {
  const worker = new Worker(script, { workerData: data })
  // A device side that dies must fail the bench, not leave it waiting for a message that never comes.
  worker.on('error', (e) => worker.emit('message', { kind: 'error', message: `devices: ${e.message}` }))
  return {
    send: (m) => worker.postMessage(m),
    on: (f) => worker.on('message', f),
    off: (f) => worker.off('message', f),
    stop: async () => {
      worker.postMessage({ kind: 'stop' })
      await worker.terminate()
    }
  }
}

function childDevices(namespace: string, script: string, data: unknown): Peer {
  const child = spawn('ip', ['netns', 'exec', namespace, process.execPath, script, JSON.stringify(data)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const exited = new Promise<void>((r) =>
    child.once('exit', (code) => {
      child.emit('message', { kind: 'error', message: `devices exited (${code})` })
      r()
    })
  )
  return {
    send: (m) => child.send(m as Serializable),
    on: (f) => child.on('message', f),
    off: (f) => child.off('message', f),
    stop: async () => {
      if (child.connected) child.send({ kind: 'stop' })
      const kill = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(kill)
    }
  }
}

async function measure(peer: Peer, live: LiveHub, sessionId: number): Promise<void> {
  const next = <K extends FromDevices['kind']>(kind: K): Promise<Extract<FromDevices, { kind: K }>> =>
    new Promise((res, rej) => {
      const onMessage = (m: FromDevices) => {
        peer.off(onMessage)
        if (m.kind === kind) res(m as Extract<FromDevices, { kind: K }>)
        else rej(new Error(m.kind === 'error' ? m.message : `unexpected message ${m.kind}`))
      }
      peer.on(onMessage)
    })

  // Live streams first, so the saves run with 15 streams open, as in a meeting.
  await next('streams-open')
  const run = async (pauseMs: number, count: number, label: string): Promise<void> => {
    const done = next('saves')
    peer.send({ kind: 'save', pauseMs, count })
    const { times, wallMs } = await done
    times.sort((a, b) => a - b)
    console.log(
      `answer save, ${DEVICES} member devices concurrently, ${label} (${times.length} timed saves, member cookie, ${DEVICES} live streams open): p50 ${ms(quantile(times, 0.5))}, p99 ${ms(quantile(times, 0.99))} (target < 20 ms), max ${ms(times.at(-1)!)}; ${Math.round((DEVICES * count) / (wallMs / 1000))} saves/s`
    )
  }
  // A member choosing answers with the keyboard saves a few times a second at most; 10 a second per device, all
  // 15 at once, is the busiest a meeting gets. Then the same devices with no pause at all: the server's ceiling.
  await run(PACED_MS, PACED_SAVES, `each saving every ${PACED_MS} ms on average`)
  await run(0, SAVES_PER_DEVICE, 'no pause between saves')

  const emitted: Record<number, number> = {}
  for (let n = 1; n <= EVENTS; n++) {
    emitted[n] = performance.timeOrigin + performance.now()
    live.events.emit({ kind: 'rescore', sessionId, productId: n })
    await new Promise((r) => setTimeout(r, 5))
  }
  const eventsDone = next('events')
  peer.send({ kind: 'emitted', at: emitted, expected: EVENTS * DEVICES })
  const received = (await eventsDone).received.sort((a, b) => a - b)
  console.log(`live update delivery to ${DEVICES} open streams (${received.length}/${EVENTS * DEVICES} deliveries): p50 ${ms(quantile(received, 0.5))}, p99 ${ms(quantile(received, 0.99))}, max ${ms(received.at(-1)!)}`)
}
