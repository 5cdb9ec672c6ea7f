// @vitest-environment jsdom
import { FinalizeTab } from '../../../src-renderer/features/sessions/FinalizeTab'
import { ProgressTab } from '../../../src-renderer/features/sessions/ProgressTab'
import { ReviewTab } from '../../../src-renderer/features/sessions/ReviewTab'
import { AttendanceTab } from '../../../src-renderer/features/sessions/AttendanceTab'
import { render, screen, waitFor } from '../../utils/render'
import { fakeClient, quorum, session } from './fake'

const progress = {
  sessionId: 1, status: 'scoring', quorum,
  products: [
    { productId: 11, code: 'x', name: 'Bánh đa nem', scoringRound: 1, eligible: 3, submitted: 2, complete: false,
      members: [{ memberId: 1, state: 'submitted' }, { memberId: 2, state: 'draft' }, { memberId: 3, state: 'submitted' }] },
    { productId: 12, code: 'y', name: 'Chè Thái', scoringRound: 2, eligible: 2, submitted: 2, complete: true,
      members: [{ memberId: 1, state: 'submitted' }, { memberId: 2, state: 'recused' }, { memberId: 3, state: 'submitted' }] }
  ]
}

const row = (over: object) => ({
  productId: 11, code: 'x', name: 'Bánh đa nem', setId: 'QD26-2026-06', scoringRound: 1, ready: false, cells: [], mean: null, meanText: null, spread: null,
  band: null, stars: null, provisionalStars: null, status: null, outcome: null, needsRescore: false, openRescore: false, reasons: [], warnings: [], finalized: false, ...over
})
const matrix = {
  sessionId: 1, members: session.members,
  products: [
    row({}),
    row({ productId: 12, name: 'Chè Thái', scoringRound: 2, ready: true, mean: 71.5, meanText: '71,50', spread: 14, band: 4, stars: 3, status: 'pending', needsRescore: true,
      reasons: [{ kind: 'spread', message: 'Chênh lệch 14 điểm vượt giới hạn 10 điểm', criterionCode: null }],
      cells: [
        { memberId: 1, eligible: true, rounds: [{ scoringRound: 1, total: 60 }, { scoringRound: 2, total: 65 }] },
        { memberId: 2, eligible: false, rounds: [] },
        { memberId: 3, eligible: true, rounds: [{ scoringRound: 1, total: 80 }, { scoringRound: 2, total: 78 }] }
      ] }),
    row({ productId: 13, name: 'Mắm tép', ready: true, mean: 92, meanText: '92,00', spread: 2, band: 5, stars: null, provisionalStars: 4, status: 'pending',
      reasons: [{ kind: 'agreement', message: 'Tiêu chí 1.5: Hội đồng cần ghi phương án thống nhất', criterionCode: '1.5' }] })
  ]
}

describe('secretary screens', () => {
  it('progress shows only who has submitted (no totals, no answers) with the quorum badge', async () => {
    const { client } = fakeClient({ 'sessions.progress': progress })
    const { container } = render(<ProgressTab session={session} />, { client })
    expect(await screen.findByTestId('quorum')).toHaveAttribute('data-holds', 'true')
    const cell = container.querySelector('[data-product-id="11"] [data-member-id="2"]')
    expect(cell).toHaveAttribute('data-state', 'draft')
    expect(container.querySelector('[data-product-id="12"]')).toHaveAttribute('data-complete', 'true')
    expect(container.querySelector('[data-testid="progress"] table')!.textContent).not.toMatch(/điểm|\d\d/)
    expect(screen.getByText('2/3')).toBeInTheDocument()
  })

  it('review matrix: both rounds per member, mean with 2 decimals, spread over the limit highlighted, sealed rows empty', async () => {
    const { client } = fakeClient({ 'review.matrix': matrix })
    const { container } = render(<ReviewTab session={session} />, { client })
    await screen.findByTestId('review-matrix')
    const over = container.querySelector('[data-product-id="12"]')!
    expect(over).toHaveAttribute('data-over-spread', 'true')
    expect(over.querySelector('[data-mean]')).toHaveTextContent('71,50')
    expect(over.querySelector('[data-member-id="1"]')).toHaveAttribute('data-rounds', '60,65')
    expect(over.querySelector('[data-stars]')).toHaveTextContent('3★')
    // Undetermined (an option still to agree): no stars, the figure only as "tạm tính".
    const open = container.querySelector('[data-product-id="13"] [data-stars]')!
    expect(open.textContent).toMatch(/^—/)
    expect(open.querySelector('[data-provisional]')).toHaveTextContent('tạm tính 4★')
    const sealed = container.querySelector('[data-product-id="11"]')!
    expect(sealed).toHaveAttribute('data-ready', 'false')
    expect(sealed).not.toHaveAttribute('data-over-spread')
    expect(sealed.querySelector('[data-mean]')).toHaveTextContent('—')
  })

  it('finalize lists why it is blocked and keeps the button disabled', async () => {
    const { client } = fakeClient({ 'sessions.progress': progress, 'review.matrix': matrix, 'results.list': [], 'audit.verify': { intact: true, events: 42, firstBroken: null } })
    render(<FinalizeTab session={session} onFinalized={() => {}} />, { client })
    const blocked = await screen.findByTestId('finalize-blocked')
    expect(blocked).toHaveTextContent('«Bánh đa nem»: mới có 2/3 phiếu')
    expect(blocked).toHaveTextContent('Chênh lệch 14 điểm vượt giới hạn 10 điểm')
    expect(screen.getByTestId('finalize-button')).toBeDisabled()
    await waitFor(() => expect(screen.getByTestId('audit-status')).toHaveTextContent('Nhật ký toàn vẹn (42 sự kiện)'))
  })

  it('attendance roll-call updates the live quorum from the server answer', async () => {
    const members = session.members.slice(0, 3).map((m) => ({ memberId: m.id, fullName: m.fullName, role: m.role, status: 'present', leftAt: null, absenceReason: '', proxyNote: '', updatedAt: null }))
    const { client, calls } = fakeClient({
      'attendance.get': { sessionId: 1, members, quorum },
      'attendance.set': (i: any) => ({
        sessionId: 1,
        members: members.map((m) => (m.memberId === i.memberId ? { ...m, status: i.status, absenceReason: i.absenceReason ?? '', proxyNote: i.proxyNote ?? '' } : m)),
        quorum: { ...quorum, holds: false, present: 2, reasons: ['Cần ít nhất 3 thành viên có mặt'] }
      })
    })
    const { user } = render(<AttendanceTab sessionId={1} />, { client })
    await screen.findByTestId('attendance')
    await user.click(screen.getAllByText('Vắng')[1]!)
    await waitFor(() => expect(screen.getByTestId('quorum')).toHaveAttribute('data-holds', 'false'))
    expect(screen.getByText('Cần ít nhất 3 thành viên có mặt')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'attendance.set')!.input).toEqual({ sessionId: 1, memberId: 2, status: 'absent', leftAt: null, absenceReason: '', proxyNote: '' })
    // The absent member gets the reason and written-opinion fields; leaving one saves it with the absence.
    await user.type(screen.getByTestId('absenceReason-2'), 'Ốm')
    await user.tab()
    await waitFor(() => expect(calls.filter((c) => c.method === 'attendance.set')).toHaveLength(2))
    expect(calls.filter((c) => c.method === 'attendance.set')[1]!.input).toEqual({ sessionId: 1, memberId: 2, status: 'absent', leftAt: null, absenceReason: 'Ốm', proxyNote: '' })
  })

  it('"Tất cả có mặt" marks only the members not yet called; everything is disabled while the session is a draft', async () => {
    let members = session.members.slice(0, 3).map((m, i) => ({ memberId: m.id, fullName: m.fullName, role: m.role, status: i === 0 ? 'absent' : null, leftAt: null, updatedAt: null }))
    const { client, calls } = fakeClient({
      'attendance.get': () => ({ sessionId: 1, members, quorum }),
      'attendance.set': (i: any) => {
        members = members.map((m) => (m.memberId === i.memberId ? { ...m, status: i.status } : m))
        return { sessionId: 1, members, quorum }
      }
    })
    const draft = render(<AttendanceTab sessionId={1} status="draft" />, { client })
    await screen.findByTestId('attendance-draft')
    expect(screen.getByTestId('all-present')).toBeDisabled()
    expect(screen.getAllByRole('radio').every((r) => (r as HTMLInputElement).disabled)).toBe(true)
    draft.unmount()
    const { user } = render(<AttendanceTab sessionId={1} status="open" />, { client })
    await user.click(await screen.findByTestId('all-present'))
    await waitFor(() => expect(screen.getByTestId('all-present')).toBeDisabled())
    expect(calls.filter((c) => c.method === 'attendance.set').map((c) => (c.input as { memberId: number }).memberId)).toEqual(members.slice(1).map((m) => m.memberId))
    expect(members.map((m) => m.status)).toEqual(['absent', 'present', 'present'])
    expect(screen.getByText('Giờ rời phiên (HH:MM)')).toBeInTheDocument()
  })
})
