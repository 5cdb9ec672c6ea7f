import QRCode from 'qrcode'
import { renderJoinSlipsPdf } from '../../documents/join-slips-pdf'
import type { LiveHub } from '../../services/live/live-events'
import type { SessionServices } from '../../services/sessions'
import type { LanState } from '../../shared/api/lan'
import { AppError } from '../../shared/result'
import type { Registry } from '../registry'

const UNAVAILABLE: LanState = { available: false, open: false, sessionId: null, url: null, https: false, interfaces: [], connections: [] }

/** Printed on each slip and shown in the join-code tab: what plain HTTP exposes on the meeting's network. */
export const PLAIN_HTTP_NOTE =
  'Kết nối HTTP thường không mã hóa: mã tham gia, điểm và ý kiến đi qua mạng LAN của phòng họp dưới dạng đọc được. Chỉ dùng mạng nội bộ tin cậy; cơ quan có chứng thư của tỉnh thì bật HTTPS.'
export const HTTPS_NOTE = 'Kết nối HTTPS được mã hóa bằng chứng thư của cơ quan. Giữ phiếu này kín như mật khẩu cho đến khi chấm xong.'

const vnDate = (iso: string): string => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`

export function registerLanHandlers(r: Registry, deps: { hub: LiveHub; sessions: SessionServices; fontsDir: string; now?: () => Date }): void {
  const lan = () => {
    if (!deps.hub.lan) throw new AppError('CONFLICT', 'Máy này không phục vụ được thiết bị khác (chưa chạy máy chủ của ứng dụng).')
    return deps.hub.lan
  }
  r.handle('lan.status', () => deps.hub.lan?.state() ?? UNAVAILABLE)
  r.handle('lan.open', async (i, c) => {
    const s = deps.sessions.sessions.get(i.sessionId, c.actor)
    if (s.status === 'finalized') throw new AppError('CONFLICT', 'Phiên họp đã chốt kết quả: không mở mạng LAN cho phiên này.')
    return lan().open(i.sessionId, i.address)
  })
  r.handle('lan.close', () => (deps.hub.lan ? deps.hub.lan.close() : UNAVAILABLE))
  r.handle('joinCodes.slips', async (i, c) => {
    const s = deps.sessions.sessions.get(i.sessionId, c.actor)
    if (s.status === 'finalized') throw new AppError('CONFLICT', 'Phiên họp đã chốt kết quả: không cấp mã tham gia')
    const scoring = s.members.filter((m) => m.scores)
    if (scoring.length === 0) throw new AppError('CONFLICT', 'Phiên họp chưa có thành viên chấm điểm.')
    const base = deps.hub.lan?.baseUrl() ?? ''
    const https = deps.hub.lan?.state().https ?? false
    const issued = deps.sessions.joinCodes.issueMany(i.sessionId, scoring.map((m) => m.id), c.actor)
    const slips = []
    for (const [k, m] of scoring.entries()) {
      const code = issued[k]!.code
      const url = `${base}#join=${code}`
      const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 })
      slips.push({ memberId: m.id, memberName: m.fullName, code, url, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` })
    }
    const pdf = await renderJoinSlipsPdf(
      deps.fontsDir,
      {
        title: 'Phiếu tham gia chấm điểm OCOP',
        subtitle: `Phiên họp ngày ${vnDate(s.date)} — ${s.place}`,
        note: https ? HTTPS_NOTE : PLAIN_HTTP_NOTE,
        slips: slips.map((x) => ({ memberName: x.memberName, code: x.code, url: x.url, address: base }))
      },
      deps.now?.() ?? new Date()
    )
    return { slips, fileName: `phieu-tham-gia-phien-${i.sessionId}.pdf`, mimeType: 'application/pdf', base64: pdf.toString('base64') }
  })
}
