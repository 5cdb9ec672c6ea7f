/** Việt Nam has used UTC+07:00 without daylight saving since 1975, so a fixed offset is exact. */
const OFFSET_MS = 7 * 60 * 60 * 1000

/** ISO 8601 in Vietnam time, to the second: "2026-11-28T15:04:05+07:00" (NĐ 30 Phụ lục I signing metadata). */
export function vnIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+07:00`
}
