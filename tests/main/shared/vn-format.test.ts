import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import fc from 'fast-check'
import { formatDateTime, formatDay, formatInstantDay, formatNumber, formatTime, parseVnDay, vnDayOf } from '../../../src-main/shared/vn-format'

const MODULE = resolve(import.meta.dirname, '../../../src-main/shared/vn-format.ts')

/** Runs the formatter in a child Node whose machine zone is `tz`: the output must not depend on it. */
function inZone(tz: string, at: string): string {
  const code = `import(${JSON.stringify(MODULE)}).then((x) => { const m = x.formatDateTime ? x : x.default; process.stdout.write(JSON.stringify([m.formatDateTime(${JSON.stringify(at)}, { withSeconds: true }), m.vnDayOf(${JSON.stringify(at)}), new Date(${JSON.stringify(at)}).getHours()])) })`
  return execFileSync(process.execPath, ['--import', 'tsx', '-e', code], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })
}

describe('Vietnamese dates, times and numbers', () => {
  it('shows a stored day as dd/mm/yyyy and leaves the empty value visible', () => {
    expect(formatDay('2026-03-15')).toBe('15/03/2026')
    expect(formatDay(null)).toBe('—')
    expect(formatDay('', '…')).toBe('…')
  })

  it('shows an instant in Vietnam time: 12:12 UTC is 19:12, and late evening UTC is already the next day', () => {
    expect(formatDateTime('2026-11-20T12:12:05.000Z')).toBe('20/11/2026 19:12')
    expect(formatDateTime('2026-11-20T12:12:05.000Z', { withSeconds: true })).toBe('20/11/2026 19:12:05')
    expect(formatTime('2026-11-20T12:12:05.000Z')).toBe('19:12')
    expect(vnDayOf('2026-11-19T18:30:00Z')).toBe('2026-11-20')
    expect(formatInstantDay('2026-12-31T17:00:00Z')).toBe('01/01/2027')
    expect(formatDateTime('not a date')).toBe('not a date')
  })

  for (const tz of ['UTC', 'Asia/Ho_Chi_Minh', 'America/Los_Angeles'])
    it(`gives the same text on a machine set to ${tz}`, () => {
      const [text, day, localHour] = JSON.parse(inZone(tz, '2026-11-20T12:12:05.000Z')) as [string, string, number]
      expect(text).toBe('20/11/2026 19:12:05')
      expect(day).toBe('2026-11-20')
      // The child really ran in that zone (its own local hour differs), yet the shown time did not move.
      expect(localHour).toBe({ UTC: 12, 'Asia/Ho_Chi_Minh': 19, 'America/Los_Angeles': 4 }[tz])
    })

  it('writes numbers with a comma for decimals and dots for thousands', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5')
    expect(formatNumber(72.456, 2)).toBe('72,46')
    expect(formatNumber(3)).toBe('3')
  })

  it('reads a typed day first as Vietnamese write it, in any of the usual ways', () => {
    expect(parseVnDay('15032026')).toBe('2026-03-15')
    expect(parseVnDay('15/03/2026')).toBe('2026-03-15')
    expect(parseVnDay(' 5-3-2026 ')).toBe('2026-03-05')
    expect(parseVnDay('31/12/2026')).toBe('2026-12-31')
    expect(parseVnDay('29/02/2028')).toBe('2028-02-29')
  })

  it('refuses what is not a real day instead of guessing', () => {
    for (const bad of ['31/02/2026', '29/02/2026', '15/13/2026', '00/01/2026', '15/03/26', '2026-03-15', '1503202', '150320261', 'ngày mai', '03/15/2026'])
      expect(parseVnDay(bad), bad).toBeNull()
  })

  it('reads back every real day it shows', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10)
        expect(parseVnDay(formatDay(day))).toBe(day)
        expect(parseVnDay(formatDay(day).replaceAll('/', ''))).toBe(day)
      })
    )
  })
})
