// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { AgendaTab, moveItem } from '../../../src-renderer/features/sessions/AgendaTab'
import { render, screen, waitFor, within } from '../../utils/render'
import { fakeClient, session } from './fake'

const open = { ...session, status: 'open' as const }
const sets = [
  { id: 'QD26-2026-06', no: 6, name: 'Chè và sản phẩm từ chè', classificationCode: '1.3', sector: 'Thực phẩm', group: 'Đồ uống', subgroup: null, version: '2026', criteriaCount: 30 },
  { id: 'QD26-2026-11', no: 11, name: 'Thực phẩm chế biến', classificationCode: '1.1', sector: 'Thực phẩm', group: 'Chế biến', subgroup: null, version: '2026', criteriaCount: 28 }
]
const eligible = [{ productId: 13, code: '24-7441-003-2026', name: 'Mật ong bạc hà', producerName: 'HTX Ong', setId: 'QD26-2026-11' }]

const order = () => [...screen.getByTestId('agenda').querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-product-id'), tr.getAttribute('data-ord')])

describe('moveItem', () => {
  it('moves one place and keeps the ends', () => {
    expect(moveItem([1, 2, 3], 1, -1)).toEqual([2, 1, 3])
    expect(moveItem([1, 2, 3], 1, 1)).toEqual([1, 3, 2])
    expect(moveItem([1, 2, 3], 0, -1)).toEqual([1, 2, 3])
    expect(moveItem([1, 2, 3], 2, 1)).toEqual([1, 2, 3])
  })
})

describe('AgendaTab', () => {
  it('shows criteria set names, not codes', async () => {
    const { client } = fakeClient({ 'sessions.eligibleProducts': eligible, 'criteria.list': sets })
    render(<AgendaTab session={open} onChanged={() => {}} />, { client })
    await screen.findByText('Mật ong bạc hà')
    await waitFor(() => expect(screen.getAllByTestId('agenda-set').map((c) => c.textContent)).toEqual(['6. Chè và sản phẩm từ chè', '11. Thực phẩm chế biến', '11. Thực phẩm chế biến']))
    expect(screen.queryByText('QD26-2026-06')).toBeNull()
  })

  it('selects all, reorders by keyboard, saves in that order and says it is saved', async () => {
    const onChanged = vi.fn()
    const { client, calls } = fakeClient({ 'sessions.eligibleProducts': eligible, 'criteria.list': sets, 'sessions.setAgenda': open })
    const { user } = render(<AgendaTab session={open} onChanged={onChanged} />, { client })
    await screen.findByText('Mật ong bạc hà')
    expect(order()).toEqual([['11', '1'], ['12', '2'], ['13', '']])

    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả sản phẩm' }))
    expect(order()).toEqual([['11', '1'], ['12', '2'], ['13', '3']])
    expect(screen.getByTestId('save-agenda')).toHaveTextContent('3 sản phẩm')

    // Keyboard only: focus "move up" of the last product and press Enter twice.
    const up = screen.getByRole('button', { name: 'Đưa «Mật ong bạc hà» lên trên' })
    up.focus()
    await user.keyboard('{Enter}')
    await user.keyboard('{Enter}')
    expect(order()).toEqual([['13', '1'], ['11', '2'], ['12', '3']])
    expect(screen.getByRole('button', { name: 'Đưa «Mật ong bạc hà» lên trên' })).toBeDisabled()
    await user.click(screen.getByRole('button', { name: 'Đưa «Bánh đa nem» xuống dưới' }))
    expect(order()).toEqual([['13', '1'], ['12', '2'], ['11', '3']])

    expect(screen.getByTestId('agenda-saved')).toBeEmptyDOMElement()
    await user.click(screen.getByTestId('save-agenda'))
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Đã lưu chương trình'))
    expect(calls.find((c) => c.method === 'sessions.setAgenda')!.input).toEqual({ id: 1, productIds: [13, 12, 11] })
    expect(onChanged).toHaveBeenCalled()

    // Any change after saving takes the confirmation away; unticking "all" empties the agenda.
    await user.click(screen.getByRole('checkbox', { name: 'Chọn tất cả sản phẩm' }))
    expect(screen.getByTestId('agenda-saved')).toBeEmptyDOMElement()
    expect(order().map(([, ord]) => ord)).toEqual(['', '', ''])
    expect(within(screen.getByTestId('agenda')).queryByTestId('agenda-up')).toBeNull()
  })

  it('after scoring starts: read-only, no reordering', async () => {
    const { client } = fakeClient({ 'criteria.list': sets })
    render(<AgendaTab session={session} onChanged={() => {}} />, { client })
    await screen.findByText('Bánh đa nem')
    expect(screen.getByRole('checkbox', { name: 'Chọn tất cả sản phẩm' })).toBeDisabled()
    expect(screen.queryByTestId('agenda-up')).toBeNull()
    expect(screen.queryByTestId('save-agenda')).toBeNull()
  })
})
