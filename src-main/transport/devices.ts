import type { LanConnection } from '../shared/api/lan'

/** Enough for a council room; the oldest entries go first when a scan or a misbehaving client floods it. */
const MAX_DEVICES = 500

/**
 * Which member used which device recently, as the server sees it (address and browser): the office's view of who
 * is connected. Kept in memory only; it starts empty with every server start.
 */
export function createDeviceTracker(now: () => Date = () => new Date()) {
  const devices = new Map<string, LanConnection & { streams: number }>()
  const keyOf = (memberId: number, address: string, userAgent: string) => `${memberId}|${address}|${userAgent}`
  function touch(memberId: number, address: string, userAgent: string | undefined): string {
    const ua = (userAgent ?? '').slice(0, 200)
    const key = keyOf(memberId, address, ua)
    const when = now().toISOString()
    const d = devices.get(key)
    if (d) {
      d.lastSeen = when
      devices.delete(key)
      devices.set(key, d)
    } else {
      devices.set(key, { memberId, address, userAgent: ua, firstSeen: when, lastSeen: when, live: false, streams: 0 })
      if (devices.size > MAX_DEVICES) devices.delete(devices.keys().next().value!)
    }
    return key
  }
  return {
    touch,
    /** A live-update stream opened; the returned function marks it closed. */
    stream(memberId: number, address: string, userAgent: string | undefined): () => void {
      const key = touch(memberId, address, userAgent)
      const d = devices.get(key)!
      d.streams++
      d.live = true
      return () => {
        d.streams = Math.max(0, d.streams - 1)
        d.live = d.streams > 0
        d.lastSeen = now().toISOString()
      }
    },
    list(): LanConnection[] {
      return [...devices.values()].map(({ streams: _s, ...d }) => d).sort((a, b) => a.memberId - b.memberId || b.lastSeen.localeCompare(a.lastSeen))
    },
    clear(): void {
      devices.clear()
    }
  }
}
export type DeviceTracker = ReturnType<typeof createDeviceTracker>
