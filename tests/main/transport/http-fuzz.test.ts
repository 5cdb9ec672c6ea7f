import { contract, METHOD_NAMES } from '../../../src-main/shared/contract'
import { rawRequest, startChildServer, type ChildServer, type RawReply } from '../../utils/server-child'

/**
 * Raw-HTTP fuzzer against browser mode running as a child process (loopback only, bounded in count and time):
 * malformed paths and percent-escapes, header names and values, cookies, bodies, huge declared lengths, chunked
 * garbage and requests abandoned half-way — with no token, the office token, a member token and a wrong one.
 * No request may end the process or get a 5xx.
 */
const MAX_REQUESTS = 2400
const MAX_MS = 45_000
const WORKERS = 12

/** Small deterministic PRNG (mulberry32): the same run every time, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

interface Case {
  kind: string
  data: string | Buffer | Array<string | Buffer>
  gapMs?: number
  closeEarly?: boolean
}

function generator(srv: ChildServer) {
  const rnd = prng(20261206)
  const int = (n: number) => Math.floor(rnd() * n)
  const pick = <T,>(a: readonly T[]): T => a[int(a.length)]!
  const hostHeader = `127.0.0.1:${srv.port}`
  const queries = METHOD_NAMES.filter((m) => contract[m].kind === 'query')
  const hex = '0123456789abcdefABCDEFxz%'
  const percentJunk = () => Array.from({ length: 1 + int(6) }, () => '%' + Array.from({ length: int(3) }, () => pick([...hex])).join('')).join('')
  const badEscapes = ['%E0%A4%A', '%', '%%', '%zz', '%E0', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%FF%FE', '%00', '%2e%2e%2f', '%u002e', '%25%', '%c3%28']
  const paths = () =>
    pick([
      () => `/api/${pick(badEscapes)}`,
      () => `/api/${pick(METHOD_NAMES)}${pick(badEscapes)}`,
      () => `/api/${percentJunk()}`,
      () => `/${pick(badEscapes)}`,
      () => `/${percentJunk()}/${percentJunk()}`,
      () => `/?q=${pick(badEscapes)}`,
      () => `/api/${pick(METHOD_NAMES)}?x=${pick(badEscapes)}&${percentJunk()}`,
      () => `/..%2f..%2f${pick(['etc/passwd', 'secret', '%00'])}`,
      () => `/api/${'a'.repeat(1 + int(8000))}`,
      () => `/api/${pick(METHOD_NAMES)}`,
      () => `/api/${pick(METHOD_NAMES)}/${pick(badEscapes)}`,
      () => `/api/${encodeURIComponent(pick(METHOD_NAMES))}`,
      () => pick(['*', 'http://evil.example/api/app.info', '//api/app.info', '/api', '/api/', '/join', '/auth/join', '/index.html', ''])
    ])()
  const auth = (): string[] => {
    switch (int(5)) {
      case 0:
        return []
      case 1:
        return [`Authorization: Bearer ${srv.token}`]
      case 2:
        return [`Authorization: Bearer ${srv.memberToken}`]
      case 3:
        return [`Cookie: ${pick([`ocop_session_${srv.port}=${srv.token}`, `ocop_member_${srv.port}=${srv.memberToken}`, `ocop_session_${srv.port}=${pick(badEscapes)}`, ';;;==;', `a=${'b'.repeat(4000)}`, `ocop_member_${srv.port}=${percentJunk()}; ocop_session_${srv.port}=`])}`]
      default:
        return [pick([`Authorization: Bearer ${percentJunk()}`, 'Authorization: Bearer', 'Authorization: Basic eDp5', `Authorization: Bearer ${srv.token}x`, `Authorization: Bearer ${srv.token} ${srv.token}`])]
    }
  }
  const weirdHeaders = (): string[] =>
    Array.from({ length: int(4) }, () =>
      pick([
        () => `X-${percentJunk()}: ${percentJunk()}`,
        () => `Content-Type: ${pick(['application/json', 'application/json; charset=%E0', 'text/plain', 'application/JSON ;;', '', 'multipart/form-data; boundary=x'])}`,
        () => `Origin: ${pick(['null', 'http://evil.example', `http://${hostHeader}`, '%E0%A4%A', ''])}`,
        () => `Host: ${pick(['evil.example', hostHeader, '', '%E0'])}`,
        () => `X-Long: ${'v'.repeat(int(20_000))}`,
        () => `Bad Header: ${percentJunk()}`,
        () => `X-Ctl: a\u0001b\u007f`,
        () => `X-Utf8: ${Buffer.from('Tiếng Việt', 'utf8').toString('latin1')}`,
        () => `Content-Length: ${pick(['-1', 'abc', '1e3', '99999999999999999999', '0x10'])}`,
        () => `Transfer-Encoding: ${pick(['chunked', 'gzip', 'chunked, chunked', 'identity'])}`
      ])()
    )
  const bodies = () =>
    pick([
      '{nope',
      'null',
      '[]',
      '"str"',
      '1e999',
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}',
      '['.repeat(5000),
      `{"input":${'['.repeat(2000)}${']'.repeat(2000)}}`,
      '\ufeff{}',
      Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28]).toString('latin1'),
      JSON.stringify({ code: percentJunk(), id: -1, sessionId: 'x', productId: 1e308 }),
      '{}',
      ''
    ])
  const request = (method: string, path: string, headers: string[], body: string, opts: { contentLength?: string } = {}): string => {
    const lines = [`${method} ${path} HTTP/1.1`, `Host: ${hostHeader}`, ...headers]
    if (!headers.some((h) => /^content-type:/i.test(h))) lines.push('Content-Type: application/json')
    if (!headers.some((h) => /^(content-length|transfer-encoding):/i.test(h))) lines.push(`Content-Length: ${opts.contentLength ?? Buffer.byteLength(body, 'latin1')}`)
    lines.push('Connection: close')
    return lines.join('\r\n') + '\r\n\r\n' + body
  }

  return (): Case => {
    switch (int(9)) {
      case 0:
        return { kind: 'path', data: request(pick(['GET', 'POST', 'HEAD']), paths(), auth(), '') }
      case 1: {
        // A command dispatched with the office token is only ever sent a body that cannot parse: the fuzzer must not
        // make backups, sweeps or packs on purpose; queries get any body.
        const m = pick(METHOD_NAMES)
        const a = auth()
        const office = a.some((h) => h.includes(srv.token) && !h.includes(`${srv.token}x`) && !h.includes(`${srv.token} `))
        const body = office && contract[m].kind === 'command' ? pick(['{nope', '[', '\u0000']) : bodies()
        return { kind: 'body', data: request('POST', `/api/${office && contract[m].kind === 'command' ? m : pick([m, pick(queries)])}`, a, body) }
      }
      case 2:
        return { kind: 'headers', data: request(pick(['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'GeT', 'X%00']), pick(['/', '/api/app.info', '/api/sessions.me', paths()]), [...auth(), ...weirdHeaders()], pick(['{}', '{nope'])) }
      case 3:
        return { kind: 'cookie', data: request('POST', `/api/${pick(['sessions.me', 'app.info', 'sheets.mine', pick(METHOD_NAMES)])}`, [`Cookie: ${Array.from({ length: 1 + int(5) }, () => pick([`ocop_session_${srv.port}`, `ocop_member_${srv.port}`, 'ocop_session', percentJunk(), ''])+ '=' + pick([srv.token, srv.memberToken, percentJunk(), pick(badEscapes), '"quoted"', ''])).join(pick(['; ', ';', ',', ' ']))}`], '{}') }
      case 4:
        // Declares far more than it sends, then hangs up.
        return { kind: 'huge-length', data: request('POST', `/api/${pick(['dossier.addFile', 'catalogueImport.preview', 'sheets.saveAnswer', 'app.info'])}`, auth(), '{"a":', { contentLength: pick(['52428800', '1099511627776', '9007199254740991']) }), closeEarly: rnd() < 0.5 }
      case 5: {
        const chunks = pick(['zz\r\n{}\r\n0\r\n\r\n', '5\r\n{}\r\n0\r\n\r\n', 'fffffffffffffffff\r\n', '-1\r\n\r\n', '2;ext=%E0\r\n{}\r\n0\r\n\r\n', '2\r\n{}\r\n0\r\nTrailer: %E0\r\n\r\n', '2\r\n{}'])
        return { kind: 'chunked', data: [`POST /api/${pick(['app.info', 'sessions.me', pick(METHOD_NAMES)])} HTTP/1.1\r\nHost: ${hostHeader}\r\n${auth().map((h) => h + '\r\n').join('')}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n${rnd() < 0.2 ? 'Content-Length: 5\r\n' : ''}Connection: close\r\n\r\n`, chunks], gapMs: 5, closeEarly: rnd() < 0.3 }
      }
      case 6: {
        // Slowloris-style: a request dribbled out in pieces, abandoned before the end.
        const full = request('POST', `/api/${pick(METHOD_NAMES)}`, auth(), '{"sessionId":1}')
        const cut = 1 + int(full.length - 1)
        return { kind: 'partial', data: [full.slice(0, cut >> 1), full.slice(cut >> 1, cut)], gapMs: 20 + int(80), closeEarly: true }
      }
      case 7:
        return { kind: 'request-line', data: pick([`GET /api/%E0%A4%A HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`, 'GARBAGE\r\n\r\n', `GET / HTTP/9.9\r\nHost: ${hostHeader}\r\n\r\n`, `GET /\u0000 HTTP/1.1\r\n\r\n`, Buffer.from(`GET /${'é'.repeat(10)} HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`, 'utf8'), '\r\n\r\n\r\n', `GET ${'/a'.repeat(20000)} HTTP/1.1\r\nHost: ${hostHeader}\r\n\r\n`]) }
      default:
        return { kind: 'join', data: request('POST', pick(['/join', '/auth/join']), weirdHeaders().filter((h) => !/^host:/i.test(h)), pick([JSON.stringify({ code: percentJunk() }), JSON.stringify({ code: 'AAAA-AAAA' }), 'null', '{"code":null}', '[1]', '{nope', JSON.stringify({ code: 'x'.repeat(2000) })])) }
    }
  }
}

describe('raw-HTTP fuzzer against browser mode (child process)', () => {
  let srv: ChildServer
  beforeAll(async () => {
    srv = await startChildServer()
  }, 60_000)
  afterAll(async () => {
    await srv?.stop()
  })

  it('answers GET /api/%E0%A4%A with a 400 and a Vietnamese JSON error, before any token check, and lives on', async () => {
    const r = await rawRequest(srv.port, `GET /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nConnection: close\r\n\r\n`)
    // Without a token the caller is refused first (401); with one, the malformed name is a 400. Never an exit.
    expect(r.status).toBe(401)
    const withToken = await rawRequest(srv.port, `POST /api/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)
    expect(withToken.status).toBe(400)
    expect(JSON.parse(withToken.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu không hợp lệ' } })
    const unparsable = await rawRequest(srv.port, 'GARBAGE\r\n\r\n')
    expect(unparsable.status).toBe(400)
    expect(JSON.parse(unparsable.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(srv.exited()).toBe(false)
  })

  it(`sends at most ${MAX_REQUESTS} fuzzed requests in at most ${MAX_MS / 1000} s: 0 process exits, 0 5xx`, async () => {
    const next = generator(srv)
    const started = Date.now()
    let sent = 0
    const statuses = new Map<number, number>()
    const fivexx: Array<{ kind: string; data: string; reply: RawReply }> = []
    const kinds = new Map<string, number>()
    const worker = async () => {
      while (sent < MAX_REQUESTS && Date.now() - started < MAX_MS && !srv.exited()) {
        const c = next()
        sent++
        kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1)
        const reply = await rawRequest(srv.port, c.data, { timeoutMs: 3000, ...(c.gapMs ? { gapMs: c.gapMs } : {}), ...(c.closeEarly ? { closeEarly: true } : {}) })
        statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1)
        if (reply.status >= 500) fivexx.push({ kind: c.kind, data: String(c.data).slice(0, 300), reply })
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, worker))
    // The server still answers a proper call after the storm.
    const after = await rawRequest(srv.port, `POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1:${srv.port}\r\nAuthorization: Bearer ${srv.token}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)
    const exits = srv.exited() ? 1 : 0
    const by = [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s || 'no answer'}:${n}`).join(' ')
    console.log(`raw-HTTP fuzz: requests sent ${sent} / 5xx ${fivexx.length} / process exits ${exits} — ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${by}; kinds ${[...kinds.entries()].map(([k, n]) => `${k}:${n}`).join(' ')}`)
    if (fivexx.length) console.log(JSON.stringify(fivexx.slice(0, 5), null, 1))
    expect(exits).toBe(0)
    expect(fivexx).toEqual([])
    expect(after.status).toBe(200)
    expect(sent).toBeGreaterThan(500)
    expect(srv.output()).not.toMatch(/uncaught exception|unhandled rejection/)
  }, 120_000)
})
