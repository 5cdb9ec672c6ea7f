// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { DashboardPage } from '../../src-renderer/features/dashboard/DashboardPage'
import { RevokeForm } from '../../src-renderer/features/reports/RevokeForm'
import type { Certificate, Dashboard } from '../../src-main/shared/contract'
import { render, screen, waitFor, within } from '../utils/render'

const cert: Certificate = {
  id: 7,
  productId: 1,
  productCode: '68-24778-2026-1',
  productName: 'Trà Ô long Cầu Đất',
  producerName: 'Hợp tác xã Chè Cầu Đất',
  communeCode: '24778',
  communeName: 'Phường Lâm Viên - Đà Lạt',
  stars: 4,
  number: '01/GCN-OCOP',
  decisionNo: '120/QĐ-UBND',
  decisionDate: '2026-12-01',
  issuedOn: '2026-12-01',
  expiryDate: '2029-12-01',
  state: 'valid',
  daysLeft: 174,
  window: { opens: '2029-06-04', closes: '2029-08-03', phase: 'open' },
  revocationId: null
}
const dashboard: Dashboard = {
  asOf: '2029-06-10',
  totals: { products: 12, recognised: 1, validCertificates: 1, expiring: 1, reminders: 1 },
  byStars: [
    { key: '3', label: '3 sao', count: 0 },
    { key: '4', label: '4 sao', count: 1 },
    { key: '5', label: '5 sao', count: 0 }
  ],
  bySector: [{ key: 'Thực phẩm', label: 'Thực phẩm', count: 1 }],
  byCommune: [{ key: '24778', label: 'Phường Lâm Viên - Đà Lạt', count: 1 }],
  byRound: [{ key: '1', label: 'Đợt 2 năm 2026', star3: 0, star4: 1, star5: 1, notRecognised: 0 }],
  expiring: [cert],
  reminders: [cert]
}

function client(handler: (method: string, input: unknown) => unknown): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      const v = handler(method, input)
      return v instanceof Error ? { ok: false, error: { code: 'CONFLICT', message: v.message } } : { ok: true, value: v }
    }) as ApiClient['call']
  }
}

describe('dashboard', () => {
  it('shows totals, charts and the re-evaluation reminders with their window', async () => {
    const c = client(() => dashboard)
    render(<DashboardPage />, { client: c })
    await screen.findByTestId('total-products')
    expect(screen.getByTestId('total-products').textContent).toContain('12')
    expect(screen.getByTestId('chart-stars').getAttribute('data-total')).toBe('1')
    expect(screen.getByTestId('chart-round').getAttribute('data-total')).toBe('2')
    expect(screen.getByText('Nhắc đánh giá lại (1)')).toBeTruthy()
    const rows = screen.getAllByTestId('certificate-table')[0]!.querySelectorAll('tbody tr')
    expect(rows[0]!.getAttribute('data-phase')).toBe('open')
    expect(within(rows[0] as HTMLElement).getByText('Đang trong thời hạn nộp')).toBeTruthy()
    expect(c.calls[0]).toEqual(['reports.dashboard', { withinDays: 180, reminderLeadDays: 30 }])
  })
})

describe('revocation form', () => {
  it('validates inline, then sends the Điều 8 ground and downloads the decision', async () => {
    const done = vi.fn()
    const c = client((m) => (m === 'certificates.revoke' ? { id: 3 } : m === 'certificates.revocationFile' ? new Error('Tệp quyết định thu hồi không còn trong thư mục dữ liệu') : null))
    const { user } = render(<RevokeForm cert={cert} onDone={done} />, { client: c })
    await user.click(screen.getByRole('button', { name: 'Lập quyết định thu hồi' }))
    expect(screen.getByText('Chọn căn cứ thu hồi')).toBeTruthy()
    expect(c.calls).toHaveLength(0)
    await user.click(screen.getAllByLabelText('Căn cứ thu hồi (khoản 1 Điều 8)')[0]!)
    await user.click(await screen.findByText(/^đ\) Chủ thể OCOP không còn hoạt động/))
    await user.type(screen.getByLabelText('Nội dung vi phạm, lý do cụ thể'), 'Ngừng sản xuất')
    await user.type(screen.getByLabelText('Văn bản kết luận hoặc xác nhận'), 'Văn bản số 45/UBND-KT')
    await user.type(screen.getByLabelText('Ngày của văn bản kết luận'), '01/04/2027')
    await user.type(screen.getByLabelText('Ngày quyết định thu hồi'), '01032027')
    await user.type(screen.getByLabelText('Họ tên người ký'), 'Nguyễn Văn Bình')
    await user.click(screen.getByRole('button', { name: 'Lập quyết định thu hồi' }))
    expect(screen.getByText('Ngày quyết định không được trước ngày kết luận')).toBeTruthy()
    await user.clear(screen.getByLabelText('Ngày quyết định thu hồi'))
    await user.type(screen.getByLabelText('Ngày quyết định thu hồi'), '10/04/2027')
    await user.click(screen.getByRole('button', { name: 'Lập quyết định thu hồi' }))
    await waitFor(() => expect(c.calls.map((x) => x[0])).toEqual(['certificates.revoke', 'certificates.revocationFile']))
    expect(c.calls[0]![1]).toMatchObject({ certificateId: 7, ground: 'dd', decidedOn: '2027-04-10', signerTitle: 'Phó Chủ tịch' })
    expect(await screen.findByText('Tệp quyết định thu hồi không còn trong thư mục dữ liệu')).toBeTruthy()
    expect(done).not.toHaveBeenCalled()
  })
})
