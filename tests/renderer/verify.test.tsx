// @vitest-environment jsdom
import type { ApiClient } from '../../src-renderer/api/client'
import { VerifyPage } from '../../src-renderer/features/verify/VerifyPage'
import type { PdfCheck } from '../../src-main/shared/contract'
import { render, screen, waitFor } from '../utils/render'

const sig: PdfCheck['signatures'][number] = {
  valid: false,
  coversWholeFile: true,
  digestOk: false,
  signatureOk: true,
  subFilter: 'ETSI.CAdES.detached',
  digestAlgorithm: 'sha256',
  signerName: 'Nguyễn Văn Thử',
  signerSubject: 'C=VN, CN=Nguyễn Văn Thử',
  issuer: 'C=VN, CN=Nguyễn Văn Thử',
  certSerial: '01A2B3C4',
  certValidFrom: '2025-01-01T00:00:00.000Z',
  certValidTo: '2030-01-01T00:00:00.000Z',
  signingTime: '2026-11-28T08:04:05.000Z',
  problems: ['Mã băm của văn bản không khớp với chữ ký: văn bản đã bị thay đổi sau khi ký']
}

function client(): { client: ApiClient; calls: Array<{ method: string; input: unknown }> } {
  const calls: Array<{ method: string; input: unknown }> = []
  return {
    calls,
    client: {
      call: (async (method: string, input: unknown) => {
        calls.push({ method, input })
        if (method === 'verify.pdf') return { ok: true, value: { sha256: 'ab'.repeat(32), byteSize: 10, signatures: [sig], issued: null, source: null } }
        const code = (input as { code: string }).code
        if (code === 'sai') return { ok: false, error: { code: 'VALIDATION', message: 'Mã kiểm tra gồm 10 ký tự chữ và số (ví dụ ABCDE-12345)' } }
        return {
          ok: true,
          value: { code: 'ABCDE12345', issued: { sha256: 'cd'.repeat(32), kind: 'issued', title: 'Biên bản họp Hội đồng', fileName: 'bb.pdf', issuedAt: '2026-11-28T08:00:00.000Z', sessionId: 3, sessionLabel: 'Phiên họp ngày 2026-11-28', verificationCode: 'ABCDE12345' } }
        }
      }) as ApiClient['call']
    }
  }
}

describe('Kiểm tra văn bản', () => {
  it('uploads a PDF as base64 and shows an invalid signature with its reason', async () => {
    const c = client()
    const { user, container } = render(<VerifyPage />, { client: c.client })
    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'qd.pdf', { type: 'application/pdf' }))
    await waitFor(() => expect(screen.getByTestId('signature').dataset.valid).toBe('false'))
    expect(c.calls[0]).toEqual({ method: 'verify.pdf', input: { fileName: 'qd.pdf', contentBase64: 'JVBERg==' } })
    expect(screen.getByText('Không hợp lệ')).toBeTruthy()
    expect(screen.getByText(/văn bản đã bị thay đổi sau khi ký/)).toBeTruthy()
    expect(screen.getByTestId('issued').dataset.issued).toBe('false')
  })

  it('looks up a printed code and shows the session, with inline errors', async () => {
    const c = client()
    const { user } = render(<VerifyPage />, { client: c.client })
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }))
    expect(await screen.findByText('Nhập mã kiểm tra')).toBeTruthy()
    expect(c.calls).toHaveLength(0)
    await user.type(screen.getByTestId('verify-code'), 'sai')
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }))
    expect(await screen.findByText(/Mã kiểm tra gồm 10 ký tự/)).toBeTruthy()
    await user.clear(screen.getByTestId('verify-code'))
    await user.type(screen.getByTestId('verify-code'), 'abcde-12345')
    await user.click(screen.getByRole('button', { name: 'Tra cứu' }))
    await waitFor(() => expect(screen.getByTestId('issued').dataset.issued).toBe('true'))
    expect(screen.getByText('Phiên họp ngày 2026-11-28')).toBeTruthy()
  })
})
