import type { ApiClient } from '../../../src-renderer/api/client'
import type { Session } from '../../../src-main/shared/api/sessions'

/** A fake ApiClient answering from a table of method → value (or function of the input), recording every call. */
export function fakeClient(answers: Record<string, unknown>) {
  const calls: Array<{ method: string; input: any }> = []
  const client: ApiClient = {
    call: (async (method: string, input: any) => {
      calls.push({ method, input })
      const a = answers[method]
      if (a === undefined) return { ok: false, error: { code: 'NOT_FOUND', message: `không có ${method}` } }
      const v = typeof a === 'function' ? (a as (i: any) => unknown)(input) : a
      return v && typeof v === 'object' && 'ok' in (v as object) ? v : { ok: true, value: v }
    }) as ApiClient['call']
  }
  return { client, calls }
}

const members = ['Trần Văn Chủ', 'Lê Thị Bình', 'Phạm Văn Cường'].map((fullName, i) => ({
  id: i + 1, ord: i + 1, role: i === 0 ? ('chair' as const) : ('member' as const), fullName, organisation: '', jobTitle: '', scores: true
}))

export const session: Session = {
  id: 1, roundId: 1, roundName: 'Đợt 1 năm 2026', date: '2026-06-20', startTime: '08:00', place: 'Sở Nông nghiệp', councilVersionId: 1,
  councilName: 'Hội đồng OCOP tỉnh', status: 'scoring', productCount: 2, finalizedAt: null, councilVersionNo: 1,
  members: [...members, { id: 9, ord: 9, role: 'secretary', fullName: 'Ngô Thư Ký', organisation: '', jobTitle: '', scores: false }],
  agenda: [
    { productId: 11, ord: 1, code: '24-7441-001-2026', name: 'Bánh đa nem', setId: 'QD26-2026-06', producerName: 'HTX Thổ Hà', communeCode: '7441', scoringRound: 1, finalized: false },
    { productId: 12, ord: 2, code: '24-7441-002-2026', name: 'Chè Thái', setId: 'QD26-2026-11', producerName: 'HTX Chè', communeCode: '7441', scoringRound: 2, finalized: false }
  ],
  allowedNext: ['review'], createdAt: '2026-06-01T00:00:00Z'
}

export const quorum = { holds: true, present: 3, total: 3, required: 3, chairPresent: true, reasons: [] }
