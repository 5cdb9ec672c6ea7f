// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { NextStepsPanel } from '../../../src-renderer/features/sessions/NextStepsPanel'
import { render, screen } from '../../utils/render'
import { fakeClient } from './fake'

const issue = (kind: string, number: string) => ({ kind, productId: null, number, date: '2026-11-25', settingsVersion: 1, issuedAt: '2026-11-25T02:00:00Z' })
const approval = { id: 4, sessionId: 3, subject: 'Kết quả', approverName: 'Trần Văn An', approverRole: 'chair', authority: '', positionTitle: 'Chủ tịch', note: '', approvedAt: '2026-11-26T02:00:00Z' }
const signedDoc = (approvalId: number) => ({ id: approvalId * 10, approvalId, sourceSha256: 'a', signedSha256: 'b', fileName: 'bb.pdf', byteSize: 1, signerSubject: 'CN', signerName: 'An', certSerial: '1', subFilter: 'ETSI.CAdES.detached', signedAt: '2026-11-26T03:00:00Z' })
const cert = (id: number, sessionId: number | null) => ({ id, sessionId, productId: id })

function steps() {
  return Object.fromEntries(
    [...screen.getByTestId('next-steps').querySelectorAll('li')].map((li) => [li.getAttribute('data-step'), { state: li.getAttribute('data-state'), href: li.querySelector('a')!.getAttribute('href') }])
  )
}

describe('NextStepsPanel', () => {
  it('right after finalization: everything to do, certificates wait for the decision and link to the Văn bản tab', async () => {
    const { client } = fakeClient({ 'documents.issues': [], 'signing.approvals': [], 'signing.list': [], 'certificates.list': [cert(1, 8)] })
    render(<NextStepsPanel sessionId={3} />, { client })
    await screen.findByTestId('next-steps')
    expect(steps()).toEqual({
      minutes: { state: 'todo', href: '#/rounds/3/documents' },
      sign: { state: 'todo', href: '#/reports/signing' },
      certificates: { state: 'waiting', href: '#/rounds/3/documents' },
      exports: { state: 'waiting', href: '#/reports/exports' }
    })
    expect(screen.getByTestId('next-detail-minutes')).toHaveTextContent('Biên bản chưa ban hành')
    expect(screen.getByTestId('next-detail-certificates')).toHaveTextContent('Cần ban hành quyết định công nhận trước')
  })

  it('reads each step from the records: minutes and decision issued, approved but not signed, certificates of this session only', async () => {
    const { client, calls } = fakeClient({
      'documents.issues': [issue('minutes', '03/BB-HĐOCOP'), issue('report', '04/BC-HĐOCOP'), issue('decision', '120/QĐ-UBND')],
      'signing.approvals': [approval],
      'signing.list': [signedDoc(99)],
      'certificates.list': [cert(1, 8)]
    })
    render(<NextStepsPanel sessionId={3} />, { client })
    await screen.findByTestId('next-steps')
    expect(steps()).toMatchObject({ minutes: { state: 'done' }, sign: { state: 'partial' }, certificates: { state: 'todo', href: '#/reports/certificates/3' }, exports: { state: 'waiting' } })
    expect(screen.getByTestId('next-detail-minutes')).toHaveTextContent('Biên bản đã ban hành số 03/BB-HĐOCOP')
    expect(screen.getByTestId('next-detail-sign')).toHaveTextContent('Đã phê duyệt, chưa ký số')
    expect(screen.getByTestId('next-detail-certificates')).toHaveTextContent('Quyết định công nhận số 120/QĐ-UBND đã ban hành')
    expect(calls.find((c) => c.method === 'signing.approvals')!.input).toEqual({ sessionId: 3 })
  })

  it('all done: signed documents of the approval, certificates issued, exports ready', async () => {
    const { client } = fakeClient({
      'documents.issues': [issue('minutes', '03/BB-HĐOCOP'), issue('decision', '120/QĐ-UBND')],
      'signing.approvals': [approval],
      'signing.list': [signedDoc(4), signedDoc(4), signedDoc(99)],
      'certificates.list': [cert(1, 3), cert(2, 3), cert(5, null)]
    })
    render(<NextStepsPanel sessionId={3} />, { client })
    await screen.findByTestId('next-steps')
    expect(steps()).toMatchObject({ minutes: { state: 'done' }, sign: { state: 'done' }, certificates: { state: 'done' }, exports: { state: 'todo' } })
    expect(screen.getByTestId('next-detail-sign')).toHaveTextContent('đã ký số 2 văn bản')
    expect(screen.getByTestId('next-detail-certificates')).toHaveTextContent('Đã cấp 2 giấy chứng nhận theo quyết định 120/QĐ-UBND')
    expect(screen.getByRole('link', { name: /Đến Xuất dữ liệu/ })).toHaveAttribute('href', '#/reports/exports')
  })
})
