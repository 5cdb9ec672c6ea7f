// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scoreSheet } from '../../../src-main/domain/sheet'
import { leafCriteria, type CriteriaFile } from '../../../src-main/shared/criteria'
import type { Result } from '../../../src-main/shared/result'
import { liveTotals, type SheetFlag } from '../../../src-renderer/features/scoring/liveTotals'
import { ScoringSheet, type ScoringSheetProps } from '../../../src-renderer/features/scoring/ScoringSheet'
import { fireEvent, render, screen, waitFor, within } from '../../utils/render'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile
const set6 = data.sets[5]!
const header = { productName: 'Bánh đa nem Thổ Hà', productCode: null, producerName: 'HTX Thổ Hà' }
const codes = leafCriteria(set6).map((l) => l.criterion.code)
/** Highest option for every criterion up to and including 6.1 (the stop rule of set 6). */
const upToStop = Object.fromEntries(
  leafCriteria(set6)
    .slice(0, codes.indexOf('6.1') + 1)
    .map(({ criterion }) => [criterion.code, criterion.options.reduce((hi, o) => (o.points > hi.points ? o : hi)).id])
)

function setup(over: Partial<ScoringSheetProps> = {}, fail?: string) {
  let stored: SheetFlag[] = [...(over.knockouts ?? [])]
  const calls: Array<[string | null, boolean, string]> = []
  const props: ScoringSheetProps = {
    set: set6,
    header,
    memberName: 'Nguyễn Thị Ánh',
    answers: {},
    comment: '',
    submittedAt: null,
    saveAnswer: async () => ({ ok: true, value: {} }),
    saveComment: async () => ({ ok: true, value: {} }),
    submit: async () => ({ ok: true, value: { total: 1, submittedAt: '2026-06-20T08:00:00.000Z' } }),
    setKnockout: async (code, flagged, note): Promise<Result<SheetFlag[]>> => {
      calls.push([code, flagged, note])
      if (fail) return { ok: false, error: { code: 'CONFLICT', message: fail } }
      stored = stored.filter((f) => f.criterionCode !== code)
      if (flagged) stored.push({ criterionCode: code, note })
      return { ok: true, value: [...stored] }
    },
    ...over
  }
  const r = render(<ScoringSheet {...props} />)
  const rule = (code: string) => r.container.querySelector(`[data-knockout-rule="${code}"]`) as HTMLElement
  const crit = (code: string) => r.container.querySelector(`[data-criterion="${code}"]`) as HTMLElement
  return { ...r, calls, rule, crit }
}

describe('knockouts on the scoring sheet', () => {
  it('flags the dossier rule "Hồ sơ bị loại khi …" through setKnockout, then saves the note when the field is left', async () => {
    const { user, calls, rule } = setup()
    expect(rule('dossier')).not.toHaveAttribute('data-knockout-flagged')
    await user.click(within(rule('dossier')).getByRole('checkbox'))
    await waitFor(() => expect(rule('dossier')).toHaveAttribute('data-knockout-flagged', 'true'))
    expect(calls).toEqual([[null, true, '']])
    await user.type(within(rule('dossier')).getByLabelText('Ghi chú (không bắt buộc)'), 'Giấy chứng nhận ATTP hết hạn')
    fireEvent.blur(within(rule('dossier')).getByLabelText('Ghi chú (không bắt buộc)'))
    await waitFor(() => expect(calls).toHaveLength(2))
    expect(calls[1]).toEqual([null, true, 'Giấy chứng nhận ATTP hết hạn'])
    await user.click(within(rule('dossier')).getByRole('checkbox'))
    await waitFor(() => expect(rule('dossier')).not.toHaveAttribute('data-knockout-flagged'))
    expect(calls[2]).toEqual([null, false, ''])
  })

  it('a reject rule ("Bị loại nếu …") is flagged on its criterion and does not change the points', async () => {
    const { user, calls, rule, container } = setup({ answers: upToStop })
    const before = container.querySelector('[data-total]')!.getAttribute('data-total')
    expect(rule('2.1')).toHaveAttribute('data-knockout-kind', 'reject')
    await user.click(within(rule('2.1')).getByRole('checkbox'))
    await waitFor(() => expect(rule('2.1')).toHaveAttribute('data-knockout-flagged', 'true'))
    expect(calls).toEqual([['2.1', true, '']])
    expect(container.querySelector('[data-total]')).toHaveAttribute('data-total', before!)
    expect(container.querySelectorAll('[data-not-evaluated]')).toHaveLength(0)
  })

  it('a flagged stop rule leaves the later unanswered criteria "not evaluated" as the engine does, and the sheet can be submitted', async () => {
    const { user, rule, crit, container } = setup({ answers: upToStop })
    expect(rule('6.1')).toHaveAttribute('data-knockout-kind', 'stop')
    await user.click(screen.getByTestId('submit-sheet'))
    expect(await screen.findByTestId('submit-message')).toHaveTextContent('6.2')

    await user.click(within(rule('6.1')).getByRole('checkbox'))
    await waitFor(() => expect(rule('6.1')).toHaveAttribute('data-knockout-flagged', 'true'))
    const after = codes.slice(codes.indexOf('6.1') + 1)
    for (const c of after) expect(crit(c)).toHaveAttribute('data-not-evaluated', 'true')
    expect(crit('6.1')).not.toHaveAttribute('data-not-evaluated')
    expect(crit('6.2')).not.toHaveAttribute('data-missing')

    const engine = scoreSheet(set6, { memberId: 'x', answers: upToStop, knockouts: [{ criterionCode: '6.1' }] })
    if (!engine.ok) throw new Error(engine.errors.join('; '))
    expect(engine.sheet.answers.filter((a) => a.status === 'not-evaluated').map((a) => a.criterionCode)).toEqual(after)
    expect(container.querySelector('[data-total]')).toHaveAttribute('data-total', String(engine.sheet.total))
    expect(container.querySelector('[data-part-total="C"]')).toHaveTextContent(`${engine.sheet.parts.C}/`)

    await user.click(screen.getByTestId('submit-sheet'))
    expect(await screen.findByTestId('confirm-submit')).toBeInTheDocument()

    await user.click(within(rule('6.1')).getByRole('checkbox'))
    await waitFor(() => expect(crit('6.2')).not.toHaveAttribute('data-not-evaluated'))
  })

  it('a refused flag stays unflagged and says why', async () => {
    const { user, rule, container } = setup({ answers: upToStop }, 'Phiếu đã ký nộp')
    await user.click(within(rule('6.1')).getByRole('checkbox'))
    expect(await within(rule('6.1')).findByRole('alert')).toHaveTextContent('Chưa lưu được đánh dấu: Phiếu đã ký nộp')
    expect(rule('6.1')).not.toHaveAttribute('data-knockout-flagged')
    expect(container.querySelectorAll('[data-not-evaluated]')).toHaveLength(0)
  })

  it('a submitted sheet shows its flags and notes read-only', () => {
    const { rule } = setup({ answers: upToStop, knockouts: [{ criterionCode: '6.1', note: 'Không có hồ sơ tự công bố' }], submittedAt: '2026-06-20T08:00:00.000Z' })
    expect(rule('6.1')).toHaveAttribute('data-knockout-flagged', 'true')
    expect(within(rule('6.1')).getByRole('checkbox')).toBeDisabled()
    expect(rule('6.1')).toHaveTextContent('Ghi chú: Không có hồ sơ tự công bố')
  })

  it('liveTotals: a reject flag keeps the totals; an unflagged sheet keeps every criterion missing', () => {
    const plain = liveTotals(set6, upToStop)
    expect(liveTotals(set6, upToStop, [{ criterionCode: '2.1', note: '' }, { criterionCode: null, note: '' }])).toEqual(plain)
    expect(plain.notEvaluated).toEqual([])
    expect(plain.missing).toEqual(codes.slice(codes.indexOf('6.1') + 1))
  })
})
