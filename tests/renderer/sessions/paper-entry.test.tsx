// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CriteriaFile } from '../../../src-main/shared/criteria'
import { PaperEntryTab } from '../../../src-renderer/features/sessions/PaperEntryTab'
import { render, screen, waitFor } from '../../utils/render'
import { fakeClient, quorum, session } from './fake'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile
const set6 = data.sets[5]!

const attendance = (absent: number[]) => ({
  sessionId: 1,
  quorum,
  members: session.members.map((m) => ({ memberId: m.id, fullName: m.fullName, role: m.role, status: absent.includes(m.id) ? 'absent' : 'present', leftAt: null, updatedAt: null }))
})
const progress = (states: Record<number, string>) => ({
  sessionId: 1, status: 'scoring', quorum,
  products: [{ productId: 11, code: 'x', name: 'Bánh đa nem', scoringRound: 1, eligible: 3, submitted: 1, complete: false, members: Object.entries(states).map(([id, state]) => ({ memberId: Number(id), state })) }]
})
const noPasses = { pass1: false, pass2: false, accepted: false, mismatches: [] }

describe('paper entry prechecks (before the first keystroke)', () => {
  it('offers only present members who have not submitted online', async () => {
    const { client } = fakeClient({
      'sessions.progress': progress({ 1: 'submitted', 2: 'not-started', 3: 'draft' }),
      'attendance.get': attendance([3]),
      'criteria.get': { set: set6 },
      'paper.status': noPasses
    })
    render(<PaperEntryTab session={session} />, { client })
    const select = (await screen.findByTestId('paper-member')) as HTMLSelectElement
    await waitFor(() => expect([...select.options].map((o) => o.textContent)).toEqual(['Lê Thị Bình']))
    expect(await screen.findByTestId('scoring-sheet')).toBeInTheDocument()
    expect(screen.queryByTestId('paper-blocked')).toBeNull()
  })

  it('stops before the sheet when the member has not declared conflicts, or nobody is left to enter', async () => {
    const undeclared = fakeClient({ 'sessions.progress': progress({ 1: 'submitted', 2: 'not-declared', 3: 'submitted' }), 'attendance.get': attendance([]), 'criteria.get': { set: set6 }, 'paper.status': noPasses })
    const a = render(<PaperEntryTab session={session} />, { client: undeclared.client })
    expect(await screen.findByTestId('paper-blocked')).toHaveTextContent('Lê Thị Bình chưa khai báo xung đột lợi ích')
    expect(screen.queryByTestId('scoring-sheet')).toBeNull()
    a.unmount()
    const done = fakeClient({ 'sessions.progress': progress({ 1: 'submitted', 2: 'submitted', 3: 'recused' }), 'attendance.get': attendance([]), 'criteria.get': { set: set6 }, 'paper.status': noPasses })
    render(<PaperEntryTab session={session} />, { client: done.client })
    expect(await screen.findByTestId('paper-blocked')).toHaveTextContent('Không còn thành viên nào cần nhập phiếu giấy')
    expect(screen.queryByTestId('scoring-sheet')).toBeNull()
  })

  it('refuses before the first keystroke when the session is not scoring', async () => {
    const { client } = fakeClient({ 'sessions.progress': progress({ 2: 'not-started' }), 'attendance.get': attendance([]), 'criteria.get': { set: set6 }, 'paper.status': noPasses })
    render(<PaperEntryTab session={{ ...session, status: 'open' }} />, { client })
    expect(await screen.findByTestId('paper-blocked')).toHaveTextContent('đang ở bước chấm điểm')
    expect(screen.queryByTestId('scoring-sheet')).toBeNull()
  })

  it('shows mismatches as the options\' text with points, not their codes', async () => {
    const c = set6.parts[0]!.sections[0]!.criteria[0]!
    const leaf = 'subCriteria' in c && c.subCriteria?.length ? c.subCriteria[0]! : c
    const [o1, o2] = (leaf as { options: Array<{ id: string; text: string; points: number }> }).options
    const { client } = fakeClient({
      'sessions.progress': progress({ 2: 'draft' }),
      'attendance.get': attendance([]),
      'criteria.get': { set: set6 },
      'paper.status': { pass1: true, pass2: true, accepted: false, mismatches: [{ criterionCode: (leaf as { code: string }).code, pass1: o1!.id, pass2: o2!.id }] }
    })
    render(<PaperEntryTab session={session} />, { client })
    await screen.findByTestId('scoring-sheet', {}, { timeout: 10000 })
    const table = await screen.findByTestId('paper-mismatches', {}, { timeout: 5000 })
    await waitFor(() => expect(table).toHaveTextContent(`${o1!.text} (${o1!.points} đ)`))
    expect(table).toHaveTextContent(`${o2!.text} (${o2!.points} đ)`)
    expect(table).not.toHaveTextContent(`: ${o1!.id}`)
  })
})
