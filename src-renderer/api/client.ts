import type { OcopBridge } from '../../src-main/shared/bridge'
import type { Input, MethodName, Output } from '../../src-main/shared/contract'
import type { Result } from '../../src-main/shared/result'

/** How a call reaches main: the Electron bridge, or HTTP to the browser-mode server. */
export interface Transport {
  call(method: string, input: unknown): Promise<Result<unknown>>
}

export function bridgeTransport(bridge: OcopBridge): Transport {
  return { call: (m, i) => bridge.call(m, i) }
}

const TRANSPORT_ERROR: Record<number, string> = {
  401: 'Phiên làm việc không hợp lệ. Hãy mở lại ứng dụng bằng địa chỉ máy chủ in ra khi khởi động.',
  403: 'Yêu cầu bị từ chối (nguồn truy cập không hợp lệ).',
  413: 'Dữ liệu gửi lên quá lớn.'
}

/**
 * HTTP transport of browser mode. The token comes from the URL fragment once, is kept in memory, and the server
 * also sets an HttpOnly same-site cookie so a reload keeps working.
 */
export function httpTransport(token: string | null, fetchImpl: typeof fetch = fetch): Transport {
  return {
    async call(method, input) {
      let res: Response
      try {
        res = await fetchImpl(`/api/${encodeURIComponent(method)}`, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {})
        })
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: 'Không kết nối được máy chủ của ứng dụng.' } }
      }
      if (res.status !== 200)
        return { ok: false, error: { code: res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: TRANSPORT_ERROR[res.status] ?? `Lỗi máy chủ (${res.status}).` } }
      return (await res.json()) as Result<unknown>
    }
  }
}

export interface ApiClient {
  call<K extends MethodName>(method: K, input: Input<K>): Promise<Result<Output<K>>>
}

export function createClient(transport: Transport): ApiClient {
  return { call: (method, input) => transport.call(method, input) as never }
}

/** Reads `#token=…` once and removes it from the address bar, so it is not copied around or bookmarked. */
export function takeTokenFromLocation(loc: Location, history: History): string | null {
  const m = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(loc.hash)
  if (!m) return null
  history.replaceState(null, '', loc.pathname + loc.search)
  return m[1] ?? null
}

export function defaultClient(): ApiClient {
  if (window.ocop) return createClient(bridgeTransport(window.ocop))
  return createClient(httpTransport(takeTokenFromLocation(window.location, window.history)))
}
