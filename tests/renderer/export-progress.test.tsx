// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { ExportsPanel } from '../../src-renderer/features/reports/ExportsPanel'
import { render, screen, waitFor } from '../utils/render'

describe('Xuất dữ liệu while an export runs', () => {
  it('shows the busy button and the rows written, keeps other exports waiting, then shows the outcome', async () => {
    let finish: (v: unknown) => void = () => undefined
    const client: ApiClient = {
      call: (async (method: string) => {
        if (method === 'exports.ptntOcop') return new Promise<unknown>((resolve) => (finish = resolve))
        if (method === 'exports.progress') return { ok: true, value: [{ type: 'ptnt', done: 1500, total: 20000 }] }
        return { ok: true, value: [] }
      }) as ApiClient['call']
    }
    const { user } = render(<ExportsPanel />, { client })
    await user.click(screen.getByTestId('export-ptnt-xlsx'))
    expect(await screen.findByText('Đang xuất tệp: 1.500/20.000 dòng', undefined, { timeout: 3000 })).toBeTruthy()
    expect(screen.getByTestId('export-ptnt-xlsx').hasAttribute('data-loading')).toBe(true)
    expect((screen.getByTestId('export-national-xlsx') as HTMLButtonElement).disabled).toBe(true)
    finish({ ok: false, error: { code: 'NOT_FOUND', message: 'Chưa có giấy chứng nhận nào' } })
    expect(await screen.findByText('Chưa có giấy chứng nhận nào')).toBeTruthy()
    await waitFor(() => expect(screen.queryByTestId('export-progress')).toBeNull())
    expect((screen.getByTestId('export-national-xlsx') as HTMLButtonElement).disabled).toBe(false)
  })
})
