import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { startHttpServer, type HttpHost } from '../../../src-main/transport/http'
import type { Core } from '../../../src-main/core'
import { silentLogger } from '../../../src-main/logger'
import { tempDir, testCore } from '../../utils/core'

const TOKEN = 'test-token-0123456789abcdefghijklmnopqrstuv'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function send(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers, setHost: !opts.headers?.Host }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

describe('browser-mode HTTP server', () => {
  let core: Core
  let host: HttpHost
  let staticDir: string
  const api = (method: string, headers: Record<string, string> = {}, body = '{}') =>
    send(host.port, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}`, ...headers }, body })

  beforeAll(async () => {
    core = await testCore()
    staticDir = join(tempDir(), 'renderer')
    mkdirSync(join(staticDir, 'assets'), { recursive: true })
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>')
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
    writeFileSync(join(staticDir, '..', 'secret.txt'), 'secret')
    host = await startHttpServer({ registry: core.registry, staticDir, token: TOKEN, log: silentLogger, bodyLimit: 2048 })
  })
  afterAll(async () => {
    await host.close()
    core.close()
  })

  it('binds to 127.0.0.1 by default and prints the token only in the URL fragment', () => {
    const addr = host.server.address()
    expect(typeof addr === 'object' && addr?.address).toBe('127.0.0.1')
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/#token=${TOKEN}`)
  })

  it('answers an authorised call with the envelope and sets a same-site HttpOnly cookie', async () => {
    const r = await api('app.info')
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'OCOP Council' } })
    // The cookie name carries the port: cookies ignore ports, so another service on 127.0.0.1 never receives it.
    expect(String(r.headers['set-cookie'])).toMatch(new RegExp(`^ocop_session_${host.port}=.+HttpOnly; SameSite=Strict`))
    expect(r.headers['cache-control']).toBe('no-store')
    const viaCookie = await send(host.port, { method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json', Cookie: `ocop_session_${host.port}=${TOKEN}` }, body: '{}' })
    expect(viaCookie.status).toBe(200)
    const otherPort = await send(host.port, { method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json', Cookie: `ocop_session_${host.port + 1}=${TOKEN}; ocop_session=${TOKEN}` }, body: '{}' })
    expect(otherPort.status).toBe(401)
  })

  it('refuses a call without the token, or with a wrong one (401)', async () => {
    expect((await send(host.port, { method: 'POST', path: '/api/app.info', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(401)
    expect((await api('app.info', { Authorization: 'Bearer wrong' })).status).toBe(401)
  })

  it('refuses a foreign Origin (403) and a foreign Host — DNS rebinding (403)', async () => {
    expect((await api('app.info', { Origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('app.info', { Host: `evil.example:${host.port}` })).status).toBe(403)
    expect((await send(host.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403)
    expect((await api('app.info', { Origin: `http://127.0.0.1:${host.port}` })).status).toBe(200)
  })

  it('refuses non-JSON content types (415), oversized bodies (413) and bad JSON (400)', async () => {
    expect((await api('app.info', { 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await api('app.info', { 'Content-Type': 'application/x-www-form-urlencoded' }, 'a=1')).status).toBe(415)
    expect((await api('criteria.search', {}, JSON.stringify({ query: 'x'.repeat(5000) }))).status).toBe(413)
    expect((await api('app.info', {}, '{nope')).status).toBe(400)
  })

  it('answers malformed requests with a 400 and a Vietnamese JSON error, and refuses by role before the body', async () => {
    const bad = await api('%E0%A4%A')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'Yêu cầu không hợp lệ' } })
    const unknown = await api('no.such%20method')
    expect(unknown.status).toBe(404)
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: 'Chức năng không tồn tại' } })
    expect(JSON.parse((await api('app.info', {}, '{nope')).body)).toMatchObject({ error: { message: 'Dữ liệu JSON không hợp lệ' } })
    expect((await send(host.port, { path: '/%E0%A4%A' })).status).toBe(404)
    expect((await send(host.port, { path: '/api/app.info?x=%E0%A4%A', method: 'GET', headers: { Authorization: `Bearer ${TOKEN}` } })).status).toBe(405)
  })

  it('validates through the registry like IPC does', async () => {
    const r = await api('criteria.get', {}, JSON.stringify({ setId: 42 }))
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('serves static files only from the renderer folder, with security headers', async () => {
    const index = await send(host.port, { path: '/' })
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['x-content-type-options']).toBe('nosniff')
    expect(index.headers['referrer-policy']).toBe('no-referrer')
    expect((await send(host.port, { path: '/assets/app.js' })).headers['content-type']).toMatch(/javascript/)
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5csecret.txt', '/%00', '/nope.js'])
      expect((await send(host.port, { path })).status, path).toBe(404)
    expect((await send(host.port, { method: 'POST', path: '/index.html' })).status).toBe(405)
  })
})
