// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../src-renderer/api/client'
import { DocumentsTab } from '../../../src-renderer/features/sessions/DocumentsTab'
import type { DocumentRecord, PackJobStatus, Session } from '../../../src-main/shared/contract'
import { fireEvent, render, screen, waitFor } from '../../utils/render'

const session = {
  id: 3, roundId: 1, roundName: 'Đợt 2 năm 2026', date: '2026-11-20', startTime: '08:00', place: 'Hội trường', councilVersionId: 1, councilName: 'Hội đồng', status: 'finalized',
  productCount: 1, finalizedAt: '2026-11-20T03:00:00.000Z', councilVersionNo: 1, allowedNext: [], createdAt: '2026-11-01T00:00:00.000Z',
  members: [{ id: 11, ord: 1, role: 'chair', fullName: 'Trần Văn An', organisation: '', jobTitle: '', scores: true }],
  agenda: [{ productId: 5, ord: 1, code: '68-24778-001-2026', name: 'Trà Atisô', setId: 'QD26-2026-06', producerName: 'HTX', communeCode: '24778', scoringRound: 1, finalized: true }]
} as Session
const pack: DocumentRecord = { id: 9, kind: 'pack', format: 'pdf', title: 'Hồ sơ phiên họp Đợt 2 năm 2026', number: null, date: '2026-11-20', dataVersion: 'v', inputSha256: 'i', sha256: 'ab'.repeat(32), size: 10, pages: 40, fileName: 'x.pdf', createdAt: '2026-11-20T04:00:00.000Z' }

function fakeApi(): ApiClient & { calls: string[] } {
  const calls: string[] = []
  let polls = 0
  const docs: DocumentRecord[] = []
  const job = (p: number, done: boolean): PackJobStatus => ({ id: 'j', sessionId: 3, progress: p, label: 'Phiếu đánh giá: Trà Atisô', done, error: null, documentId: done ? 9 : null })
  const values: Record<string, () => unknown> = {
    'app.info': () => ({ mode: 'browser' }),
    'documents.sessionList': () => docs,
    'results.list': () => [],
    'documents.nextNumber': () => ({ symbol: 'BB-HĐOCOP', next: 1, assigned: null }),
    'documents.startPack': () => job(0, false),
    'documents.jobStatus': () => (++polls < 2 ? job(0.5, false) : (docs.push(pack), job(1, true)))
  }
  return { calls, call: async (m: string) => (calls.push(m), { ok: true, value: values[m]?.() }) } as unknown as ApiClient & { calls: string[] }
}

describe('DocumentsTab', () => {
  it('starts the pack, shows its progress and lists the result from the register', async () => {
    const api = fakeApi()
    render(<DocumentsTab session={session} />, { client: api })
    await screen.findByTestId('documents-empty')
    fireEvent.click(screen.getByTestId('generate-pack'))
    await waitFor(() => expect(screen.getByTestId('pack-progress').getAttribute('data-progress')).toBe('0.5'))
    await waitFor(() => expect(screen.getByTestId('pack-panel').getAttribute('data-state')).toBe('done'), { timeout: 3000 })
    const row = await screen.findByText('Hồ sơ phiên họp Đợt 2 năm 2026')
    expect(row.closest('tr')?.getAttribute('data-sha256')).toBe(pack.sha256)
    expect(screen.getByText('abababababab')).toBeTruthy()
  })

  it('asks for the product and member of a sheet before generating', async () => {
    const api = fakeApi()
    render(<DocumentsTab session={{ ...session, status: 'open' }} />, { client: api })
    expect(await screen.findByText(/chỉ in được phiếu đánh giá để trống/)).toBeTruthy()
    expect(screen.queryByTestId('generate-pack')).toBeNull()
    fireEvent.click(screen.getByTestId('generate-document'))
    expect(await screen.findByText('Chọn sản phẩm')).toBeTruthy()
    expect(screen.getByText('Chọn thành viên chấm')).toBeTruthy()
    expect(api.calls).not.toContain('documents.forSession')
  })
})
