// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { PlanTab } from '../../src-renderer/features/inspections/PlanTab'
import { RecordForm } from '../../src-renderer/features/inspections/RecordForm'
import { INSPECTION_ITEM_CODES } from '../../src-main/shared/inspection'
import { render, screen, waitFor, within } from '../utils/render'

Element.prototype.scrollIntoView = vi.fn()

/** Pastes instead of typing key by key: the same change events, far fewer renders on a busy machine. */
async function fill(user: { click: (e: Element) => Promise<void>; paste: (t: string) => Promise<void> }, el: Element, text: string) {
  await user.click(el)
  await user.paste(text)
}

function fake(values: Record<string, unknown>): ApiClient & { calls: Array<[string, any]> } {
  const calls: Array<[string, any]> = []
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      const v = values[method]
      return typeof v === 'function' ? (v as (i: unknown) => unknown)(input) : { ok: true, value: v }
    }) as ApiClient['call']
  }
}

describe('inspection record form', { timeout: 60_000 }, () => {
  it('shows the domain rules inline, sends nothing until coherent, then records the findings', async () => {
    const onDone = vi.fn()
    const c = fake({ 'inspections.record': (i: any) => ({ ok: true, value: { id: 11, ...i } }) })
    const { user } = render(<RecordForm target={{ productId: 7, planId: 3, followUpOf: null }} onDone={onDone} onCancel={() => undefined} />, { client: c })
    await user.click(screen.getByRole('button', { name: 'Lưu biên bản' }))
    expect(screen.getByText('Ghi thành phần đoàn kiểm tra')).toBeTruthy()
    expect(c.calls.some(([m]) => m === 'inspections.record')).toBe(false)

    await fill(user, screen.getByTestId('inspected-on'), '15/04/2027')
    await fill(user, screen.getByRole('textbox', { name: 'Thành phần đoàn kiểm tra' }), 'Sở Nông nghiệp và Môi trường')
    const row = within(screen.getByTestId('findings')).getAllByRole('row').find((r) => r.getAttribute('data-item') === 'quality-standard')!
    await user.click(within(row).getByText('Không đạt'))
    await user.click(screen.getByRole('button', { name: 'Lưu biên bản' }))
    expect(screen.getByText('Ghi rõ nội dung không đạt')).toBeTruthy()
    expect(screen.getByText('Có nội dung không đạt: phải có khuyến nghị khắc phục hoặc đề nghị thu hồi')).toBeTruthy()

    await fill(user, screen.getByRole('textbox', { name: /Ghi chú: Tiêu chuẩn chất lượng/ }), 'Phiếu kiểm nghiệm hết hạn')
    await user.click(screen.getByRole('radio', { name: 'Có khuyến nghị khắc phục, thời hạn và kiểm tra lại' }))
    await fill(user, screen.getByRole('textbox', { name: 'Nội dung khuyến nghị khắc phục' }), 'Kiểm nghiệm lại')
    await fill(user, screen.getByTestId('deadline'), '10042027')
    await user.click(screen.getByRole('button', { name: 'Lưu biên bản' }))
    expect(screen.getByText('Thời hạn khắc phục phải sau ngày kiểm tra')).toBeTruthy()
    await user.clear(screen.getByTestId('deadline'))
    await fill(user, screen.getByTestId('deadline'), '15/05/2027')
    await user.click(screen.getByRole('button', { name: 'Lưu biên bản' }))
    await waitFor(() => expect(onDone).toHaveBeenCalled())
    const sent = c.calls.find(([m]) => m === 'inspections.record')![1]
    expect(sent).toMatchObject({ productId: 7, planId: 3, kind: 'periodic', inspectedOn: '2027-04-15', outcome: 'recommendations', recommendation: 'Kiểm nghiệm lại', deadline: '2027-05-15', revocationGround: null, followUpOf: null })
    expect(sent.findings.map((f: { item: string }) => f.item)).toEqual(INSPECTION_ITEM_CODES)
    expect(sent.findings[0]).toEqual({ item: 'quality-standard', result: 'fail', note: 'Phiếu kiểm nghiệm hết hạn' })
  })

  it('shows the server refusal', async () => {
    const c = fake({ 'inspections.record': { ok: false, error: { code: 'CONFLICT', message: 'Sản phẩm không có trong kế hoạch kiểm tra đã chọn' } } })
    c.call = (async (m: string, i: unknown) => {
      c.calls.push([m, i])
      return { ok: false, error: { code: 'CONFLICT', message: 'Sản phẩm không có trong kế hoạch kiểm tra đã chọn' } }
    }) as ApiClient['call']
    const { user } = render(<RecordForm target={{ productId: 7, planId: 3, followUpOf: null }} onDone={() => undefined} onCancel={() => undefined} />, { client: c })
    await fill(user, screen.getByTestId('inspected-on'), '15/04/2027')
    await fill(user, screen.getByRole('textbox', { name: 'Thành phần đoàn kiểm tra' }), 'Đoàn')
    await user.click(screen.getByRole('button', { name: 'Lưu biên bản' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Sản phẩm không có trong kế hoạch kiểm tra đã chọn')
  })
})

describe('inspection plan tab', () => {
  it('proposes products with their reasons, lets the office drop one, and saves the plan', async () => {
    const c = fake({
      'inspections.plans': [],
      'inspections.propose': [
        { productId: 1, code: 'A', name: 'Trà Ô long', producerName: 'HTX Chè', stars: 4, expiryDate: '2027-11-30', mean: 71.2, lastInspectedOn: null, reasons: ['expiring', 'near-band', 'never-inspected'] },
        { productId: 2, code: 'B', name: 'Cà phê', producerName: 'HTX Cà phê', stars: 3, expiryDate: '2029-01-01', mean: null, lastInspectedOn: null, reasons: ['never-inspected'] }
      ],
      'inspections.createPlan': { id: 5, year: 2027, name: 'x', createdAt: '', updatedAt: '', items: [] }
    })
    const { user } = render(<PlanTab year={2027} />, { client: c })
    expect(await screen.findByText('Chưa có kế hoạch kiểm tra năm 2027.')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Đề xuất danh sách kiểm tra năm 2027' }))
    const table = await screen.findByTestId('plan-candidates')
    expect(within(table).getByText('Giấy chứng nhận hết hạn trong năm kế hoạch')).toBeTruthy()
    expect(within(table).getByText('4★ · hết hạn 30/11/2027')).toBeTruthy()
    await user.click(screen.getByRole('checkbox', { name: 'Đưa Cà phê vào kế hoạch' }))
    await user.click(screen.getByRole('button', { name: 'Lập kế hoạch' }))
    await waitFor(() =>
      expect(c.calls.find(([m]) => m === 'inspections.createPlan')?.[1]).toEqual({
        year: 2027,
        name: 'Kế hoạch kiểm tra sản phẩm OCOP năm 2027',
        items: [{ productId: 1, reasons: ['expiring', 'near-band', 'never-inspected'], note: '' }]
      })
    )
  })
})

describe('periodic report panel', () => {
  it('asks for the first six months, shows the figures and switches to the whole year', async () => {
    const { PeriodicPanel } = await import('../../src-renderer/features/reports/PeriodicPanel')
    const count = (key: string, n: number) => ({ key, count: n })
    const report = {
      period: { from: '2027-01-01', to: '2027-06-30' },
      evaluations: { total: 12, byType: { 'lan-dau': 9, 'nang-hang': 2, 'danh-gia-lai': 1 }, byStars: [count('0', 0), count('3', 7), count('4', 4), count('5', 1)], recognised: 11, proposedFiveStar: 1 },
      certificates: { issued: 11, issuedByStars: [count('3', 7), count('4', 4), count('5', 0)], revoked: 1, expired: 2 },
      portfolio: { valid: 40, byStars: [count('3', 25), count('4', 15), count('5', 0)], bySector: [count('Thực phẩm', 30), count('Đồ uống', 10)], byCommune: [count('Xã Tà Nung', 5)] },
      inspections: { total: 6, adHoc: 2, byOutcome: { 'no-action': 3, recommendations: 2, 'revocation-proposed': 1 }, failedItems: [count('label-mark', 2)] }
    }
    const c = fake({ 'reports.periodic': report })
    const { user } = render(<PeriodicPanel />, { client: c })
    const evaluations = await screen.findByTestId('periodic-evaluations')
    expect(evaluations.textContent).toContain('Sản phẩm được Hội đồng đánh giá, phân hạng12')
    expect(screen.getByTestId('periodic-certificates').textContent).toContain('Không đạt: Nhãn hàng hóa và việc sử dụng nhãn hiệu, biểu trưng OCOP đúng hạng sao được công nhận2')
    const first = c.calls.find(([m]) => m === 'reports.periodic')![1]
    expect(first.to.slice(5)).toBe('06-30')
    await user.click(screen.getByText('Cả năm'))
    await waitFor(() => expect(c.calls.filter(([m]) => m === 'reports.periodic').at(-1)![1].to.slice(5)).toBe('12-31'))
  })

  it('issues the Decree 30 report after confirming the number the register will give', async () => {
    const { PeriodicPanel } = await import('../../src-renderer/features/reports/PeriodicPanel')
    let issued: string | null = null
    const c = fake({
      'reports.periodic': { period: { from: '2027-01-01', to: '2027-06-30' }, evaluations: { total: 0, byType: { 'lan-dau': 0, 'nang-hang': 0, 'danh-gia-lai': 0 }, byStars: [], recognised: 0, proposedFiveStar: 0 }, certificates: { issued: 0, issuedByStars: [], revoked: 0, expired: 0 }, portfolio: { valid: 0, byStars: [], bySector: [], byCommune: [] }, inspections: { total: 0, adHoc: 0, byOutcome: { 'no-action': 0, recommendations: 0, 'revocation-proposed': 0 }, failedItems: [] } },
      'officeDocuments.status': () => ({ ok: true, value: { symbol: 'BC-SNNMT', next: 4, assigned: issued, date: issued ? '2027-06-20' : null } }),
      'officeDocuments.issue': (i: any) => ((issued = '04/BC-SNNMT'), { ok: true, value: { kind: i.ref.kind, scope: `${i.ref.from}..${i.ref.to}`, number: issued, date: '2027-06-20', settingsVersion: 1, issuedAt: '' } })
    })
    const { user } = render(<PeriodicPanel />, { client: c })
    await user.click(await screen.findByTestId('periodic-doc-issue'))
    expect((await screen.findByTestId('periodic-doc-confirm-text')).textContent).toBe('Cấp số cho Báo cáo kết quả thực hiện Chương trình OCOP: 04/BC-SNNMT?')
    await user.click(screen.getByTestId('periodic-doc-confirm'))
    expect((await screen.findByTestId('periodic-doc-number')).textContent).toBe('Số: 04/BC-SNNMT')
    // The report of the period shown (this year's first six months).
    const period = c.calls.find(([m]) => m === 'reports.periodic')![1]
    expect(c.calls.find(([m]) => m === 'officeDocuments.issue')![1]).toEqual({ ref: { kind: 'periodic-report', ...period } })
  })
})
