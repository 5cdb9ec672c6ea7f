import { consoleLogger, escapeLogText } from '../../src-main/logger'

describe('logger', () => {
  it('escapes control characters so a value cannot forge a log line or drive the terminal', () => {
    expect(escapeLogText('a\nb\r\tc')).toBe('a\\nb\\r\\tc')
    expect(escapeLogText('\u001b[31mred\u0000\u007f\u0085')).toBe('\\x1b[31mred\\x00\\x7f\\x85')
    expect(escapeLogText('x\u2028y\u2029z')).toBe('x\\u2028y\\u2029z')
    expect(escapeLogText('Tiếng Việt có dấu — ✓')).toBe('Tiếng Việt có dấu — ✓')
  })

  it('writes one physical line per entry for any message, and prefixes every stack frame line', () => {
    const lines: string[] = []
    const spies = (['log', 'warn', 'error'] as const).map((k) => vi.spyOn(console, k).mockImplementation((s: string) => void lines.push(s)))
    try {
      const log = consoleLogger('web')
      const forged = 'GET /api/x\n[web] ERROR forged entry\r\n'
      log.info(`request ${forged}`)
      log.warn(`request ${forged}`, `raw ${forged}`)
      log.error(`request ${forged}`, new Error(`bad ${forged}    at fake (evil.js:1:1)`))
      log.error('odd value', Object.create(null))
      const physical = lines.join('\n').split('\n')
      // Every physical line belongs to an entry: it starts with the prefix; the forged text stays inside its entry.
      expect(physical.every((l) => l.startsWith('[web] '))).toBe(true)
      expect(physical.filter((l) => l.startsWith('[web] ERROR forged'))).toEqual([])
      expect(lines[0]).toBe('[web] request GET /api/x\\n[web] ERROR forged entry\\r\\n')
      const frames = lines[2]!.split('\n').slice(1)
      expect(frames.length).toBeGreaterThan(0)
      expect(frames.every((l) => /^\[web\] {3}at /.test(l))).toBe(true)
      expect(frames.some((l) => l.includes('evil.js'))).toBe(false)
      expect(lines[3]).toBe('[web] ERROR odd value [unprintable value]')
    } finally {
      for (const s of spies) s.mockRestore()
    }
  })
})
