// @vitest-environment jsdom
import JSZip from 'jszip'
import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { FiveStarPanel } from '../../src-renderer/features/reports/FiveStarPanel'
import { render, screen, waitFor, within } from '../utils/render'

const doc = (id: number, kind: string, title: string) => ({
  id, kind, format: 'pdf', title, number: `${id}/BC`, date: '2026-12-01', dataVersion: 'v', inputSha256: 'x', sha256: 'y', size: 10, pages: 1, fileName: `${id}.pdf`, createdAt: '2026-12-01T00:00:00Z'
})
const result = (productId: number, name: string, outcome: string) => ({ productId, code: `68-24778-000${productId}-2026`, name, meanText: outcome === 'proposed-5-star' ? '92,5' : '75,0', mean: 92.5, outcome })
const session = { id: 9, status: 'finalized', roundName: 'Đợt 2 năm 2026', date: '2026-11-20' }
const manifest = [
  { path: '01-cong-van-de-nghi/1.pdf', role: 'Văn bản đề nghị của UBND tỉnh', sha256: 'a'.repeat(64), size: 1200 },
  { path: '05-ho-so-san-pham/mau-01/3-Phiếu đăng ký.pdf', role: 'Hồ sơ sản phẩm (mau-01)', sha256: 'b'.repeat(64), size: 1 }
]

async function bundle(): Promise<string> {
  const zip = new JSZip()
  zip.file('manifest.json', JSON.stringify({ format: 'ocop-council/5-star-bundle@1', files: manifest }))
  return zip.generateAsync({ type: 'base64' })
}

function client(base64: string): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const values: Record<string, unknown> = {
    'sessions.list': [session, { ...session, id: 10, status: 'open', date: '2026-12-01' }],
    'results.list': [result(5, 'Cà phê Arabica Cầu Đất', 'proposed-5-star'), result(6, 'Trà xanh', 'recognised-by-province')],
    'documents.list': [doc(1, 'minutes', 'Công văn đề nghị'), doc(2, 'summary', 'Báo cáo Tổ tư vấn'), doc(3, 'report', 'Báo cáo kết quả'), doc(4, 'approval', 'Quyết định phê duyệt')],
    'exports.fiveStarBundle': { fileName: 'ho-so-5-sao.zip', mimeType: 'application/zip', sha256: 'c'.repeat(64), size: 99, base64 }
  }
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      return { ok: true, value: values[method] }
    }) as ApiClient['call']
  }
}

async function pick(user: ReturnType<typeof render>['user'], label: string, option: RegExp) {
  await user.click(screen.getByRole('textbox', { name: label }))
  await user.click(await screen.findByRole('option', { name: option }))
}

Element.prototype.scrollIntoView = vi.fn()

describe('five-star proposal panel', () => {
  it('validates the parts inline, builds the bundle, downloads it and shows the manifest', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x')
    URL.revokeObjectURL = vi.fn()
    const c = client(await bundle())
    const { user } = render(<FiveStarPanel />, { client: c })
    await user.click(screen.getByRole('button', { name: 'Lập và tải hồ sơ (.zip)' }))
    expect(screen.getByText('Chọn sản phẩm')).toBeTruthy()
    expect(screen.getAllByText('Chọn văn bản')).toHaveLength(4)
    expect(c.calls.some(([m]) => m === 'exports.fiveStarBundle')).toBe(false)

    await user.click(screen.getByRole('textbox', { name: 'Phiên họp đã chốt kết quả' }))
    expect(screen.queryByRole('option', { name: /2026-12-01/ })).toBeNull()
    await user.click(await screen.findByRole('option', { name: 'Đợt 2 năm 2026 — 20/11/2026' }))
    await waitFor(() => expect(c.calls).toContainEqual(['results.list', { sessionId: 9 }]))
    await user.click(screen.getByRole('textbox', { name: 'Sản phẩm đề xuất 5 sao' }))
    expect(screen.queryByRole('option', { name: /Trà xanh/ })).toBeNull()
    await user.click(await screen.findByRole('option', { name: /Cà phê Arabica Cầu Đất \(92,5 điểm\)/ }))
    await pick(user, 'Văn bản đề nghị của UBND tỉnh', /Công văn đề nghị/)
    await pick(user, 'Báo cáo của Tổ tư vấn', /Công văn đề nghị/)
    await user.click(screen.getByRole('button', { name: 'Lập và tải hồ sơ (.zip)' }))
    expect(screen.getByText('Văn bản này đã được chọn cho thành phần khác')).toBeTruthy()
    await pick(user, 'Báo cáo của Tổ tư vấn', /Báo cáo Tổ tư vấn/)
    // Only report-kind documents are offered for the council's report.
    await user.click(screen.getByRole('textbox', { name: 'Báo cáo của Hội đồng cấp tỉnh' }))
    expect(screen.queryByRole('option', { name: /Công văn đề nghị/ })).toBeNull()
    await user.click(await screen.findByRole('option', { name: /Báo cáo kết quả/ }))
    await pick(user, 'Quyết định phê duyệt kết quả đánh giá', /Quyết định phê duyệt/)
    await user.click(screen.getByRole('button', { name: 'Lập và tải hồ sơ (.zip)' }))

    await waitFor(() => expect(c.calls.find(([m]) => m === 'exports.fiveStarBundle')?.[1]).toEqual({ productId: 5, letterId: 1, advisoryReportId: 2, councilReportId: 3, approvalId: 4 }))
    const card = await screen.findByTestId('five-star-manifest')
    expect(card.getAttribute('data-files')).toBe('2')
    expect(within(card).getByText('Đã tải ho-so-5-sao.zip')).toBeTruthy()
    expect(within(card).getByText('05-ho-so-san-pham/mau-01/3-Phiếu đăng ký.pdf')).toBeTruthy()
    expect(within(card).getByText('a'.repeat(64))).toBeTruthy()
    expect(URL.createObjectURL).toHaveBeenCalled()
  })

  it('says when the session has no product proposed for 5 stars', async () => {
    const c = client('')
    const base = c.call
    c.call = (async (method: string, input: unknown) => {
      if (method === 'results.list') return { ok: true, value: [result(6, 'Trà xanh', 'recognised-by-province')] }
      return base(method as never, input as never)
    }) as ApiClient['call']
    const { user } = render(<FiveStarPanel />, { client: c })
    await user.click(screen.getByRole('textbox', { name: 'Phiên họp đã chốt kết quả' }))
    await user.click(await screen.findByRole('option', { name: 'Đợt 2 năm 2026 — 20/11/2026' }))
    expect(await screen.findByTestId('five-star-none')).toBeTruthy()
  })

  it('shows the server refusal and no manifest', async () => {
    const c = client('')
    const base = c.call
    c.call = (async (method: string, input: unknown) =>
      method === 'exports.fiveStarBundle'
        ? { ok: false, error: { code: 'CONFLICT', message: 'Báo cáo của Hội đồng cấp tỉnh: tệp văn bản đã bị thay đổi ngoài ứng dụng (mã SHA-256 không khớp)' } }
        : base(method as never, input as never)) as ApiClient['call']
    const { user } = render(<FiveStarPanel />, { client: c })
    await pick(user, 'Phiên họp đã chốt kết quả', /20\/11\/2026/)
    await waitFor(() => expect(c.calls).toContainEqual(['results.list', { sessionId: 9 }]))
    await pick(user, 'Sản phẩm đề xuất 5 sao', /Cà phê Arabica/)
    for (const [label, option] of [['Văn bản đề nghị của UBND tỉnh', /Công văn/], ['Báo cáo của Tổ tư vấn', /Tổ tư vấn/], ['Báo cáo của Hội đồng cấp tỉnh', /Báo cáo kết quả/], ['Quyết định phê duyệt kết quả đánh giá', /Quyết định phê duyệt/]] as const)
      await pick(user, label, option)
    await user.click(screen.getByRole('button', { name: 'Lập và tải hồ sơ (.zip)' }))
    expect((await screen.findByTestId('five-star-error')).textContent).toMatch(/mã SHA-256 không khớp/)
    expect(screen.queryByTestId('five-star-manifest')).toBeNull()
  })
})
