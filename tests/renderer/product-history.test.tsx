// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { ExportInfoForm } from '../../src-renderer/features/products/ExportInfoForm'
import { ProductCertificates, ProductEvaluations } from '../../src-renderer/features/products/ProductRecord'
import { render, screen, waitFor, within } from '../utils/render'

function client(values: Record<string, unknown>): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      const v = values[method]
      return v instanceof Error ? { ok: false, error: { code: 'VALIDATION', message: v.message } } : { ok: true, value: v }
    }) as ApiClient['call']
  }
}

const cert = (id: number, productId: number, state: string) => ({
  id, productId, productCode: 'X', productName: 'Y', producerName: 'Z', communeCode: '1', communeName: 'C', stars: 4, number: `0${id}/GCN-OCOP`,
  decisionNo: '120/QĐ-UBND', decisionDate: '2026-12-01', issuedOn: '2026-12-01', expiryDate: '2029-12-01', state, daysLeft: 900,
  window: { opens: '2029-06-04', closes: '2029-08-03', phase: 'before' }, revocationId: null, replacedBy: null as null | { id: number; number: string; decisionNo: string; on: string }
})

describe('product export information', () => {
  it('loads the saved values, validates year and revenue together inline, and saves', async () => {
    const c = client({ 'products.exportInfo': { productId: 3, annualRevenue: null, revenueYear: null, story: 'Chè Cầu Đất', updatedAt: null }, 'exports.setProductInfo': { productId: 3 } })
    const { user } = render(<ExportInfoForm productId={3} />, { client: c })
    await waitFor(() => expect(screen.getByTestId('export-info-form').getAttribute('data-loaded')).toBe('true'))
    await waitFor(() => expect((screen.getByLabelText('Câu chuyện sản phẩm') as HTMLTextAreaElement).value).toBe('Chè Cầu Đất'))
    await user.type(screen.getByLabelText('Doanh thu năm (đồng)'), '1250000000')
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }))
    expect(screen.getByText('Nhập năm của doanh thu')).toBeTruthy()
    await user.type(screen.getByLabelText('Năm doanh thu'), '1999')
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }))
    expect(screen.getByText(/^Năm từ 2000 đến \d{4}$/)).toBeTruthy()
    expect(c.calls.map((x) => x[0])).toEqual(['products.exportInfo'])
    await user.clear(screen.getByLabelText('Năm doanh thu'))
    await user.type(screen.getByLabelText('Năm doanh thu'), '2025')
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }))
    await waitFor(() => expect(c.calls.find((x) => x[0] === 'exports.setProductInfo')?.[1]).toEqual({ productId: 3, revenueYear: 2025, annualRevenue: 1250000000, story: 'Chè Cầu Đất' }))
    expect(await screen.findByText('Đã lưu doanh thu và câu chuyện sản phẩm')).toBeTruthy()
  })

  it('shows the server refusal', async () => {
    const c = client({ 'products.exportInfo': { productId: 3, annualRevenue: 5, revenueYear: 2025, story: '', updatedAt: '2026-01-01' }, 'exports.setProductInfo': new Error('Không tìm thấy sản phẩm') })
    const { user } = render(<ExportInfoForm productId={3} />, { client: c })
    await waitFor(() => expect(screen.getByTestId('export-info-form').getAttribute('data-loaded')).toBe('true'))
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin xuất dữ liệu' }))
    expect(await screen.findByText('Không tìm thấy sản phẩm')).toBeTruthy()
  })
})

describe('product history', () => {
  it('lists the sessions with their result and only this product’s certificates', async () => {
    const c = client({
      'products.evaluations': [
        { sessionId: 2, roundName: 'Đợt 1 năm 2029', date: '2029-07-01', sessionStatus: 'open', mode: 'written-opinions', stars: null, mean: null, outcome: null, resultStatus: null, finalizedAt: null },
        { sessionId: 1, roundName: 'Đợt 2 năm 2026', date: '2026-11-20', sessionStatus: 'finalized', mode: 'meeting', stars: 4, mean: 82.5, outcome: 'recognised-by-province', resultStatus: 'final', finalizedAt: '2026-11-20T10:00:00Z' }
      ],
      'certificates.list': [cert(1, 3, 'valid'), cert(2, 4, 'valid')]
    })
    render(
      <>
        <ProductEvaluations productId={3} />
        <ProductCertificates productId={3} />
      </>,
      { client: c }
    )
    const table = await screen.findByTestId('product-evaluations')
    const rows = table.querySelectorAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(within(rows[0] as HTMLElement).getByText('Đánh giá lại bằng phiếu lấy ý kiến')).toBeTruthy()
    expect(within(rows[0] as HTMLElement).getByText('Phiên đang họp')).toBeTruthy()
    expect(within(rows[1] as HTMLElement).getByText('82,50')).toBeTruthy()
    expect(within(rows[1] as HTMLElement).getByText('Công nhận cấp tỉnh')).toBeTruthy()
    const certs = await screen.findByTestId('product-certificates')
    expect(certs.getAttribute('data-count')).toBe('1')
    expect(within(certs).getByText('01/GCN-OCOP')).toBeTruthy()
    expect(c.calls).toContainEqual(['products.evaluations', { productId: 3 }])
  })

  it('shows a replaced certificate as "Đã thay thế" with the link to the certificate that replaced it', async () => {
    const successor = cert(8, 3, 'valid')
    const replaced = { ...cert(5, 3, 'replaced'), replacedBy: { id: 8, number: '08/GCN-OCOP', decisionNo: '215/QĐ-UBND', on: '2029-07-25' } }
    const { user } = render(<ProductCertificates productId={3} />, { client: client({ 'certificates.list': [successor, replaced] }) })
    const note = await screen.findByTestId('cert-replaced-by-5')
    expect(note.textContent).toBe('Đã được thay thế bởi Giấy chứng nhận số 08/GCN-OCOP theo Quyết định số 215/QĐ-UBND, từ ngày 25/07/2029')
    const row = note.closest('tr') as HTMLElement
    expect(row.getAttribute('data-state')).toBe('replaced')
    expect(within(row).getByText('Đã thay thế')).toBeTruthy()
    // The link leads to the new certificate's row on the same page.
    await user.click(within(note).getByRole('button', { name: 'Giấy chứng nhận số 08/GCN-OCOP' }))
    expect(document.activeElement?.getAttribute('data-cert-id')).toBe('8')
  })

  it('says when there is nothing yet', async () => {
    render(<><ProductEvaluations productId={3} /><ProductCertificates productId={3} /></>, { client: client({ 'products.evaluations': [], 'certificates.list': [] }) })
    expect(await screen.findByText('Sản phẩm chưa được đưa vào phiên họp nào')).toBeTruthy()
    expect(await screen.findByText('Sản phẩm chưa có giấy chứng nhận')).toBeTruthy()
  })
})

describe('recording a certificate issued before the app', () => {
  it('checks dates inline, sends the year when the date is unknown, shows the refusal, then marks the row as recorded', async () => {
    const recorded = {
      ...cert(9, 3, 'valid'),
      number: '15/GCN-UBND',
      issuedOn: null,
      issuedYear: 2024,
      decisionDate: null,
      recorded: true,
      issuingAuthority: 'UBND huyện Đắk Song (cũ)',
      expiryPrinted: true,
      sourceNote: ''
    }
    let list: unknown[] = []
    const calls: Array<[string, unknown]> = []
    let refuse = true
    const c = {
      calls,
      call: (async (method: string, input: unknown) => {
        calls.push([method, input])
        if (method === 'certificates.list') return { ok: true, value: list }
        if (refuse) {
          refuse = false
          return { ok: false, error: { code: 'VALIDATION', message: 'Không rõ ngày cấp và ngày quyết định: cần ngày hết hạn in trên giấy chứng nhận' } }
        }
        list = [recorded]
        return { ok: true, value: recorded }
      }) as ApiClient['call']
    }
    const { user } = render(<ProductCertificates productId={3} />, { client: c })
    await user.click(await screen.findByTestId('record-certificate-open'))
    await user.type(screen.getByLabelText('Số giấy chứng nhận (như in)'), '15/GCN-UBND')
    await user.type(screen.getByLabelText('Cơ quan cấp'), 'UBND huyện Đắk Song (cũ)')
    await user.type(screen.getByLabelText('Số quyết định công nhận'), '1887/QĐ-UBND')
    await user.type(screen.getByLabelText('Ngày cấp'), '31/02/2024')
    await user.click(screen.getByRole('button', { name: 'Ghi nhận' }))
    expect(screen.getByText('Ngày có dạng dd/mm/yyyy')).toBeTruthy()
    await user.click(screen.getByLabelText('Không rõ ngày cấp (chỉ biết năm)'))
    await user.type(screen.getByLabelText('Năm cấp'), '2024')
    await user.click(screen.getByRole('button', { name: 'Ghi nhận' }))
    expect(await screen.findByTestId('record-error')).toBeTruthy()
    await user.type(screen.getByLabelText('Ngày hết hạn in trên giấy (nếu có)'), '31/12/2027')
    await user.click(screen.getByRole('button', { name: 'Ghi nhận' }))
    await waitFor(() => expect(screen.getByTestId('product-certificates').getAttribute('data-count')).toBe('1'))
    expect(calls.filter((x) => x[0] === 'certificates.record').at(-1)![1]).toEqual({
      productId: 3, stars: 3, numberText: '15/GCN-UBND', issuedOn: null, issuedYear: 2024, issuingAuthority: 'UBND huyện Đắk Song (cũ)',
      decisionNo: '1887/QĐ-UBND', decisionDate: null, printedExpiry: '2027-12-31', sourceNote: ''
    })
    const row = screen.getByTestId('product-certificates').querySelector('[data-recorded="true"]') as HTMLElement
    expect(within(row).getByText('Ghi nhận, không do ứng dụng đánh giá')).toBeTruthy()
    expect(within(row).getByText(/không rõ ngày \(2024\)/)).toBeTruthy()
  })
})
