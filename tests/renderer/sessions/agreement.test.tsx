// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { leafCriteria, type CriteriaFile } from '../../../src-main/shared/criteria'
import { majorityOption } from '../../../src-renderer/features/sessions/agreement'
import { AgreementTable } from '../../../src-renderer/features/sessions/AgreementTable'
import { render, screen, waitFor, within } from '../../utils/render'
import { session } from './fake'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile
const set6 = data.sets[5]!
const [l1, l2] = leafCriteria(set6).map((l) => l.criterion)
const opt = (c: typeof l1, i: number) => c!.options[i]!
const row = (c: typeof l1, picks: number[]) => ({
  criterionCode: c!.code,
  criterionText: c!.text,
  maxPoints: c!.maxPoints,
  pointsSpread: Math.max(...picks.map((i) => opt(c, i).points)) - Math.min(...picks.map((i) => opt(c, i).points)),
  distinctOptions: new Set(picks).size,
  answers: picks.map((i, k) => ({ memberId: k + 1, optionId: opt(c, i).id, points: opt(c, i).points })),
  agreed: null
})

describe('majority option', () => {
  it('is the option chosen by strictly more members than any other; none on a tie', () => {
    expect(majorityOption([{ optionId: 'a' }, { optionId: 'b' }, { optionId: 'a' }])).toEqual({ optionId: 'a', count: 2, of: 3 })
    expect(majorityOption([{ optionId: 'a' }, { optionId: 'b' }])).toBeNull()
    expect(majorityOption([{ optionId: null }])).toBeNull()
  })
})

describe('agreement screen (sized for 1366×768)', () => {
  beforeAll(() => {
    // The office screen the council projects; jsdom has no layout: the Chromium E2E screenshot is the visual check.
    Object.assign(window, { innerWidth: 1366, innerHeight: 768 })
  })

  it('shows answers as option text with points, blocking criteria first and marked, and agrees "theo đa số" in one click', async () => {
    const agreed: Array<[string, string, string]> = []
    const { user, container } = render(
      <AgreementTable
        criteria={[row(l1, [0, 1, 1]), row(l2, [0, 1, 2])]}
        set={set6}
        members={session.members}
        blocking={new Set([l2!.code])}
        editable
        onAgree={(c, o, r) => agreed.push([c, o, r])}
      />
    )
    const rows = container.querySelectorAll('tbody tr')
    expect(rows[0]).toHaveAttribute('data-criterion', l2!.code)
    expect(within(rows[0] as HTMLElement).getByTestId('blocking-badge')).toHaveTextContent('Đang chặn hạng sao')
    expect(rows[1]).not.toHaveAttribute('data-blocking')
    const l1Row = container.querySelector(`[data-criterion="${l1!.code}"]`) as HTMLElement
    expect(l1Row).toHaveTextContent(`Lê Thị Bình: ${opt(l1, 1).text} (${opt(l1, 1).points} đ)`)
    expect(l1Row).not.toHaveTextContent(`: ${opt(l1, 1).id}`)
    // No majority on the blocking row (three different options): the shortcut is disabled there.
    expect(screen.getByTestId(`majority-${l2!.code}`)).toBeDisabled()
    await user.click(screen.getByTestId(`majority-${l1!.code}`))
    await waitFor(() => expect(within(l1Row).getByRole('textbox', { name: `Phương án thống nhất cho tiêu chí ${l1!.code}` })).toHaveValue(`${opt(l1, 1).text} (${opt(l1, 1).points} đ)`))
    const button = screen.getByTestId(`agree-${l1!.code}`)
    expect(button).toHaveTextContent(/^Thống nhất$/)
    await user.click(button)
    expect(agreed).toEqual([[l1!.code, opt(l1, 1).id, 'Theo đa số thành viên (2/3 phiếu)']])
  })

  it('shows an agreed option as its text, read-only', () => {
    const r = { ...row(l1, [0, 1]), agreed: { optionId: opt(l1, 0).id, reason: 'Hồ sơ thiếu chứng nhận' } }
    render(<AgreementTable criteria={[r]} set={set6} members={session.members} blocking={new Set()} editable onAgree={() => {}} />)
    expect(screen.getByTestId('agreed')).toHaveTextContent(`${opt(l1, 0).text} (${opt(l1, 0).points} đ)`)
    expect(screen.queryByTestId(`agree-${l1!.code}`)).toBeNull()
  })
})
