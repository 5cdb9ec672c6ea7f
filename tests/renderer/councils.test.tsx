// @vitest-environment jsdom
import type { ApiClient } from '../../src-renderer/api/client'
import { CouncilEditor } from '../../src-renderer/features/councils/CouncilEditor'
import { render, screen, waitFor } from '../utils/render'

function recordingClient() {
  const calls: Array<{ method: string; input: any }> = []
  const client: ApiClient = {
    call: (async (method: string, input: any) => {
      calls.push({ method, input })
      if (method === 'councils.create')
        return { ok: true, value: { id: 7, status: 'draft', createdAt: 'x', updatedAt: 'x', council: input, currentVersion: null } }
      return { ok: false, error: { code: 'NOT_FOUND', message: 'x' } }
    }) as ApiClient['call']
  }
  return { client, calls }
}

/** Pasting is one input event instead of one per character: the same code path, a fraction of the time. */
async function fill(user: ReturnType<typeof render>['user'], el: HTMLElement, text: string) {
  await user.clear(el)
  await user.click(el)
  await user.paste(text)
}

describe('CouncilEditor', () => {
  it('edits member rows inline: role select, add, reorder, remove, and shows what activation still needs', async () => {
    const { client } = recordingClient()
    const { user, container } = render(<CouncilEditor council={null} versions={[]} onSaved={() => {}} onBack={() => {}} />, { client })
    const rows = () => container.querySelectorAll('[data-testid="members-table"] tbody tr')
    expect(rows()).toHaveLength(2)
    expect([...rows()].map((r) => r.getAttribute('data-role'))).toEqual(['chair', 'secretary'])

    await user.click(screen.getByRole('button', { name: 'Thêm thành viên' }))
    expect(rows()).toHaveLength(3)
    await user.selectOptions(screen.getByLabelText('Vai trò 3'), 'vice_chair')
    expect(rows()[2]!.getAttribute('data-role')).toBe('vice_chair')
    await user.click(screen.getByLabelText('Chuyển lên 3'))
    expect([...rows()].map((r) => r.getAttribute('data-role'))).toEqual(['chair', 'vice_chair', 'secretary'])
    await user.click(screen.getByLabelText('Xóa dòng 3'))
    expect([...rows()].map((r) => r.getAttribute('data-role'))).toEqual(['chair', 'vice_chair'])

    await fill(user, screen.getByLabelText('Email 1'), 'sai-email')
    await user.tab()
    expect(await screen.findByText('Email không hợp lệ')).toBeInTheDocument()
    expect(rows()[0]!.getAttribute('data-invalid')).toBe('true')
    await user.clear(screen.getByLabelText('Email 1'))
    await user.tab()
    await waitFor(() => expect(rows()[0]!.getAttribute('data-invalid')).toBeNull())
  })

  it('refuses to save with errors, then saves a valid draft and explains the activation rules in Vietnamese', { timeout: 60000 }, async () => {
    const { client, calls } = recordingClient()
    const saved: number[] = []
    const { user, container } = render(<CouncilEditor council={null} versions={[]} onSaved={(c) => saved.push(c.id)} onBack={() => {}} />, { client })
    // An empty form is not "ready to activate": it says what is missing.
    expect(screen.getByTestId('council-readiness')).toHaveAttribute('data-ready', 'false')
    expect(screen.getByTestId('council-readiness')).toHaveTextContent('Chưa đủ thông tin')
    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }))
    expect(await screen.findByTestId('council-message')).toHaveTextContent('Hãy sửa các ô báo lỗi')
    expect(calls).toHaveLength(0)
    // The first field in error, not the button at the bottom, has the focus.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/Tên hội đồng/)))

    await fill(user, screen.getByLabelText(/Tên hội đồng/), 'Hội đồng OCOP tỉnh 2026')
    await fill(user, screen.getByLabelText(/Số quyết định/), '12/QĐ-UBND')
    await fill(user, screen.getByLabelText(/Ngày ký/), '20062026')
    await fill(user, screen.getByLabelText(/Người ký/), 'Nguyễn Văn Ánh')
    await fill(user, screen.getByLabelText(/Chức vụ người ký/), 'Chủ tịch UBND tỉnh')
    await fill(user, screen.getByLabelText(/Nhiệm kỳ từ ngày/), '01/07/2026')
    await fill(user, screen.getByLabelText('Họ và tên 1'), 'Trần Văn Chủ')
    await fill(user, screen.getByLabelText('Họ và tên 2'), 'Lê Thị Thư')
    await fill(user, screen.getByLabelText('Họ và tên 1'), 'Trần Văn Chủ Tịch')
    const tt = container.querySelectorAll('[data-testid="advisory-table"] tbody tr')
    expect(tt).toHaveLength(1)
    await fill(user, screen.getByLabelText('Tổ tư vấn – Họ và tên 1'), 'Phạm Tổ Trưởng')

    const readiness = screen.getByTestId('council-readiness')
    expect(readiness).toHaveAttribute('data-ready', 'false')
    expect(readiness).toHaveTextContent('cần ít nhất 3 thành viên chấm điểm (đang có 1)')
    expect(screen.getByText('Chênh lệch điểm tối đa giữa các thành viên')).toBeInTheDocument()
    expect(screen.getByText(/Thư ký ghi biên bản, không chấm phiếu/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Lưu bản nháp' }))
    await waitFor(() => expect(saved).toEqual([7]))
    const create = calls.find((c) => c.method === 'councils.create')!
    expect(create.input.members.map((m: any) => m.fullName)).toEqual(['Trần Văn Chủ Tịch', 'Lê Thị Thư'])
    expect(create.input.periodTo).toBeNull()
    expect(create.input.quyChe.quorum).toEqual({ numerator: 3, denominator: 4 })
  })
})
