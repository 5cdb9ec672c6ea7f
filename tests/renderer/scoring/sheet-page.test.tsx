// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CriteriaFile } from '../../../src-main/shared/criteria'
import { MySheets } from '../../../src-renderer/features/scoring/MySheets'
import { SheetPage } from '../../../src-renderer/features/scoring/SheetPage'
import { render, screen, waitFor } from '../../utils/render'
import { fakeClient } from '../sessions/fake'

const data = JSON.parse(readFileSync(join(__dirname, '../../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile

const sheet = (over: object = {}) => ({
  sessionId: 1, product: { id: 11, code: '24-7441-001-2026', name: 'Bánh đa nem', setId: 'QD26-2026-06', producerName: 'HTX Thổ Hà', producerPhone: '0912 345 678', producerAddress: 'Thôn Thổ Hà, Xã Vân Hà, Tỉnh Bắc Ninh' },
  member: { id: 2, fullName: 'Lê Thị Bình', role: 'member' }, scoringRound: 1, state: 'draft', entryMode: 'direct', editable: true,
  criteriaVersion: data.version, criteriaSet: data.sets[5], answers: [{ criterionCode: '1.1', optionId: '1.1.a', version: 3, savedAt: 'x' }],
  knockouts: [], comment: '', submittedAt: null, earlierRounds: [], ...over
})

describe('SheetPage (wired to the sessions API)', () => {
  it('saves each choice with the version last seen, and after a CONFLICT re-reads the version and retries the same choice', async () => {
    let conflictOnce = true
    const { client, calls } = fakeClient({
      'sheets.get': () => sheet({ answers: [{ criterionCode: '1.1', optionId: '1.1.c', version: conflictOnce ? 3 : 5, savedAt: 'x' }] }),
      'sheets.saveAnswer': (i: any) => {
        if (i.criterionCode === '1.1' && conflictOnce) {
          conflictOnce = false
          return { ok: false, error: { code: 'CONFLICT', message: 'Câu trả lời đã được lưu từ cửa sổ khác' } }
        }
        return { criterionCode: i.criterionCode, optionId: i.optionId, version: i.expectedVersion + 1, savedAt: 'y' }
      }
    })
    const { user, container } = render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client })
    await screen.findByTestId('scoring-sheet')
    const crit = (c: string) => container.querySelector(`[data-criterion="${c}"]`) as HTMLElement
    expect(crit('1.1')).toHaveAttribute('data-answer', '1.1.c')
    crit('1.2').focus()
    await user.keyboard('1')
    await waitFor(() => expect(crit('1.2')).toHaveAttribute('data-save-state', 'saved'))
    expect(calls.find((c) => c.method === 'sheets.saveAnswer')!.input).toEqual({ sessionId: 1, productId: 11, memberId: 2, criterionCode: '1.2', optionId: '1.2.a', expectedVersion: 0 })

    crit('1.1').focus()
    await user.keyboard('2')
    await waitFor(() => expect(crit('1.1')).toHaveAttribute('data-save-state', 'saved'), { timeout: 4000 })
    const saves11 = calls.filter((c) => c.method === 'sheets.saveAnswer' && c.input.criterionCode === '1.1').map((c) => c.input.expectedVersion)
    expect(saves11).toEqual([3, 5])
    expect(crit('1.1')).toHaveAttribute('data-answer', '1.1.b')
  })

  it('asks for the conflict declaration before opening the sheet', async () => {
    let declared = false
    const { client, calls } = fakeClient({
      'sheets.get': () => sheet({ state: declared ? 'draft' : 'not-declared' }),
      'conflicts.declare': (i: any) => { declared = true; return { ...i, declaredAt: 'x' } }
    })
    const { user } = render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client })
    await user.click(await screen.findByTestId('declare'))
    expect(await screen.findByTestId('scoring-sheet')).toBeInTheDocument()
    expect(calls.find((c) => c.method === 'conflicts.declare')!.input).toEqual({ sessionId: 1, productId: 11, memberId: 2, kind: 'none', text: '' })
  })

  it('a recused member cannot open the sheet', async () => {
    const { client } = fakeClient({ 'sheets.get': sheet({ state: 'recused', editable: false }) })
    render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client })
    expect(await screen.findByTestId('sheet-unavailable')).toHaveTextContent('xung đột lợi ích')
    expect(screen.queryByTestId('scoring-sheet')).toBeNull()
  })

  it("lists only the member's own sheets with their states", async () => {
    // An earlier test focused a criterion of product 11: that place would reopen the sheet (F5 behaviour).
    sessionStorage.clear()
    const { client, calls } = fakeClient({
      'sheets.mine': [
        { productId: 11, code: 'a', name: 'Bánh đa nem', setId: 'QD26-2026-06', scoringRound: 1, state: 'submitted', total: 72 },
        { productId: 12, code: 'b', name: 'Chè Thái', setId: 'QD26-2026-11', scoringRound: 1, state: 'recused', total: null }
      ]
    })
    const { container } = render(<MySheets sessionId={1} memberId={2} memberName="Lê Thị Bình" />, { client })
    await screen.findByTestId('my-sheets')
    expect(container.querySelector('[data-product-id="11"]')).toHaveTextContent('72 điểm')
    expect(screen.queryByTestId('open-sheet-12')).toBeNull()
    expect(calls[0]).toEqual({ method: 'sheets.mine', input: { sessionId: 1, memberId: 2 } })
  })
})

describe('SheetPage: the previous evaluation of a product that comes back', () => {
  it('shows a compact line above the sheet and the council option of last time under each criterion', async () => {
    const previous = {
      source: 'app', sessionId: 3, date: '2025-11-20', stars: 3, mean: 68.5, parts: { A: 30, B: 15, C: 23.5 },
      certificate: { number: '215/GCN-UBND', issuedOn: '2025-12-01', expiryDate: '2028-12-01', stars: 3, status: 'valid' },
      criteria: [{ criterionCode: '1.1', optionId: '1.1.b', optionText: 'Phương án b', points: 2, meanPoints: 2, spread: 0 }]
    }
    const { client, calls } = fakeClient({ 'sheets.get': () => sheet(), 'history.previous': { productId: 11, previous, moved: [] } })
    const { container } = render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client })
    const line = await screen.findByTestId('previous-on-sheet')
    expect(line).toHaveTextContent('Lần đánh giá trước: ★★★ 3 sao, tổng điểm trung bình 68,50 (phiên họp ngày 20/11/2025); giấy chứng nhận số 215/GCN-UBND ngày 01/12/2025')
    expect(calls.find((c) => c.method === 'history.previous')!.input).toEqual({ sessionId: 1, productId: 11 })
    const crit = (c: string) => container.querySelector(`[data-criterion="${c}"]`) as HTMLElement
    expect(crit('1.1').querySelector('[data-testid="previous-option"]')).toHaveTextContent('Lần trước: Phương án b (2 điểm)')
    expect(crit('1.2').querySelector('[data-testid="previous-option"]')).toBeNull()
  })

  it('a recorded certificate gives stars and certificate only; a first evaluation shows nothing', async () => {
    const recorded = { source: 'recorded', sessionId: null, date: '2022-12-31', stars: 4, mean: null, parts: null, certificate: { number: '15/GCN-UBND', issuedOn: '2022-12-31', expiryDate: '2025-12-31', stars: 4, status: 'valid' }, criteria: [] }
    const first = fakeClient({ 'sheets.get': () => sheet(), 'history.previous': { productId: 11, previous: recorded, moved: [] } })
    const a = render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client: first.client })
    expect(await screen.findByTestId('previous-on-sheet')).toHaveTextContent('4 sao theo giấy chứng nhận đã cấp, không có điểm chấm')
    a.unmount()
    const none = fakeClient({ 'sheets.get': () => sheet(), 'history.previous': { productId: 11, previous: null, moved: [] } })
    render(<SheetPage sessionId={1} productId={11} memberId={2} />, { client: none.client })
    await screen.findByTestId('scoring-sheet')
    await waitFor(() => expect(none.calls.some((c) => c.method === 'history.previous')).toBe(true))
    expect(screen.queryByTestId('previous-on-sheet')).toBeNull()
    expect(screen.queryByTestId('previous-option')).toBeNull()
  })
})
