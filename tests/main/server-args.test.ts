import { defaultDataDir } from '../../src-main/paths'
import { parseServerArgs } from '../../src-main/server-args'

describe('browser-mode arguments', () => {
  it('defaults to 127.0.0.1 on a free port', () => {
    expect(parseServerArgs([])).toEqual({ port: 0, host: '127.0.0.1', lan: false, lanHost: null, lanSession: null })
  })
  it('reads --port, --data-dir and --host, with = or a space', () => {
    expect(parseServerArgs(['--port', '8080', '--data-dir=/tmp/x'])).toEqual({ port: 8080, host: '127.0.0.1', dataDir: '/tmp/x', lan: false, lanHost: null, lanSession: null })
    expect(parseServerArgs(['--host', '192.0.2.1'])).toMatchObject({ host: '192.0.2.1' })
  })
  it('refuses bad values and unknown flags in Vietnamese and English', () => {
    expect(() => parseServerArgs(['--port', 'abc'])).toThrow(/Cổng không hợp lệ/)
    expect(() => parseServerArgs(['--port', '70000'])).toThrow(/invalid port/)
    expect(() => parseServerArgs(['--data-dir'])).toThrow(/cần một giá trị/)
    expect(() => parseServerArgs(['--evil'])).toThrow(/unknown option/)
  })
  it('LAN mode: --host names the LAN interface while the office stays on loopback; certificates only with --lan', () => {
    expect(parseServerArgs(['--lan'])).toMatchObject({ host: '127.0.0.1', lan: true, lanHost: null })
    expect(parseServerArgs(['--lan', '--host', '192.0.2.1', '--port', '8080'])).toMatchObject({ host: '127.0.0.1', lan: true, lanHost: '192.0.2.1', port: 8080 })
    expect(parseServerArgs(['--lan', '--cert', 'so.p12'])).toMatchObject({ cert: 'so.p12' })
    expect(parseServerArgs(['--lan', '--cert', 'c.pem', '--key', 'k.pem'])).toMatchObject({ cert: 'c.pem', key: 'k.pem' })
    expect(() => parseServerArgs(['--cert', 'so.p12'])).toThrow(/need --lan/)
    expect(() => parseServerArgs(['--lan', '--cert', 'c.pem'])).toThrow(/needs --key/)
    expect(() => parseServerArgs(['--lan', '--key', 'k.pem'])).toThrow(/--key needs --cert/)
    expect(() => parseServerArgs(['--lan=yes'])).toThrow(/takes no value/)
  })
  it('--lan alone serves no session to members; --session ID opens one, only with --lan', () => {
    expect(parseServerArgs(['--lan'])).toMatchObject({ lanSession: null })
    expect(parseServerArgs(['--lan', '--session', '3'])).toMatchObject({ lan: true, lanSession: 3 })
    expect(() => parseServerArgs(['--session', '3'])).toThrow(/needs --lan/)
    expect(() => parseServerArgs(['--lan', '--session', '0'])).toThrow(/invalid session id/)
    expect(() => parseServerArgs(['--lan', '--session', 'x'])).toThrow(/Mã phiên họp không hợp lệ/)
  })
})

describe('default data folder (same as Electron userData for "OCOP Council")', () => {
  it('follows each OS convention', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.config/OCOP Council')
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe('/x/OCOP Council')
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe('/Users/a/Library/Application Support/OCOP Council')
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('OCOP Council')
  })
})
