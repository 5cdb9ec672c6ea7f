import { defaultDataDir } from '../../src-main/paths'
import { parseServerArgs } from '../../src-main/server-args'

describe('browser-mode arguments', () => {
  it('defaults to 127.0.0.1 on a free port', () => {
    expect(parseServerArgs([])).toEqual({ port: 0, host: '127.0.0.1' })
  })
  it('reads --port, --data-dir and --host, with = or a space', () => {
    expect(parseServerArgs(['--port', '8080', '--data-dir=/tmp/x'])).toEqual({ port: 8080, host: '127.0.0.1', dataDir: '/tmp/x' })
    expect(parseServerArgs(['--host', '192.0.2.1'])).toMatchObject({ host: '192.0.2.1' })
  })
  it('refuses bad values and unknown flags in Vietnamese and English', () => {
    expect(() => parseServerArgs(['--port', 'abc'])).toThrow(/Cổng không hợp lệ/)
    expect(() => parseServerArgs(['--port', '70000'])).toThrow(/invalid port/)
    expect(() => parseServerArgs(['--data-dir'])).toThrow(/cần một giá trị/)
    expect(() => parseServerArgs(['--evil'])).toThrow(/unknown option/)
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
