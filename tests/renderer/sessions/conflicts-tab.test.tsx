// @vitest-environment jsdom
import { ConflictsTab } from '../../../src-renderer/features/sessions/ConflictsTab'
import { render, screen, waitFor, within } from '../../utils/render'
import { fakeClient, session } from './fake'

type Decl = { memberId: number; productId: number; kind: string; text: string; declaredAt: string }

function setup(initial: Decl[] = []) {
  const stored: Decl[] = [...initial]
  const { client, calls } = fakeClient({
    'conflicts.list': () => [...stored],
    'conflicts.declare': (i: any) => {
      const d = { memberId: i.memberId, productId: i.productId, kind: i.kind, text: i.text, declaredAt: 'x' }
      const at = stored.findIndex((s) => s.memberId === i.memberId && s.productId === i.productId)
      if (at >= 0) stored[at] = d
      else stored.push(d)
      return d
    }
  })
  const r = render(<ConflictsTab session={session} />, { client })
  const declares = () => calls.filter((c) => c.method === 'conflicts.declare').map((c) => c.input)
  const cell = (m: number, p: number) => r.container.querySelector(`[data-conflict="${m}:${p}"]`) as HTMLElement
  return { ...r, declares, cell }
}

describe('ConflictsTab (secretary records declarations)', () => {
  it('records "no conflict" from the grid at once, without a form', async () => {
    const { user, declares, cell } = setup()
    const select = await screen.findByLabelText('Khai báo của Lê Thị Bình với Bánh đa nem')
    await user.selectOptions(select, 'none')
    await waitFor(() => expect(cell(2, 11)).toHaveAttribute('data-kind', 'none'))
    expect(declares()).toEqual([{ sessionId: 1, memberId: 2, productId: 11, kind: 'none', text: '' }])
    expect(screen.queryByTestId('conflict-form')).toBeNull()
  })

  it('a conflict opens the inline form; "Lý do khác" needs a reason (Vietnamese message), then it is recorded', async () => {
    const { user, declares, cell } = setup()
    await user.selectOptions(await screen.findByLabelText('Khai báo của Lê Thị Bình với Bánh đa nem'), 'other')
    const form = await screen.findByTestId('conflict-form')
    expect(form).toHaveTextContent('Lê Thị Bình')
    expect(form).toHaveTextContent('Bánh đa nem')
    expect(cell(2, 11)).toHaveAttribute('data-editing', 'true')
    await user.click(within(form).getByTestId('conflict-save'))
    expect(await within(form).findByText('Ghi rõ lý do xung đột lợi ích')).toBeInTheDocument()
    expect(declares()).toEqual([])

    await user.type(within(form).getByLabelText(/Lý do/), '  Là cổ đông sáng lập của hợp tác xã  ')
    await user.click(within(form).getByTestId('conflict-save'))
    await waitFor(() => expect(screen.queryByTestId('conflict-form')).toBeNull())
    expect(declares()).toEqual([{ sessionId: 1, memberId: 2, productId: 11, kind: 'other', text: 'Là cổ đông sáng lập của hợp tác xã' }])
    await waitFor(() => expect(cell(2, 11)).toHaveAttribute('data-kind', 'other'))
    expect(cell(2, 11)).toHaveTextContent('Là cổ đông sáng lập của hợp tác xã')
  })

  it('same commune / family / works-for-or-stake take an optional reason; the kind can be changed in the form', async () => {
    const { user, declares } = setup()
    await user.selectOptions(await screen.findByLabelText('Khai báo của Trần Văn Chủ với Chè Thái'), 'family')
    const form = await screen.findByTestId('conflict-form')
    await user.selectOptions(within(form).getByLabelText(/Loại khai báo/), 'same-commune')
    await user.click(within(form).getByTestId('conflict-save'))
    await waitFor(() => expect(declares()).toEqual([{ sessionId: 1, memberId: 1, productId: 12, kind: 'same-commune', text: '' }]))
  })

  it('edits the reason of a recorded conflict; Hủy closes the form without a call', async () => {
    const { user, declares, cell } = setup([{ memberId: 3, productId: 11, kind: 'works-for-or-stake', text: 'Kế toán của HTX', declaredAt: 'x' }])
    await waitFor(() => expect(cell(3, 11)).toHaveAttribute('data-kind', 'works-for-or-stake'))
    await user.click(screen.getByRole('button', { name: 'Sửa khai báo của Phạm Văn Cường với Bánh đa nem' }))
    let form = await screen.findByTestId('conflict-form')
    expect(within(form).getByLabelText(/Lý do/)).toHaveValue('Kế toán của HTX')
    await user.click(within(form).getByRole('button', { name: 'Hủy' }))
    expect(screen.queryByTestId('conflict-form')).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Sửa khai báo của Phạm Văn Cường với Bánh đa nem' }))
    form = await screen.findByTestId('conflict-form')
    const text = within(form).getByLabelText(/Lý do/)
    await user.clear(text)
    await user.type(text, 'Kế toán trưởng của HTX từ 2024')
    await user.click(within(form).getByTestId('conflict-save'))
    await waitFor(() => expect(cell(3, 11)).toHaveTextContent('Kế toán trưởng của HTX từ 2024'))
    expect(declares()).toEqual([{ sessionId: 1, memberId: 3, productId: 11, kind: 'works-for-or-stake', text: 'Kế toán trưởng của HTX từ 2024' }])
  })

  it('shows the server refusal inside the form and keeps it open', async () => {
    const { client } = fakeClient({
      'conflicts.list': [],
      'conflicts.declare': { ok: false, error: { code: 'CONFLICT', message: 'Thành viên đã ký nộp phiếu sản phẩm này' } }
    })
    const { user } = render(<ConflictsTab session={session} />, { client })
    await user.selectOptions(await screen.findByLabelText('Khai báo của Lê Thị Bình với Bánh đa nem'), 'family')
    const form = await screen.findByTestId('conflict-form')
    await user.click(within(form).getByTestId('conflict-save'))
    expect(await within(form).findByRole('alert')).toHaveTextContent('Thành viên đã ký nộp phiếu sản phẩm này')
  })
})
