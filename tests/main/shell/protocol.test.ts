import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fake } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const { createAppProtocolHandler, registerAppProtocol, registerAppScheme } = await import('../../../src-main/shell/protocol')
const { CONTENT_SECURITY_POLICY } = await import('../../../src-main/shell/csp')

let base: string
let root: string
let handler: (r: Request) => Promise<Response>

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ocop-proto-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>OCOP</title>')
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(base, 'secret.txt'), 'SECRET')
  handler = createAppProtocolHandler(root)
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => handler(new Request(url, { method }))

describe('app:// scheme registration', () => {
  it('registers app as a standard, secure scheme', () => {
    registerAppScheme()
    expect(fake().protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })
    ])
  })
  it('hands protocol.handle a handler for app', () => {
    registerAppProtocol(root)
    expect(fake().protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })
})

describe('app:// handler', () => {
  it('serves index.html with the CSP, nosniff and a content type', async () => {
    for (const url of ['app://ocop/', 'app://ocop/index.html']) {
      const res = await get(url)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('<title>OCOP</title>')
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
    }
  })
  it('serves assets with their type and answers HEAD without a body', async () => {
    const res = await get('app://ocop/assets/app.js')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await res.text()).toBe('console.log(1)')
    const head = await get('app://ocop/assets/app.js', 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
  it('falls back to index.html for client-side routes, not for missing files', async () => {
    expect((await get('app://ocop/criteria/6')).status).toBe(200)
    expect((await get('app://ocop/assets/missing.js')).status).toBe(404)
  })
  it('refuses methods other than GET and HEAD', async () => {
    for (const m of ['POST', 'PUT', 'DELETE', 'OPTIONS']) expect((await get('app://ocop/index.html', m)).status).toBe(405)
  })
  it('refuses any other host', async () => {
    for (const url of ['app://evil/index.html', 'app://ocop.evil/index.html', 'app://ocop:99/index.html'])
      expect((await get(url)).status, url).toBe(403)
  })
  it('never leaves the renderer folder', async () => {
    for (const url of [
      'app://ocop/../secret.txt',
      'app://ocop/%2e%2e/secret.txt',
      'app://ocop/%2E%2E%2Fsecret.txt',
      'app://ocop/assets/%2e%2e/%2e%2e/secret.txt',
      'app://ocop/..%5csecret.txt',
      'app://ocop/assets%5c..%5c..%5csecret.txt',
      'app://ocop/index.html%00.js',
      'app://ocop/%2fetc%2fpasswd',
      'app://ocop/%E0%A4%A'
    ]) {
      const res = await get(url)
      const body = await res.text()
      expect(body, url).not.toContain('SECRET')
      expect(res.status === 404 || (res.status === 200 && body.includes('<title>OCOP</title>')), `${url} -> ${res.status}`).toBe(true)
    }
  })
})
