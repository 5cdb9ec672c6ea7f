// @vitest-environment jsdom
import { SessionDetail } from '../../../src-renderer/features/sessions/SessionDetail'
import { render, screen, waitFor } from '../../utils/render'
import { fakeClient, quorum, session } from './fake'

function setup(pollMs?: number) {
  let current = { ...session, status: 'open' as const, allowedNext: ['draft', 'scoring'] as Array<'draft' | 'scoring'> }
  const { client, calls } = fakeClient({
    'sessions.get': () => current,
    'sessions.eligibleProducts': [],
    'attendance.get': { sessionId: 1, members: [], quorum }
  })
  const r = render(<SessionDetail id={1} onBack={() => {}} {...(pollMs === undefined ? {} : { pollMs })} />, { client })
  const changeElsewhere = () => {
    current = { ...current, status: 'scoring' as never, allowedNext: ['review'] as never }
  }
  const gets = () => calls.filter((c) => c.method === 'sessions.get').length
  return { ...r, changeElsewhere, gets }
}

describe('session header status', () => {
  it('refreshes on a tab change after the status was changed elsewhere', async () => {
    const { user, changeElsewhere } = setup(60_000)
    expect(await screen.findByTestId('session-status')).toHaveTextContent('Đã mở')
    changeElsewhere()
    await user.click(screen.getByTestId('tab-attendance'))
    await waitFor(() => expect(screen.getByTestId('session-status')).toHaveTextContent('Đang chấm'))
    expect(screen.getByTestId('session-detail')).toHaveAttribute('data-status', 'scoring')
    expect(screen.getByTestId('status-review')).toBeInTheDocument()
  })

  it('polls while the session is open and reloads only when something changed', async () => {
    const { changeElsewhere, gets } = setup(40)
    expect(await screen.findByTestId('session-status')).toHaveTextContent('Đã mở')
    await waitFor(() => expect(gets()).toBeGreaterThan(3))
    // The same answer again does not reload the session (tabs keep their unsaved input).
    expect(screen.getByTestId('session-status')).toHaveTextContent('Đã mở')
    changeElsewhere()
    await waitFor(() => expect(screen.getByTestId('session-status')).toHaveTextContent('Đang chấm'))
  })

  it('offers "Quay lại chấm điểm", not "Bắt đầu chấm", when the session in review goes back to scoring', async () => {
    const { client } = fakeClient({ 'sessions.get': { ...session, status: 'review', allowedNext: ['scoring', 'finalized'] }, 'sessions.eligibleProducts': [] })
    render(<SessionDetail id={1} onBack={() => {}} pollMs={60_000} />, { client })
    expect(await screen.findByTestId('status-scoring')).toHaveTextContent('Quay lại chấm điểm')
  })
})
