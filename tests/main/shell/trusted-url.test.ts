import { describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_ORIGIN,
  isSafeExternalUrl,
  isTrustedSender,
  isTrustedUrl,
  originOf,
  trustedOriginsFor
} from '../../../src-main/shell/trusted-url'

const trusted = [APP_ORIGIN]

describe('originOf', () => {
  it('builds scheme://host for app: (where URL.origin would be "null")', () => {
    expect(new URL(APP_INDEX_URL).origin).toBe('null')
    expect(originOf(APP_INDEX_URL)).toBe('app://ocop')
    expect(originOf('APP://OCOP/x')).toBe('app://ocop')
    expect(originOf('http://localhost:5173/#/a')).toBe('http://localhost:5173')
  })
  it('has no origin for host-less URLs, credentials, garbage', () => {
    for (const u of ['file:///etc/passwd', 'data:text/html,x', 'javascript:alert(1)', 'about:blank', 'app://u:p@ocop/', '', 'not a url', 42, null])
      expect(originOf(u)).toBeNull()
  })
})

describe('isTrustedUrl', () => {
  it('accepts exactly the app origin', () => {
    expect(isTrustedUrl('app://ocop/index.html', trusted)).toBe(true)
    expect(isTrustedUrl('app://ocop/criteria/6?x=1#y', trusted)).toBe(true)
  })
  it('refuses look-alike origins', () => {
    for (const u of [
      'app://ocop.evil.example/',
      'app://evil/ocop',
      'app://ocop:8080/',
      'app://user@ocop/',
      'https://ocop/',
      'http://app//ocop',
      'file:///app/ocop/index.html',
      'javascript://ocop/%0aalert(1)'
    ])
      expect(isTrustedUrl(u, trusted), u).toBe(false)
  })
  it('takes the dev server origin only when listed, port included', () => {
    const dev = trustedOriginsFor('http://localhost:5173/')
    expect(dev).toEqual(['app://ocop', 'http://localhost:5173'])
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedUrl('http://localhost:5173/', trusted)).toBe(false)
  })
})

describe('trustedOriginsFor', () => {
  it('is the app origin alone in production', () => {
    expect(trustedOriginsFor(undefined)).toEqual(['app://ocop'])
    expect(trustedOriginsFor('')).toEqual(['app://ocop'])
  })
  it('ignores a dev URL that is not http(s)', () => {
    expect(trustedOriginsFor('file:///tmp/index.html')).toEqual(['app://ocop'])
    expect(trustedOriginsFor('javascript:alert(1)')).toEqual(['app://ocop'])
  })
})

describe('isTrustedSender', () => {
  it('accepts the main frame of an app page', () => {
    expect(isTrustedSender({ senderFrameUrl: 'app://ocop/index.html', isMainFrame: true }, trusted)).toBe(true)
  })
  it('refuses iframes, foreign pages and vanished frames', () => {
    expect(isTrustedSender({ senderFrameUrl: 'app://ocop/index.html', isMainFrame: false }, trusted)).toBe(false)
    expect(isTrustedSender({ senderFrameUrl: 'https://evil.example/', isMainFrame: true }, trusted)).toBe(false)
    expect(isTrustedSender({ senderFrameUrl: 'about:blank', isMainFrame: true }, trusted)).toBe(false)
    expect(isTrustedSender({ senderFrameUrl: undefined, isMainFrame: true }, trusted)).toBe(false)
    expect(isTrustedSender({ senderFrameUrl: null, isMainFrame: true }, trusted)).toBe(false)
  })
})

describe('isSafeExternalUrl', () => {
  it('accepts plain http and https links', () => {
    for (const u of ['https://ocop.gov.vn/', 'http://example.com/a?b=c#d', 'https://vi.wikipedia.org/wiki/OCOP', 'https://example.com:8443/x', 'HTTPS://Example.com/Path'])
      expect(isSafeExternalUrl(u), u).toBe(true)
  })
  it('refuses every other scheme', () => {
    for (const u of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'file://server/share/x.exe',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'smb://host/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'mailto:a@b.c',
      'ftp://example.com/',
      'app://ocop/index.html',
      'chrome://settings',
      'about:blank'
    ])
      expect(isSafeExternalUrl(u), u).toBe(false)
  })
  it('refuses credentials, control characters, whitespace tricks, missing hosts and oversize input', () => {
    for (const u of [
      'https://user:pass@example.com/',
      'https://user@example.com/',
      'https://example.com@evil.example/',
      ' https://example.com/',
      '\tjavascript:alert(1)',
      'java\nscript:alert(1)',
      'https://exa\u0000mple.com/',
      'https://example.com/\u0085',
      'https:///path-only',
      'https:\\\\evil.example/',
      'http:',
      'https://' + 'a'.repeat(2100) + '.com/',
      '',
      'not a url'
    ])
      expect(isSafeExternalUrl(u), JSON.stringify(u)).toBe(false)
  })
  it('refuses non-strings', () => {
    for (const u of [undefined, null, 1, {}, ['https://example.com/']]) expect(isSafeExternalUrl(u)).toBe(false)
  })
})
