import { z } from 'zod'
import { OFFICE_ROLES, method } from './spec'

/**
 * LAN mode (issue 13): members score from their own devices over the meeting's local network. The browser-mode
 * server (or the desktop app's embedded one) also listens on one chosen interface while the secretary keeps it open
 * for a session; from that interface only the join screen, static files, the member API and live events answer.
 * Office methods stay on the loopback address.
 */
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const obj = <T extends z.ZodRawShape>(shape: T) => z.object(shape).strict()

/** One device that used a member token recently (what the office sees in the join-code tab). */
export const zLanConnection = z.object({
  memberId: z.number().int(),
  address: z.string(),
  userAgent: z.string(),
  firstSeen: z.string(),
  lastSeen: z.string(),
  /** The device holds the live-update stream open now. */
  live: z.boolean()
})
export type LanConnection = z.infer<typeof zLanConnection>

export const zLanState = z.object({
  /** The host can serve other devices at all (browser mode, or the desktop app with its embedded server). */
  available: z.boolean(),
  open: z.boolean(),
  /** The session it was opened for; null when opened from the command line for all sessions. */
  sessionId: z.number().int().nullable(),
  /** Base address other devices open, e.g. `http://192.168.1.20:8080/`; null while closed. */
  url: z.string().nullable(),
  https: z.boolean(),
  /** IPv4 addresses of this machine's network interfaces (not loopback) the secretary may choose from. */
  interfaces: z.array(z.object({ name: z.string(), address: z.string() })),
  connections: z.array(zLanConnection)
})
export type LanState = z.infer<typeof zLanState>

const zIpv4 = z.string().regex(/^(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)$/, 'Địa chỉ IPv4 không hợp lệ')

export const zJoinSlip = z.object({
  memberId: z.number().int(),
  memberName: z.string(),
  code: z.string(),
  /** Opens the join screen with the code filled in (the code travels in the fragment, never sent to a server log). */
  url: z.string(),
  /** QR code of `url` as an SVG data URL. */
  qrDataUrl: z.string()
})
export type JoinSlip = z.infer<typeof zJoinSlip>

/** Live updates pushed to members and the office over server-sent events (`GET /events`). */
export const LIVE_EVENT_KINDS = ['hello', 'status', 'rescore', 'finalized', 'lan-closed'] as const
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number]
export interface LiveEvent {
  kind: LiveEventKind
  sessionId: number | null
  /** New session status (`status`), product of a re-score round (`rescore`). */
  status?: string
  productId?: number
  /** Server time of emission (ISO), so clients and the bench can measure delivery latency. */
  at: string
}

export const lanMethods = {
  'lan.status': method({ kind: 'query', roles: OFFICE_ROLES, input: obj({}), output: zLanState }),
  /** Opens the LAN listener for one session; it closes by itself when that session is finalized. */
  'lan.open': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId, address: zIpv4 }),
    output: zLanState
  }),
  'lan.close': method({ kind: 'command', roles: OFFICE_ROLES, input: obj({}), output: zLanState }),
  /** Issues a fresh code for every scoring member and lays out one slip each (A4 PDF and on screen); plain codes are never stored. */
  'joinCodes.slips': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: obj({ sessionId: zId }),
    output: z.object({ slips: z.array(zJoinSlip), fileName: z.string(), mimeType: z.string(), base64: z.string() })
  })
} as const
