// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { DashboardPage } from '../../src-renderer/features/dashboard/DashboardPage'
import { CertificatesPanel } from '../../src-renderer/features/reports/CertificatesPanel'
import { RevokeForm } from '../../src-renderer/features/reports/RevokeForm'
import type { Certificate, Dashboard } from '../../src-main/shared/contract'
import { render, screen, waitFor, within } from '../utils/render'

const cert: Certificate = {
  id: 7,
  productId: 1,
  sessionId: 3,
  productCode: '68-24778-2026-1',
  productName: 'Trà Ô long Cầu Đất',
  producerName: 'Hợp tác xã Chè Cầu Đất',
  communeCode: '24778',
  communeName: 'Phường Lâm Viên - Đà Lạt',
  stars: 4,
  number: '01/GCN-OCOP',
  decisionNo: '120/QĐ-UBND',
  decisionDate: '2026-12-01',
  issuedYear: 2026,
  expiryPrinted: false,
  recorded: false,
  issuingAuthority: '',
  sourceNote: '',
  issuedOn: '2026-12-01',
  expiryDate: '2029-12-01',
  state: 'valid',
  daysLeft: 174,
  window: { opens: '2029-06-04', closes: '2029-08-03', phase: 'open' },
  revocationId: null,
  replacedBy: null
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

/** The dashboard page also asks for the year's inspections (its own card): an empty year. */
const noInspections = { year: 2026, planned: 0, plannedDone: 0, inspections: 0, adHoc: 0, findings: [], outcomes: { 'no-action': 0, recommendations: 0, 'revocation-proposed': 0 }, overdue: [] }
const dashboardOr = (value: unknown) => (method: string) => (method === 'inspections.summary' ? noInspections : value)

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
    const c = client(dashboardOr(dashboard))
    render(<DashboardPage />, { client: c })
    await screen.findByTestId('total-products')
    expect(screen.getByTestId('total-products').textContent).toContain('12')
    expect(screen.getByTestId('chart-stars').getAttribute('data-total')).toBe('1')
    expect(screen.getByTestId('chart-round').getAttribute('data-total')).toBe('2')
    expect(screen.getByText('Nhắc đánh giá lại (1)')).toBeTruthy()
    const rows = screen.getAllByTestId('certificate-table')[0]!.querySelectorAll('tbody tr')
    expect(rows[0]!.getAttribute('data-phase')).toBe('open')
    expect(within(rows[0] as HTMLElement).getByText('Đang trong thời hạn nộp')).toBeTruthy()
    // The first-run check (FirstRunRedirect) asks too; the dashboard's own query is the one with the window.
    expect(c.calls.find(([m]) => m === 'reports.dashboard')).toEqual(['reports.dashboard', { withinDays: 180, reminderLeadDays: 30 }])
  })

  it('gives every chart a table of its numbers, says when the commune chart shows only the first communes, and writes dates dd/mm/yyyy', async () => {
    const communes = Array.from({ length: 18 }, (_, i) => ({ key: String(i), label: `Xã ${i + 1}`, count: 1200 - i }))
    render(<DashboardPage />, { client: client(dashboardOr({ ...dashboard, byCommune: communes })) })
    await screen.findByTestId('chart-commune')
    expect(screen.getByTestId('chart-commune-note')).toHaveTextContent('15 trên 18 xã, phường')
    const table = screen.getByTestId('chart-commune-table')
    expect(table.querySelectorAll('tbody tr')).toHaveLength(15)
    expect(within(table).getByText('1.200')).toBeTruthy()
    expect(within(screen.getByTestId('chart-sector-table')).getByText('Thực phẩm')).toBeTruthy()
    expect(screen.getAllByText('01/12/2029').length).toBeGreaterThan(0)
  })

  it('says there is nothing to remind, not that there is no certificate, when certificates exist but none is due', async () => {
    render(<DashboardPage />, { client: client(dashboardOr({ ...dashboard, reminders: [], totals: { ...dashboard.totals, reminders: 0 } })) })
    expect(await screen.findByText('Hiện không có giấy chứng nhận nào đến kỳ nhắc đánh giá lại.')).toBeTruthy()
    expect(screen.queryByText('Chưa có giấy chứng nhận nào')).toBeNull()
  })
})

describe('issuing certificates', () => {
  it('asks for confirmation with the decision and its dates before anything is issued', async () => {
    const session = { id: 3, status: 'finalized', roundName: 'Đợt 2 năm 2026', date: '2026-11-20' }
    const c = client((m) => (m === 'sessions.list' ? [session] : m === 'certificates.list' ? [] : m === 'certificates.issue' ? [cert] : null))
    const { user } = render(<CertificatesPanel />, { client: c })
    await user.click(await screen.findByRole('textbox', { name: 'Phiên họp đã chốt kết quả' }))
    await user.click(await screen.findByRole('option', { name: 'Đợt 2 năm 2026 — 20/11/2026' }))
    await user.type(screen.getByLabelText('Số quyết định công nhận'), '120/QĐ-UBND')
    await user.type(screen.getByLabelText(/Ngày quyết định/), '01122026')
    await user.type(screen.getByLabelText(/Ngày cấp/), '02/12/2026')
    await user.click(screen.getByRole('button', { name: 'Cấp giấy chứng nhận' }))
    const confirm = await screen.findByTestId('issue-confirm')
    expect(confirm).toHaveTextContent('Quyết định số 120/QĐ-UBND ngày 01/12/2026, ngày cấp 02/12/2026')
    expect(c.calls.some(([m]) => m === 'certificates.issue')).toBe(false)
    await user.click(screen.getByTestId('issue-confirm-ok'))
    await waitFor(() => expect(c.calls.find(([m]) => m === 'certificates.issue')?.[1]).toEqual({ sessionId: 3, decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-02' }))
  })
})

describe('certificates from a session (its "what next" link)', () => {
  const session = { id: 3, status: 'finalized', roundName: 'Đợt 2 năm 2026', date: '2026-11-20' }
  const decision = { kind: 'decision', productId: null, number: '120/QĐ-UBND', date: '2026-12-01', settingsVersion: 1, issuedAt: '2026-12-01T02:00:00Z' }

  it('prefills the decision number and date from the register and prints a certificate from its row', async () => {
    const recorded = { ...cert, id: 8, sessionId: null, recorded: true, number: '15/GCN-OCOP' }
    const c = client((m) =>
      m === 'sessions.list' ? [session] : m === 'certificates.list' ? [cert, recorded] : m === 'documents.issues' ? [decision] : m === 'app.info' ? { mode: 'desktop' } : m === 'documents.forSession' ? { id: 41 } : m === 'documents.openInViewer' ? { opened: true } : null
    )
    const { user } = render(<CertificatesPanel sessionId={3} />, { client: c })
    await waitFor(() => expect(screen.getByLabelText(/Số quyết định công nhận/)).toHaveValue('120/QĐ-UBND'))
    expect(screen.getByLabelText(/Ngày quyết định/)).toHaveValue('01/12/2026')
    expect(screen.getByText('Theo sổ văn bản (quyết định đã ban hành)')).toBeTruthy()
    expect(c.calls.find(([m]) => m === 'documents.issues')?.[1]).toEqual({ sessionId: 3 })
    // A recorded certificate (paper, no session) has no file to print; the session's one prints its own PDF.
    expect(screen.queryByTestId('cert-print-8')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'In giấy chứng nhận số 01/GCN-OCOP' }))
    await waitFor(() => expect(c.calls.find(([m]) => m === 'documents.openInViewer')?.[1]).toEqual({ id: 41 }))
    expect(c.calls.find(([m]) => m === 'documents.forSession')?.[1]).toEqual({ sessionId: 3, kind: 'certificate', format: 'pdf', productId: 1 })
  })

  it('points to the Văn bản tab while the session has no issued decision', async () => {
    const c = client((m) => (m === 'sessions.list' ? [session] : m === 'certificates.list' ? [] : m === 'documents.issues' ? [] : null))
    render(<CertificatesPanel sessionId={3} />, { client: c })
    const alert = await screen.findByTestId('issue-no-decision')
    expect(within(alert).getByRole('link', { name: 'Ban hành ở thẻ Văn bản của phiên' })).toHaveAttribute('href', '#/rounds/3/documents')
    expect(screen.getByLabelText(/Số quyết định công nhận/)).toHaveValue('')
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
