/**
 * The member devices of the LAN bench (bench/lan.ts), never on the server's event loop: in a meeting each device is
 * its own machine, so their HTTP client work (building requests, parsing replies and event streams) must not queue
 * there and be counted as server latency. Run either as a child process inside the bench's network namespace
 * (`ip netns exec`, every byte crosses the veth pair; data as argv[2], messages over the IPC channel) or, where no
 * namespace can be made, as a worker thread over loopback. Plain JavaScript with Node's own modules only, so it
 * needs no TypeScript loader.
 *
 * Data: { host, port, sessionId, productId, devices: [{ memberId, cookie }], saves: [{ criterionCode, optionIds }], warmup }
 * Messages to the parent: { kind: 'streams-open' }, { kind: 'saves', times, wallMs }, { kind: 'events', received }.
 * Messages from the parent: { kind: 'save', pauseMs, count }, { kind: 'emitted', at: { [productId]: epochMs }, expected }, { kind: 'stop' }.
 */
import { Agent, request } from 'node:http'
import { parentPort, workerData } from 'node:worker_threads'
import { performance } from 'node:perf_hooks'

const channel = parentPort
  ? { data: workerData, send: (m) => parentPort.postMessage(m), on: (f) => parentPort.on('message', f), close: () => parentPort.close() }
  : { data: JSON.parse(process.argv[2]), send: (m) => process.send(m), on: (f) => process.on('message', f), close: () => process.disconnect() }
const { host, port, sessionId, productId, devices, saves, warmup } = channel.data
const epoch = () => performance.timeOrigin + performance.now()

function post(agent, path, body, cookie) {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, method: 'POST', path, agent, headers: { 'Content-Type': 'application/json', Cookie: cookie } }, (r) => {
      const chunks = []
      r.on('data', (c) => chunks.push(c))
      r.on('end', () => resolve({ status: r.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

// Each device keeps one stream open, as the member page does; arrival times are kept per product id of the event.
const arrivals = []
const streams = []
function openStream(cookie) {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: '/events', headers: { Cookie: cookie } }, (res) => {
      let buf = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => {
        const now = epoch()
        buf += chunk
        let i
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i)
          buf = buf.slice(i + 2)
          const data = block.split('\n').find((l) => l.startsWith('data: '))
          if (!data) continue
          const e = JSON.parse(data.slice(6))
          if (e.kind === 'hello') resolve()
          else if (e.productId !== undefined) arrivals.push({ productId: e.productId, at: now })
        }
      })
    })
    req.on('error', (err) => (arrivals.length ? undefined : reject(err)))
    req.end()
    streams.push(req)
  })
}

// Versions per device and criterion, kept across runs: each save states the version it replaces, as the sheet does.
const versionsOf = devices.map(() => new Map())
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/**
 * `pauseMs` 0: every device saves again as soon as its previous save is answered (saturation). Otherwise each
 * device starts a save every `pauseMs` on average (uniform 0.5–1.5 × pauseMs, so the devices drift apart as
 * people do), or at once when the previous save took longer.
 */
async function runSaves(pauseMs, count) {
  const times = []
  const t0 = performance.now()
  await Promise.all(
    devices.map(async (d, k) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 2 })
      const versions = versionsOf[k]
      if (pauseMs) await sleep(Math.random() * pauseMs)
      for (let i = 0; i < count; i++) {
        const due = performance.now() + (pauseMs ? pauseMs * (0.5 + Math.random()) : 0)
        const c = saves[i % saves.length]
        const v = versions.get(c.criterionCode) ?? 0
        const body = JSON.stringify({ sessionId, productId, memberId: d.memberId, criterionCode: c.criterionCode, optionId: c.optionIds[(v + 1) % c.optionIds.length], expectedVersion: v })
        const t = performance.now()
        const r = await post(agent, '/api/sheets.saveAnswer', body, d.cookie)
        const dt = performance.now() - t
        if (r.status !== 200 || !JSON.parse(r.body).ok) throw new Error(`save failed: ${r.body}`)
        versions.set(c.criterionCode, v + 1)
        if (i >= warmup) times.push(dt)
        const wait = due - performance.now()
        if (wait > 0) await sleep(wait)
      }
      agent.destroy()
    })
  )
  return { times, wallMs: performance.now() - t0 }
}

channel.on((m) => {
  if (m.kind === 'save') runSaves(m.pauseMs, m.count).then((r) => channel.send({ kind: 'saves', ...r }), (e) => channel.send({ kind: 'error', message: String(e) }))
  else if (m.kind === 'emitted') {
    // Bounded wait (2 s) for the last deliveries; whatever has not arrived by then is reported as missing.
    const matching = () => arrivals.filter((a) => m.at[a.productId] !== undefined)
    const deadline = performance.now() + 2000
    const report = () => {
      if (matching().length < m.expected && performance.now() < deadline) return void setTimeout(report, 10)
      channel.send({ kind: 'events', received: matching().map((a) => a.at - m.at[a.productId]) })
    }
    report()
  } else if (m.kind === 'stop') {
    for (const s of streams) s.destroy()
    channel.close()
  }
})

Promise.all(devices.map((d) => openStream(d.cookie))).then(
  () => channel.send({ kind: 'streams-open' }),
  (e) => channel.send({ kind: 'error', message: String(e) })
)
