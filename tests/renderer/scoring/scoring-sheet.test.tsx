// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scoreSheet } from '../../../src-main/domain/sheet'
import { leafCriteria, type CriteriaFile } from '../../../src-main/shared/criteria'
import type { Result } from '../../../src-main/shared/result'
import { liveTotals } from '../../../src-renderer/features/scoring/liveTotals'
import { ScoringSheet, type ScoringSheetProps } from '../../../src-renderer/features/scoring/ScoringSheet'
import { act, fireEvent, render, screen, waitFor } from '../../utils/render'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile
const set6 = data.sets[5]!
const set26 = data.sets[25]!
const header = { productName: 'Bánh đa nem Thổ Hà', productCode: '24-7441-003-2026', producerName: 'HTX Thổ Hà', producerPhone: '0912 345 678', producerAddress: 'Vân Hà, Bắc Ninh' }

function setup(over: Partial<ScoringSheetProps> = {}, saveImpl?: (code: string, id: string) => Promise<Result<unknown>>) {
  const saves: Array<[string, string]> = []
  const submits: number[] = []
  const props: ScoringSheetProps = {
    set: set6,
    header,
    memberName: 'Nguyễn Thị Ánh',
    answers: {},
    comment: '',
    submittedAt: null,
    saveAnswer: async (code, id) => {
      saves.push([code, id])
      return saveImpl ? saveImpl(code, id) : { ok: true, value: {} }
    },
    saveComment: async () => ({ ok: true, value: {} }),
    submit: async () => {
      submits.push(1)
      return { ok: true, value: { total: 50, submittedAt: '2026-06-20T08:00:00.000Z' } }
    },
    ...over
  }
  const r = render(<ScoringSheet {...props} />)
  const crit = (code: string) => r.container.querySelector(`[data-criterion="${code}"]`) as HTMLElement
  return { ...r, saves, submits, crit }
}

describe('ScoringSheet keyboard', () => {
  it('moves with arrows, chooses with digits, marks "Không áp dụng" with 0/N, Enter jumps to the next unanswered', async () => {
    const { user, saves, crit } = setup()
    crit('1.1').focus()
    await user.keyboard('2')
    expect(saves).toEqual([['1.1', '1.1.b']])
    expect(crit('1.1')).toHaveAttribute('data-answer', '1.1.b')
    await waitFor(() => expect(crit('1.1')).toHaveAttribute('data-save-state', 'saved'))
    expect(crit('1.1').querySelector('[data-option-id="1.1.b"]')).toHaveAttribute('aria-checked', 'true')

    await user.keyboard('{ArrowDown}')
    expect(crit('1.2')).toHaveFocus()
    await user.keyboard('{ArrowDown}{ArrowUp}{ArrowUp}')
    expect(crit('1.1')).toHaveFocus()
    await user.keyboard('9')
    expect(saves).toHaveLength(1)

    await user.keyboard('{Enter}')
    expect(crit('1.2')).toHaveFocus()
    await user.keyboard('1{Enter}')
    expect(crit('1.3')).toHaveFocus()

    crit('5.2').focus()
    await user.keyboard('n')
    expect(saves.at(-1)).toEqual(['5.2', 'NA'])
    crit('5.1').focus()
    await user.keyboard('0')
    expect(saves.at(-1)).toEqual(['5.2', 'NA'])
  })

  it('Tab reaches criteria in order and never the options themselves', async () => {
    const { user, crit } = setup()
    crit('1.1').focus()
    await user.tab()
    expect(crit('1.2')).toHaveFocus()
  })

  it('numbers set 26 options across both cases of "Lựa chọn một trong hai trường hợp"', async () => {
    const { user, saves, crit, container } = setup({ set: set26 })
    expect(container.querySelectorAll('[data-criterion="8"] [data-case]')).toHaveLength(2)
    crit('8').focus()
    await user.keyboard('3')
    expect(saves).toEqual([['8', '8.c']])
  })
})

describe('ScoringSheet totals', () => {
  it('section, part and total subtotals equal the engine on a complete sheet and add up live on a partial one', async () => {
    const { user, crit, container } = setup()
    const leaves = leafCriteria(set6)
    crit('1.1').focus()
    await user.keyboard('2')
    const optionB = leaves[0]!.criterion.options[1]!
    expect(container.querySelector('[data-section-subtotal="1"]')).toHaveTextContent(`${optionB.points}/18 điểm`)
    const partial = liveTotals(set6, { '1.1': optionB.id })
    expect(partial.total).toBe(optionB.points)
    expect(partial.missing).toHaveLength(leaves.length - 1)
    expect(container.querySelector('[data-total]')).toHaveAttribute('data-total', String(partial.total))

    const answers: Record<string, string> = {}
    leaves.forEach(({ criterion }, i) => (answers[criterion.code] = criterion.options[i % criterion.options.length]!.id))
    const engine = scoreSheet(set6, { memberId: 'm', answers, knockouts: [] })
    if (!engine.ok) throw new Error(engine.errors.join())
    const live = liveTotals(set6, answers)
    expect(live.total).toBe(engine.sheet.total)
    expect(live.parts).toEqual(engine.sheet.parts)
    for (const s of engine.sheet.sections) expect(live.sections[s.code]).toBe(s.points)
    expect(live.missing).toEqual([])
  })

  it('shows the engine numbers on screen for a stored complete sheet', () => {
    const answers: Record<string, string> = {}
    for (const { criterion } of leafCriteria(set6)) answers[criterion.code] = criterion.options.at(-1)!.id
    const engine = scoreSheet(set6, { memberId: 'm', answers, knockouts: [] })
    if (!engine.ok) throw new Error(engine.errors.join())
    const { container } = setup({ answers })
    expect(container.querySelector('[data-total]')).toHaveAttribute('data-total', String(engine.sheet.total))
    expect(container.querySelector('[data-part-subtotal="B"]')).toHaveTextContent(`${engine.sheet.parts.B}/25`)
    for (const s of engine.sheet.sections)
      expect(container.querySelector(`[data-section-subtotal="${s.code}"]`)).toHaveTextContent(`${s.points}/${s.maxPoints}`)
  })
})

describe('ScoringSheet saving', () => {
  it('keeps a choice whose save failed, retries it, and shows saved/saving/error per criterion', async () => {
    let fail = true
    const { user, saves, crit } = setup({}, async () => (fail ? { ok: false, error: { code: 'INTERNAL', message: 'mất kết nối' } } : { ok: true, value: {} }))
    crit('1.3').focus()
    await user.keyboard('3')
    await waitFor(() => expect(crit('1.3')).toHaveAttribute('data-save-state', 'error'))
    expect(crit('1.3')).toHaveAttribute('data-answer', '1.3.c')
    expect(screen.getByText(/Chưa lưu được: mất kết nối/)).toBeInTheDocument()
    fail = false
    await user.click(screen.getByRole('button', { name: 'Thử lại' }))
    await waitFor(() => expect(crit('1.3')).toHaveAttribute('data-save-state', 'saved'))
    expect(saves.map((s) => s[1])).toEqual(['1.3.c', '1.3.c'])
  })

  it('sends a later choice only after the earlier save returns, so the server ends with the latest', async () => {
    const pending: Array<() => void> = []
    const { user, saves, crit } = setup({}, () => new Promise((res) => pending.push(() => res({ ok: true, value: {} }))))
    crit('1.4').focus()
    await user.keyboard('1')
    await user.keyboard('2')
    await user.keyboard('3')
    expect(saves).toEqual([['1.4', '1.4.a']])
    expect(crit('1.4')).toHaveAttribute('data-save-state', 'saving')
    await act(async () => pending.shift()!())
    expect(saves.map((s) => s[1])).toEqual(['1.4.a', '1.4.c'])
    await act(async () => pending.shift()!())
    await waitFor(() => expect(crit('1.4')).toHaveAttribute('data-save-state', 'saved'))
  })
})

describe('ScoringSheet submit', () => {
  it('refuses an incomplete sheet, jumps to the first missing criterion, then submits and locks', async () => {
    const { user, submits, crit, container } = setup({ answers: { '1.1': '1.1.a' } })
    await user.click(screen.getByRole('button', { name: 'Ký nộp phiếu' }))
    expect(screen.getByTestId('submit-message')).toHaveTextContent(/Phiếu chưa chấm đủ: còn \d+ tiêu chí chưa chấm \(1\.2, /)
    expect(crit('1.2')).toHaveFocus()
    expect(crit('1.2')).toHaveAttribute('data-missing', 'true')
    expect(submits).toHaveLength(0)

    for (const { criterion } of leafCriteria(set6).slice(1)) {
      crit(criterion.code).focus()
      fireEvent.keyDown(crit(criterion.code), { key: '1' })
    }
    await waitFor(() => expect(container.querySelectorAll('[data-save-state="saving"]')).toHaveLength(0))
    await user.click(screen.getByRole('button', { name: 'Ký nộp phiếu' }))
    await user.click(await screen.findByTestId('confirm-submit'))
    await waitFor(() => expect(submits).toHaveLength(1))
    expect(await screen.findByTestId('sheet-locked')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Ký nộp phiếu' })).toBeNull()
    crit('1.1').focus()
    fireEvent.keyDown(crit('1.1'), { key: '2' })
    expect(crit('1.1')).toHaveAttribute('data-answer', '1.1.a')
  })

  it('shows a filled sheet read-only with its header, markers and knockout notes', () => {
    const { container } = setup({ readOnly: true, answers: { '1.1': '1.1.b' } })
    expect(screen.getByTestId('sheet-header')).toHaveTextContent('Bánh đa nem Thổ Hà')
    expect(screen.getByTestId('sheet-header')).toHaveTextContent('24-7441-003-2026')
    expect(container.querySelector('[data-option-id="1.1.b"] [data-marker="3"]')).toBeInTheDocument()
    expect(container.querySelectorAll('[data-knockout]').length).toBeGreaterThan(0)
    expect(container.querySelector('[data-criterion="5.2"] [data-option-id="NA"]')).toHaveTextContent('Không áp dụng')
    expect(screen.queryByRole('button', { name: 'Ký nộp phiếu' })).toBeNull()
  })
})
