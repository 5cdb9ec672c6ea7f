// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { AdvicePanel } from '../../src-renderer/features/advice/AdvicePanel'
import type { ProductAdvice } from '../../src-main/shared/api/advice'
import { render, screen, waitFor, within } from '../utils/render'

const change = (code: string, feasible: boolean) => ({
  criterionCode: code,
  criterionText: `Nội dung tiêu chí ${code}`,
  currentOptionId: `${code}.a`,
  currentOptionText: 'Chưa có',
  currentMeanPoints: 1,
  targetOptionId: `${code}.c`,
  targetOptionText: 'Có đầy đủ',
  targetPoints: 3,
  meanGain: 2,
  satisfiesMarkers: code === '2.1' ? ([4] as Array<3 | 4 | 5>) : [],
  feasible
})

function client(): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  return {
    calls,
    call: (async (method: string, input: { feasible: string[] }) => {
      // The letter's status (AdvicePanel → OfficeDocumentActions): a draft, the register's next number.
      if (method === 'officeDocuments.status') return { ok: true, value: { symbol: 'SNNMT-OCOP', next: 4, assigned: null, date: null } }
      calls.push([method, input])
      const value: ProductAdvice = {
        sessionId: 3,
        productId: 7,
        productName: 'Trà Ô long Cầu Đất',
        setNo: 6,
        setName: 'Chè', sector: 'Thực phẩm',
        stars: 3,
        mean: 66,
        target: 4,
        message: null,
        plan: { meanBefore: 66, meanAfter: 70, changes: [change('2.1', input.feasible.includes('2.1')), change('5.3', input.feasible.includes('5.3'))] }
      }
      return { ok: true, value }
    }) as ApiClient['call']
  }
}

describe('improvement advice panel', () => {
  it('shows the plan with option texts, points and markers, and recomputes with the criteria ticked feasible', async () => {
    const c = client()
    const { user } = render(<AdvicePanel sessionId={3} productId={7} />, { client: c })
    const table = await screen.findByTestId('advice-table')
    expect(screen.getByTestId('advice-summary').textContent).toBe(
      'Hội đồng xếp hạng 3 sao. Để đạt 4 sao cần cải thiện ít nhất 2 tiêu chí: điểm trung bình từ 66,00 lên 70,00, đồng thời đạt mọi yêu cầu tối thiểu (dấu sao) của hạng 4 sao.'
    )
    const row = within(table).getAllByRole('row').find((r) => r.getAttribute('data-criterion') === '2.1')!
    expect(row.textContent).toContain('Chưa có')
    expect(row.textContent).toContain('Có đầy đủ')
    expect(row.textContent).toContain('+2,00')
    expect(row.textContent).toContain('4 sao')
    expect(c.calls[0]).toEqual(['advice.product', { sessionId: 3, productId: 7, feasible: [] }])
    // The Phiếu góp ý to the producer: PDF, DOCX and "Cấp số" (a draft until issued).
    expect(await screen.findByTestId('advice-letter-7-issue')).toBeTruthy()
    expect(screen.getByTestId('advice-letter-7-pdf').textContent).toBe('In/Tải PDF')
    expect(screen.getByTestId('advice-letter-7-docx').textContent).toBe('Tải DOCX')
    await user.click(screen.getByRole('checkbox', { name: 'Hội đồng đánh giá tiêu chí 5.3 có thể cải thiện sớm' }))
    await waitFor(() => expect(c.calls.at(-1)).toEqual(['advice.product', { sessionId: 3, productId: 7, feasible: ['5.3'] }]))
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Hội đồng đánh giá tiêu chí 5.3 có thể cải thiện sớm' }) as HTMLInputElement).checked).toBe(true))
  })

  it('says why there is no plan', async () => {
    const c: ApiClient = {
      call: (async () => ({
        ok: true,
        value: { sessionId: 3, productId: 7, productName: 'Mật ong', setNo: 1, setName: 'x', sector: 'Thực phẩm', stars: 0, mean: 80, target: null, plan: null, message: 'Sản phẩm bị loại hoặc dừng đánh giá theo điểm liệt: không đề xuất cải thiện theo điểm' }
      })) as ApiClient['call']
    }
    render(<AdvicePanel sessionId={3} productId={7} />, { client: c })
    expect((await screen.findByTestId('advice-none')).textContent).toContain('không đề xuất cải thiện theo điểm')
  })
})

describe('criteria blocking the next star (province view)', () => {
  it('lists the criteria with their counts and refetches with the chosen filters', async () => {
    const { BlockingPanel } = await import('../../src-renderer/features/advice/BlockingPanel')
    const calls: Array<[string, unknown]> = []
    const values: Record<string, unknown> = {
      'rounds.list': { rounds: [{ id: 4, year: 2026, name: 'Đợt 2 năm 2026', deadline: '2026-12-15', createdAt: '', sessionCount: 1 }], warnings: [] },
      'criteria.list': [{ id: 'QD26-2026-06', no: 6, name: 'Chè', sector: 'Thực phẩm' }, { id: 'QD26-2026-20', no: 20, name: 'Dược liệu', sector: 'Dược liệu' }],
      'settings.getProvince': { provinceCode: null, bodyName: '', advisoryBody: '', placeName: '' },
      'advice.blocking': {
        considered: 5,
        withPlan: 4,
        criteria: [{ setNo: 6, setName: 'Chè', sector: 'Thực phẩm', criterionCode: '2.1', criterionText: 'Tiêu chuẩn sản phẩm', products: 3, markerBlocked: 2, productNames: ['Trà A', 'Trà B', 'Trà C'] }]
      }
    }
    const c: ApiClient = {
      call: (async (method: string, input: unknown) => {
        calls.push([method, input])
        return { ok: true, value: values[method] }
      }) as ApiClient['call']
    }
    const { user } = render(<BlockingPanel />, { client: c })
    expect((await screen.findByTestId('blocking-summary')).textContent).toBe('Đã xét 5 sản phẩm, 4 sản phẩm có đề xuất lên hạng.')
    const row = within(screen.getByTestId('blocking-table')).getAllByRole('row').find((r) => r.getAttribute('data-criterion') === '6:2.1')!
    expect(row.textContent).toContain('Tiêu chuẩn sản phẩm')
    expect(row.textContent).toContain('Trà A; Trà B; Trà C')
    await user.click(screen.getByRole('textbox', { name: 'Ngành' }))
    await user.click(await screen.findByRole('option', { name: 'Dược liệu' }))
    await waitFor(() => expect(calls.filter(([m]) => m === 'advice.blocking').at(-1)).toEqual(['advice.blocking', { sector: 'Dược liệu' }]))
    await user.click(screen.getByRole('textbox', { name: 'Đợt đánh giá' }))
    await user.click(await screen.findByRole('option', { name: 'Đợt 2 năm 2026' }))
    await waitFor(() => expect(calls.filter(([m]) => m === 'advice.blocking').at(-1)).toEqual(['advice.blocking', { roundId: 4, sector: 'Dược liệu' }]))
  })
})

describe('previous evaluation beside the review', () => {
  it('shows the previous result, the certificate and marks the criteria that moved', async () => {
    const { PreviousEvaluation } = await import('../../src-renderer/features/advice/PreviousEvaluation')
    const c: ApiClient = {
      call: (async () => ({
        ok: true,
        value: {
          productId: 7,
          previous: {
            source: 'app',
            sessionId: 2,
            date: '2026-11-20',
            stars: 3,
            mean: 66.5,
            parts: { A: 27, B: 16.5, C: 23 },
            certificate: { number: '04/GCN-OCOP', issuedOn: '2026-12-01', expiryDate: '2029-12-01', stars: 3, status: 'valid' },
            criteria: [
              { criterionCode: '1.1', optionId: '1.1.a', optionText: 'Nguyên liệu mua ngoài', points: 1, meanPoints: 1, spread: 0 },
              { criterionCode: '1.2', optionId: '1.2.b', optionText: 'Có hợp đồng', points: 2, meanPoints: 2.5, spread: 1 }
            ]
          },
          moved: [{ criterionCode: '1.1', previousOptionId: '1.1.a', currentOptionId: '1.1.d', steps: 3 }]
        }
      })) as ApiClient['call']
    }
    render(<PreviousEvaluation sessionId={5} productId={7} />, { client: c })
    const box = await screen.findByTestId('previous-evaluation')
    expect(box.textContent).toContain('Lần đánh giá trước (phiên họp ngày 20/11/2026): 3 sao, điểm trung bình 66,50')
    expect(box.textContent).toContain('Giấy chứng nhận số 04/GCN-OCOP cấp ngày 01/12/2026, hiệu lực đến 01/12/2029 (3 sao)')
    expect(screen.getByTestId('moved-count').textContent).toBe('1 tiêu chí thay đổi quá một mức so với lần trước')
    const rows = within(screen.getByTestId('previous-criteria')).getAllByRole('row')
    expect(rows.find((r) => r.getAttribute('data-criterion') === '1.1')!.getAttribute('data-moved')).toBe('true')
    expect(rows.find((r) => r.getAttribute('data-criterion') === '1.1')!.textContent).toContain('Thay đổi +3 mức')
    expect(rows.find((r) => r.getAttribute('data-criterion') === '1.2')!.getAttribute('data-moved')).toBeNull()
  })

  it('renders nothing for a first evaluation', async () => {
    const { PreviousEvaluation } = await import('../../src-renderer/features/advice/PreviousEvaluation')
    const c: ApiClient = { call: (async () => ({ ok: true, value: { productId: 7, previous: null, moved: [] } })) as ApiClient['call'] }
    const { container } = render(<PreviousEvaluation sessionId={5} productId={7} />, { client: c })
    await new Promise((r) => setTimeout(r, 50))
    expect(container.querySelector('[data-testid="previous-evaluation"]')).toBeNull()
  })
})
