// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../src-renderer/api/client'
import { WrittenOpinionsTab } from '../../../src-renderer/features/sessions/WrittenOpinionsTab'
import { render, screen, waitFor, within } from '../../utils/render'

const row = (productId: number, name: string, o: { submitted: number; stars: number[]; spread: number | null; agree: boolean; meetingNeeded: boolean }) => ({
  productId, code: `68-24778-00${productId}-2026`, name, expected: 3, ...o
})

function client(initialMode: 'meeting' | 'written-opinions', fail?: string): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  let mode = initialMode
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      if (method === 'reevaluation.setMode') {
        if (fail) return { ok: false, error: { code: 'FINALIZED', message: fail } }
        mode = (input as { mode: typeof mode }).mode
        return { ok: true, value: { sessionId: 4, mode } }
      }
      return {
        ok: true,
        value: {
          sessionId: 4,
          mode,
          products: [
            row(1, 'Trà Ô long', { submitted: 3, stars: [4], spread: 2.5, agree: true, meetingNeeded: false }),
            row(2, 'Cà phê', { submitted: 3, stars: [3, 4], spread: 6, agree: false, meetingNeeded: true }),
            row(3, 'Mật ong', { submitted: 3, stars: [4], spread: 12, agree: false, meetingNeeded: true }),
            row(4, 'Miến dong', { submitted: 1, stars: [4], spread: 0, agree: true, meetingNeeded: false })
          ]
        }
      }
    }) as ApiClient['call']
  }
}

describe('written opinions tab', () => {
  it('switches the session to written opinions and says which products need a meeting and why', async () => {
    const c = client('meeting')
    const { user } = render(<WrittenOpinionsTab sessionId={4} finalized={false} />, { client: c })
    expect((await screen.findByTestId('opinions-tab')).getAttribute('data-mode')).toBe('meeting')
    expect(screen.queryByTestId('opinions-table')).toBeNull()
    await user.click(screen.getByText('Lấy ý kiến bằng văn bản'))
    await waitFor(() => expect(screen.getByTestId('opinions-tab').getAttribute('data-mode')).toBe('written-opinions'))
    expect(c.calls).toContainEqual(['reevaluation.setMode', { sessionId: 4, mode: 'written-opinions' }])
    expect(screen.getByTestId('opinions-summary').textContent).toBe('Cần họp trực tiếp để thống nhất 2 sản phẩm')
    const rows = screen.getByTestId('opinions-table').querySelectorAll('tbody tr')
    expect([...rows].map((r) => r.getAttribute('data-verdict'))).toEqual(['agree', 'bands', 'spread', 'waiting'])
    expect(within(rows[0] as HTMLElement).getByText('Thống nhất')).toBeTruthy()
    expect(within(rows[1] as HTMLElement).getByText('Cần họp')).toBeTruthy()
    expect(within(rows[1] as HTMLElement).getByText('Ý kiến khác hạng sao: 3★, 4★')).toBeTruthy()
    expect(within(rows[2] as HTMLElement).getByText('Chênh lệch 12 điểm vượt mức của Quy chế')).toBeTruthy()
    expect(within(rows[3] as HTMLElement).getByText('Còn thiếu 2 phiếu')).toBeTruthy()
    expect(within(rows[3] as HTMLElement).getByText('1/3')).toBeTruthy()
  })

  it('shows the refusal when the mode cannot change', async () => {
    const c = client('written-opinions', 'Phiên họp đã chốt kết quả, không đổi được hình thức đánh giá')
    const { user } = render(<WrittenOpinionsTab sessionId={4} finalized={false} />, { client: c })
    await screen.findByTestId('opinions-table')
    await user.click(screen.getByText('Họp trực tiếp'))
    expect((await screen.findByTestId('opinions-error')).textContent).toBe('Phiên họp đã chốt kết quả, không đổi được hình thức đánh giá')
  })
})
