import { DEFAULT_QUY_CHE } from '../../../src-main/domain/quy-che'
import { yearWarnings } from '../../../src-main/domain/session-rounds'
import { liveQuorum, rateInputOf, roundComplete, sheetState, visibleRounds, type ProductFacts, type SessionFacts } from '../../../src-main/domain/session-rating'
import { allowedNext, transitionError } from '../../../src-main/domain/session-state'

const seats = [
  { id: 1, role: 'chair' as const, fullName: 'A' },
  { id: 2, role: 'member' as const, fullName: 'B' },
  { id: 3, role: 'member' as const, fullName: 'C' },
  { id: 4, role: 'secretary' as const, fullName: 'D' }
]
const session = (attendance: Array<[number, 'present' | 'absent' | 'left']>): SessionFacts => ({ seats, attendance: new Map(attendance), quyChe: DEFAULT_QUY_CHE })
const product = (over: Partial<ProductFacts> = {}): ProductFacts => ({
  productId: 7,
  name: 'Chè',
  setId: 'QD26-2026-06',
  currentRound: 1,
  declarations: new Map([
    [1, { kind: 'none' as const, text: '' }],
    [2, { kind: 'none' as const, text: '' }],
    [3, { kind: 'family' as const, text: 'Con của chủ thể' }]
  ]),
  sheets: [],
  agreements: [],
  knockoutDecisions: [],
  ...over
})
const sheet = (memberId: number, scoringRound: number, status: 'draft' | 'submitted' = 'submitted') => ({ memberId, scoringRound, status, answers: { '1.1': '1.1.a' }, knockouts: [] })

describe('session domain', () => {
  it('state machine: forward, two ways back, nothing out of finalized', () => {
    expect(transitionError('draft', 'open', { agendaSize: 0, sheets: 0 })).toMatch(/chưa có sản phẩm/)
    expect(transitionError('draft', 'open', { agendaSize: 1, sheets: 0 })).toBeNull()
    expect(transitionError('open', 'draft', { agendaSize: 1, sheets: 2 })).toMatch(/phiếu/)
    expect(transitionError('draft', 'scoring', { agendaSize: 1, sheets: 0 })).toMatch(/Không thể chuyển/)
    expect(allowedNext('review')).toEqual(['scoring'])
    expect(allowedNext('finalized')).toEqual([])
  })

  it('live quorum counts members in the room now; the engine counts everyone who attended', () => {
    const f = session([[1, 'present'], [2, 'present'], [3, 'left'], [4, 'present']])
    expect(liveQuorum(f)).toMatchObject({ holds: true, present: 3, required: 3 })
    expect(liveQuorum(session([[1, 'present'], [2, 'left'], [3, 'left'], [4, 'present']])).holds).toBe(false)
    expect(rateInputOf(f, product()).present).toEqual(['1', '2', '3', '4'])
  })

  it('sealing: a round shows only when every eligible member submitted it; recused and secretary excluded', () => {
    const f = session([[1, 'present'], [2, 'present'], [3, 'present'], [4, 'present']])
    const partial = product({ sheets: [sheet(1, 1), sheet(2, 1, 'draft')] })
    expect(seats.map((s) => sheetState(f, partial, s))).toEqual(['submitted', 'draft', 'recused', 'not-eligible'])
    expect(roundComplete(f, partial, 1)).toBe(false)
    expect(visibleRounds(f, partial)).toEqual([])
    expect(rateInputOf(f, partial).rounds).toEqual([{ round: 1, sheets: [] }])
    const done = product({ sheets: [sheet(1, 1), sheet(2, 1)] })
    expect(visibleRounds(f, done)).toEqual([1])
    const rescoring = product({ currentRound: 2, sheets: [sheet(1, 1), sheet(2, 1), sheet(1, 2)] })
    expect(visibleRounds(f, rescoring)).toEqual([1])
    expect(rateInputOf(f, rescoring).rounds.map((r) => r.round)).toEqual([1])
    expect(rateInputOf(f, done).product.recusals).toEqual([{ memberId: '3', reason: 'Con của chủ thể' }])
  })

  it('warns when a year lacks a round by 30/6 or by 30/12', () => {
    expect(yearWarnings([{ year: 2026, deadline: '2026-06-20' }], [2026]).map((w) => w.message)).toEqual([expect.stringContaining('trước 30/12')])
    expect(yearWarnings([{ year: 2026, deadline: '2026-06-20' }, { year: 2026, deadline: '2026-12-15' }], [2026])).toEqual([])
    expect(yearWarnings([], [2027])).toHaveLength(2)
  })
})
