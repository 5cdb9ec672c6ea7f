import { allowedHosts, allowedOrigins, checkHost, checkJsonContentType, checkOrigin, extractToken, tokensEqual } from '../../../src-main/transport/request-guards'
import { resolveStaticPath } from '../../../src-main/transport/safe-path'

describe('request guards', () => {
  const hosts = allowedHosts(5000, '127.0.0.1')
  it('accepts only the bound host names', () => {
    expect(checkHost('127.0.0.1:5000', hosts)).toBeNull()
    expect(checkHost('localhost:5000', hosts)).toBeNull()
    expect(checkHost('LOCALHOST:5000', hosts)).toBeNull()
    expect(checkHost('127.0.0.1:5001', hosts)).toBe(403)
    expect(checkHost('attacker.example:5000', hosts)).toBe(403)
    expect(checkHost(undefined, hosts)).toBe(403)
  })
  it('accepts a missing Origin (same-origin GET) but never a foreign one', () => {
    const origins = allowedOrigins(5000, '127.0.0.1')
    expect(checkOrigin(undefined, origins)).toBeNull()
    expect(checkOrigin('http://127.0.0.1:5000', origins)).toBeNull()
    expect(checkOrigin('http://evil.example', origins)).toBe(403)
    expect(checkOrigin('null', origins)).toBe(403)
    expect(checkOrigin('https://127.0.0.1:5000', origins)).toBe(403)
  })
  it('compares tokens in constant time and reads bearer or cookie', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abd', 'abc')).toBe(false)
    expect(tokensEqual('ab', 'abc')).toBe(false)
    expect(tokensEqual(undefined, 'abc')).toBe(false)
    expect(extractToken('Bearer xyz', undefined, 's')).toBe('xyz')
    expect(extractToken(undefined, 'a=1; s=tok; b=2', 's')).toBe('tok')
    expect(extractToken('Basic xyz', undefined, 's')).toBeUndefined()
  })
  it('accepts only application/json bodies', () => {
    expect(checkJsonContentType('application/json; charset=utf-8')).toBeNull()
    expect(checkJsonContentType('text/plain')).toBe(415)
    expect(checkJsonContentType(undefined)).toBe(415)
  })
})

describe('resolveStaticPath', () => {
  it('keeps paths inside the root', () => {
    expect(resolveStaticPath('/srv/r', '/')).toBe('/srv/r/index.html')
    expect(resolveStaticPath('/srv/r', '/assets/a.js?v=1')).toBe('/srv/r/assets/a.js')
    expect(resolveStaticPath('/srv/r', '/a%20b.css')).toBe('/srv/r/a b.css')
  })
  it.each(['/../etc/passwd', '/%2e%2e/x', '/a/../../x', '/..%2Fx', '/..\\x', '/%5c..%5cx', '/x%00.js', '/%E0%A4%A', '//etc/passwd/../../..'])('refuses %s', (p) => {
    const r = resolveStaticPath('/srv/r', p)
    expect(r === null || r.startsWith('/srv/r/')).toBe(true)
    if (p.includes('..') || p.includes('%2e') || p.includes('%00') || p.includes('%E0')) expect(r).toBeNull()
  })
})
