import { connect } from 'node:net'
import { startChildServer, type ChildServer } from '../../utils/server-child'

const MB = 1024 * 1024
const BODY = 50 * MB

/**
 * Streams `total` bytes of body after `head` in 64 KB writes, stopping as soon as the server answers or closes.
 * Returns the status, how long the answer took and how many body bytes the client managed to push.
 */
function streamBody(port: number, head: string, total: number): Promise<{ status: number; ms: number; pushed: number }> {
  const t0 = Date.now()
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    const chunk = Buffer.alloc(64 * 1024, 0x61)
    let pushed = 0
    let text = ''
    let done = false
    const finish = () => {
      if (done) return
      done = true
      clearTimeout(timer)
      socket.destroy()
      const m = /^HTTP\/1\.1 (\d{3})/.exec(text)
      resolve({ status: m ? Number(m[1]) : 0, ms: Date.now() - t0, pushed })
    }
    const timer = setTimeout(finish, 20_000)
    socket.on('data', (c: Buffer) => {
      text += c.toString('latin1')
      if (text.includes('\r\n\r\n')) finish()
    })
    socket.on('error', finish)
    socket.on('close', finish)
    socket.on('connect', () => {
      socket.write(head)
      const pump = () => {
        while (!done && pushed < total) {
          pushed += chunk.length
          if (!socket.write(chunk)) return void socket.once('drain', pump)
        }
      }
      pump()
    })
  })
}

describe('browser mode checks the token and the role before reading a body', () => {
  let srv: ChildServer
  beforeAll(async () => {
    srv = await startChildServer()
  }, 60_000)
  afterAll(async () => {
    await srv?.stop()
  })

  const head = (method: string, auth: string, framing: string) =>
    `POST /api/${method} HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${auth}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n{"fileName":"x.sqlite","contentBase64":"`

  it('refuses a member posting 50 MB to an office-only large-body method at once; the server does not buffer it', async () => {
    const cases = [
      { who: 'member, declared length', method: 'backup.prepareRestore', auth: srv.memberToken, framing: `Content-Length: ${BODY}`, expect: 403 },
      { who: 'member, chunked', method: 'backup.prepareRestore', auth: srv.memberToken, framing: 'Transfer-Encoding: chunked', expect: 403 },
      { who: 'no token', method: 'dossier.attach', auth: 'nobody', framing: `Content-Length: ${BODY}`, expect: 401 },
      { who: 'member, default-limit method', method: 'sheets.saveComment', auth: srv.memberToken, framing: `Content-Length: ${BODY}`, expect: 413 },
      { who: 'office, default-limit method', method: 'app.info', auth: srv.token, framing: `Content-Length: ${BODY}`, expect: 413 }
    ]
    const before = srv.rss()
    const rows: string[] = []
    let peak = before
    // Sampled all along, not only between cases: a buffered body would show while it is being read.
    const sampler = setInterval(() => (peak = Math.max(peak, srv.rss())), 10)
    const replies: Array<{ status: number; ms: number; pushed: number }> = []
    try {
      for (const c of cases) replies.push(await streamBody(srv.port, head(c.method, c.auth, c.framing), BODY))
    } finally {
      clearInterval(sampler)
    }
    cases.forEach((c, i) => {
      const r = replies[i]!
      rows.push(`${c.who} → ${r.status} in ${r.ms} ms, client pushed ${(r.pushed / MB).toFixed(1)} MB`)
      expect(r.status, c.who).toBe(c.expect)
      expect(r.ms, c.who).toBeLessThan(5000)
    })
    const growth = peak - before
    console.log(`body-order: RSS ${(before / MB).toFixed(1)} MB → peak ${(peak / MB).toFixed(1)} MB (+${(growth / MB).toFixed(1)} MB) over ${cases.length} × 50 MB attempts\n  ${rows.join('\n  ')}`)
    expect(growth).toBeLessThan(8 * MB)
    expect(srv.exited()).toBe(false)
  }, 60_000)
})
