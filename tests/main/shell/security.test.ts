import { beforeEach, describe, expect, it, vi } from 'vitest'
import { silentLogger } from '../../../src-main/logger'
import { FakeWebContents, fake, fakeSession, navEvent, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const { ALLOWED_PERMISSIONS, installSecurityHooks, lockDownSession, secureWebContents } = await import('../../../src-main/shell/security')

const TRUSTED = ['app://ocop']

function secured() {
  const wc = new FakeWebContents()
  const openExternal = vi.fn(() => Promise.resolve())
  secureWebContents(wc as never, TRUSTED, openExternal, silentLogger)
  return { wc, openExternal }
}

beforeEach(() => {
  resetFakeElectron()
})

describe('web-contents-created hook', () => {
  it('is installed once and secures every new WebContents', () => {
    installSecurityHooks(TRUSTED, silentLogger)
    expect(fake().app.count('web-contents-created')).toBe(1)
    const wc = new FakeWebContents()
    fake().app.emit('web-contents-created', {}, wc)
    expect(wc.count('will-attach-webview')).toBe(1)
    expect(wc.count('will-navigate')).toBe(1)
    expect(wc.count('will-redirect')).toBe(1)
    expect(wc.windowOpenHandler).not.toBeNull()
    expect(wc.session.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('opens links from a new window externally through shell.openExternal, and only safe ones', () => {
    installSecurityHooks(TRUSTED, silentLogger)
    const wc = new FakeWebContents()
    fake().app.emit('web-contents-created', {}, wc)
    expect(wc.windowOpenHandler!({ url: 'https://ocop.gov.vn/' })).toEqual({ action: 'deny' })
    expect(fake().shell.openExternal).toHaveBeenCalledWith('https://ocop.gov.vn/')
    expect(wc.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(fake().shell.openExternal).toHaveBeenCalledTimes(1)
  })
})

describe('secureWebContents', () => {
  it('blocks <webview>', () => {
    const { wc } = secured()
    const ev = navEvent('')
    wc.emit('will-attach-webview', ev, {}, {})
    expect(ev.preventDefault).toHaveBeenCalled()
  })

  it('lets navigation within the app origin through', () => {
    const { wc, openExternal } = secured()
    const ev = navEvent('app://ocop/index.html#/criteria')
    wc.emit('will-navigate', ev, ev.url)
    expect(ev.preventDefault).not.toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('stops navigation away; opens safe http(s) targets in the OS browser instead', () => {
    const { wc, openExternal } = secured()
    const ev = navEvent('https://ocop.gov.vn/tin-tuc')
    wc.emit('will-navigate', ev, ev.url)
    expect(ev.preventDefault).toHaveBeenCalled()
    expect(openExternal).toHaveBeenCalledWith('https://ocop.gov.vn/tin-tuc')
  })

  it('stops navigation to unsafe targets without opening anything', () => {
    const { wc, openExternal } = secured()
    for (const url of ['file:///C:/Windows/System32/calc.exe', 'javascript:alert(1)', 'app://evil/', 'https://user:pw@evil.example/', 'smb://x/y']) {
      const ev = navEvent(url)
      wc.emit('will-navigate', ev, url)
      expect(ev.preventDefault, url).toHaveBeenCalled()
    }
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('stops redirects away from the app origin and never opens them', () => {
    const { wc, openExternal } = secured()
    const bad = navEvent('https://evil.example/')
    wc.emit('will-redirect', bad, bad.url)
    expect(bad.preventDefault).toHaveBeenCalled()
    const ok = navEvent('app://ocop/index.html')
    wc.emit('will-redirect', ok, ok.url)
    expect(ok.preventDefault).not.toHaveBeenCalled()
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('denies every window.open, opening only safe links externally', () => {
    const { wc, openExternal } = secured()
    for (const url of ['app://ocop/index.html', 'https://example.com/', 'javascript:alert(1)', 'about:blank'])
      expect(wc.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledTimes(1)
    expect(openExternal).toHaveBeenCalledWith('https://example.com/')
  })

  it('survives a failing openExternal', async () => {
    const wc = new FakeWebContents()
    const warn = vi.fn()
    secureWebContents(wc as never, TRUSTED, () => Promise.reject(new Error('no browser')), { ...silentLogger, warn })
    wc.windowOpenHandler!({ url: 'https://example.com/' })
    await new Promise((r) => setTimeout(r, 0))
    expect(warn).toHaveBeenCalledWith('openExternal failed', expect.any(Error))
  })
})

describe('permissions', () => {
  it('allows nothing', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([])
  })

  it('denies every request, check and device permission', () => {
    const ses = fakeSession()
    lockDownSession(ses as never)
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as (wc: unknown, p: string, cb: (ok: boolean) => void) => void
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as (wc: unknown, p: string) => boolean
    const device = ses.setDevicePermissionHandler.mock.calls[0]![0] as () => boolean
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      const cb = vi.fn()
      request({}, p, cb)
      expect(cb, p).toHaveBeenCalledWith(false)
      expect(check({}, p), p).toBe(false)
    }
    expect(device()).toBe(false)
  })

  it('locks down the default session when the hooks are installed', () => {
    installSecurityHooks(TRUSTED, silentLogger)
    expect(fake().session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(fake().session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled()
  })
})
