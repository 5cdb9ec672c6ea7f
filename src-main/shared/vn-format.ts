/**
 * How the Vietnamese office shows dates, times and numbers — one module for the renderer, documents and exports.
 * Stored times stay UTC ISO strings and stored days `YYYY-MM-DD`; what people read is dd/mm/yyyy and Vietnam time
 * (Asia/Ho_Chi_Minh, UTC+7, no daylight saving) whatever the zone of the machine showing it.
 */
export const VN_TIME_ZONE = 'Asia/Ho_Chi_Minh'

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar day `YYYY-MM-DD` as `dd/mm/yyyy`; `empty` for null/undefined/''; other text is returned unchanged. */
export function formatDay(day: string | null | undefined, empty = '—'): string {
  if (!day) return empty
  const m = DAY.exec(day)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : day
}

// Built once: Intl formatters are costly to create, and this one is used for every row of every table.
const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: VN_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23'
})

interface VnParts {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

function vnParts(at: string | number | Date): VnParts | null {
  const d = at instanceof Date ? at : new Date(at)
  if (Number.isNaN(d.getTime())) return null
  const out: Record<string, string> = {}
  for (const p of PARTS.formatToParts(d)) out[p.type] = p.value
  return out as unknown as VnParts
}

/** An instant (UTC ISO string, epoch ms or Date) as `dd/mm/yyyy HH:mm` in Vietnam time; `withSeconds` adds `:ss`. */
export function formatDateTime(at: string | number | Date | null | undefined, opts: { withSeconds?: boolean; empty?: string } = {}): string {
  if (at === null || at === undefined || at === '') return opts.empty ?? '—'
  const p = vnParts(at)
  if (!p) return String(at)
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}${opts.withSeconds ? `:${p.second}` : ''}`
}

/** The time of day of an instant in Vietnam time, `HH:mm` (or `HH:mm:ss`). */
export function formatTime(at: string | number | Date, withSeconds = false): string {
  const p = vnParts(at)
  if (!p) return String(at)
  return `${p.hour}:${p.minute}${withSeconds ? `:${p.second}` : ''}`
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in Vietnam: 2026-11-19T18:30Z is 2026-11-20 there. */
export function vnDayOf(at: string | number | Date): string | null {
  const p = vnParts(at)
  return p ? `${p.year}-${p.month}-${p.day}` : null
}

/** The date of an instant as `dd/mm/yyyy` in Vietnam time. */
export function formatInstantDay(at: string | number | Date | null | undefined, empty = '—'): string {
  if (at === null || at === undefined || at === '') return empty
  const day = vnDayOf(at)
  return day ? formatDay(day) : String(at)
}

const NUMBER = new Map<string, Intl.NumberFormat>()

/** A number the Vietnamese way: `1.234,5` (dot for thousands, comma for decimals); `digits` fixes the decimals. */
export function formatNumber(n: number, digits?: number | { min?: number; max?: number }): string {
  const min = typeof digits === 'number' ? digits : (digits?.min ?? 0)
  const max = typeof digits === 'number' ? digits : (digits?.max ?? 2)
  const key = `${min}:${max}`
  let f = NUMBER.get(key)
  if (!f) NUMBER.set(key, (f = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: min, maximumFractionDigits: max })))
  return f.format(n)
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** True when `YYYY-MM-DD` names a real day of a year 1900–2199. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1) return false
  return d <= (m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1]!)
}

/**
 * What a person typed into a date field, day first as Vietnamese write it: `15/03/2026`, `15-3-2026`, `15.03.2026`
 * or the eight digits `15032026`. Returns `YYYY-MM-DD`, or null for anything that is not a real day (31/02/2026,
 * a two-digit year, month first) — never a guess.
 */
export function parseVnDay(text: string): string | null {
  const s = text.trim()
  let m = /^(\d{2})(\d{2})(\d{4})$/.exec(s)
  if (!m) m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s)
  if (!m) return null
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (!isRealDay(y, mo, d)) return null
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}
