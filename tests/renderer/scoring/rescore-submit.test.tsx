// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { leafCriteria, type CriteriaFile } from '../../../src-main/shared/criteria'
import { ScoringSheet, type ScoringSheetProps } from '../../../src-renderer/features/scoring/ScoringSheet'
import { render, screen, waitFor } from '../../utils/render'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile
const set6 = data.sets[5]!
const codes = leafCriteria(set6).map((l) => l.criterion.code)
const firstOption = Object.fromEntries(leafCriteria(set6).map((l) => [l.criterion.code, l.criterion.options[0]!.id]))
const header = { productName: 'Bánh đa nem Thổ Hà', productCode: '24-7441-003-2026', producerName: 'HTX Thổ Hà' }

function setup(over: Partial<ScoringSheetProps> = {}) {
  const saves: Array<[string, string]> = []
  const submits: number[] = []
  const props: ScoringSheetProps = {
    set: set6,
    header,
    memberName: 'Nguyễn Thị Ánh',
    answers: {},
    comment: '',
    submittedAt: null,
    autoFocus: true,
    saveAnswer: async (code, id) => {
      saves.push([code, id])
      return { ok: true, value: {} }
    },
    saveComment: async () => ({ ok: true, value: {} }),
    submit: async () => {
      submits.push(1)
      return { ok: true, value: { total: 50, submittedAt: '2026-11-20T08:00:00.000Z' } }
    },
    ...over
  }
  const r = render(<ScoringSheet {...props} />)
  const crit = (code: string) => r.container.querySelector(`[data-criterion="${code}"]`) as HTMLElement
  return { ...r, saves, submits, crit }
}

describe('re-score sheet prefilled from the previous round', () => {
  it('chooses and saves the previous answers, marks the disputed criteria, puts them first in the Tab order and focuses the first', async () => {
    const disputed = [codes[5]!, codes[2]!]
    const { saves, crit, user } = setup({ round: 2, prefill: firstOption, disputed })
    await waitFor(() => expect(saves).toHaveLength(codes.length))
    expect(new Map(saves)).toEqual(new Map(Object.entries(firstOption)))
    for (const c of codes) expect(crit(c)).toHaveAttribute('data-answer', firstOption[c])
    expect(crit(codes[5]!)).toHaveAttribute('data-disputed', 'true')
    expect(crit(codes[2]!)).toHaveAttribute('data-disputed', 'true')
    expect(crit(codes[0]!)).not.toHaveAttribute('data-disputed')
    expect(screen.getAllByTestId('disputed-badge')).toHaveLength(2)
    expect(crit(codes[5]!)).toHaveFocus()
    // Positive tabindex: both disputed criteria come before every other criterion when tabbing.
    expect(crit(codes[2]!).tabIndex).toBe(1)
    expect(crit(codes[0]!).tabIndex).toBe(0)
    ;(document.activeElement as HTMLElement).blur()
    await user.tab()
    expect(crit(codes[2]!)).toHaveFocus()
    await user.tab()
    expect(crit(codes[5]!)).toHaveFocus()
  })

  it('does not overwrite answers already stored in this round', async () => {
    const { saves, crit } = setup({ round: 2, prefill: firstOption, answers: { [codes[0]!]: leafCriteria(set6)[0]!.criterion.options[1]!.id } })
    await waitFor(() => expect(saves).toHaveLength(codes.length - 1))
    expect(saves.map(([c]) => c)).not.toContain(codes[0])
    expect(crit(codes[0]!)).toHaveAttribute('data-answer', leafCriteria(set6)[0]!.criterion.options[1]!.id)
  })
})

describe('submitting safely', () => {
  it('opens with focus on the first unanswered criterion', () => {
    const { crit } = setup({ answers: { [codes[0]!]: firstOption[codes[0]!]!, [codes[1]!]: firstOption[codes[1]!]! } })
    expect(crit(codes[2]!)).toHaveFocus()
  })

  it('names the product and total in the confirmation, starts on "Quay lại" so Enter does not submit, then offers the next product', async () => {
    const next: number[] = []
    const { user, submits } = setup({ answers: firstOption, onNext: () => next.push(1) })
    await user.click(screen.getByTestId('submit-sheet'))
    const body = await screen.findByTestId('confirm-body')
    expect(body).toHaveTextContent('Bánh đa nem Thổ Hà')
    expect(body).toHaveTextContent(/tổng điểm \d+/)
    await waitFor(() => expect(screen.getByTestId('cancel-submit')).toHaveFocus())
    await user.keyboard('{Enter}')
    await waitFor(() => expect(screen.queryByTestId('confirm-body')).toBeNull())
    expect(submits).toHaveLength(0)
    await user.click(screen.getByTestId('submit-sheet'))
    await user.click(await screen.findByTestId('confirm-submit'))
    await waitFor(() => expect(submits).toHaveLength(1))
    const nextButton = await screen.findByTestId('next-product')
    expect(nextButton).toHaveTextContent('Sản phẩm tiếp theo')
    await user.click(nextButton)
    expect(next).toHaveLength(1)
  })
})
