// @vitest-environment jsdom
import { formatDateTime } from '../../../src-main/shared/vn-format'
import { AuditPanel } from '../../../src-renderer/features/sessions/AuditPanel'
import { render, screen, waitFor } from '../../utils/render'
import { fakeClient, session } from './fake'

const events = Array.from({ length: 45 }, (_, i) => 45 - i).map((seq) => ({
  seq, at: `2026-06-20T08:${String(seq % 60).padStart(2, '0')}:00.000Z`, kind: seq % 2 ? 'answer.save' : 'session.status', sessionId: 1,
  actor: seq === 45 ? 'member:2' : seq === 44 ? 'secretary' : 'local', summary: seq % 2 ? 'Lưu câu trả lời' : 'Chuyển bước phiên họp',
  object: seq % 2 ? `Sản phẩm Bánh đa nem · Tiêu chí 1.${seq}` : ''
}))

describe('AuditPanel', () => {
  it('lists time, actor, action and object, 20 a page, older and newer by seq', async () => {
    const { client, calls } = fakeClient({
      'audit.list': (i: any) => events.filter((e) => i.beforeSeq === undefined || e.seq < i.beforeSeq).slice(0, i.limit)
    })
    const { user, container } = render(<AuditPanel session={session} />, { client })
    const seqs = () => [...container.querySelectorAll('[data-seq]')].map((r) => Number(r.getAttribute('data-seq')))
    await waitFor(() => expect(seqs()).toHaveLength(20))
    expect(seqs()[0]).toBe(45)
    const first = container.querySelector('[data-seq="45"]')!
    expect(first).toHaveTextContent('Thành viên Lê Thị Bình')
    expect(first).toHaveTextContent('Lưu câu trả lời')
    expect(first).toHaveTextContent('Sản phẩm Bánh đa nem · Tiêu chí 1.45')
    expect(first).toHaveTextContent(formatDateTime(events[0]!.at, { withSeconds: true }))
    expect(container.querySelector('[data-seq="44"]')).toHaveTextContent('Thư ký (trình duyệt)')
    expect(container.querySelector('[data-seq="43"]')).toHaveTextContent('Văn phòng (máy này)')
    expect(screen.getByTestId('audit-newer')).toBeDisabled()

    await user.click(screen.getByTestId('audit-older'))
    await waitFor(() => expect(seqs()[0]).toBe(25))
    expect(calls.at(-1)!.input).toEqual({ sessionId: 1, limit: 21, beforeSeq: 26 })
    await user.click(screen.getByTestId('audit-older'))
    await waitFor(() => expect(seqs()).toEqual([5, 4, 3, 2, 1]))
    expect(screen.getByTestId('audit-older')).toBeDisabled()
    expect(screen.getByText('Trang 3')).toBeInTheDocument()

    await user.click(screen.getByTestId('audit-newer'))
    await waitFor(() => expect(seqs()[0]).toBe(25))
    await user.click(screen.getByTestId('audit-newest'))
    await waitFor(() => expect(seqs()[0]).toBe(45))
  })
})
