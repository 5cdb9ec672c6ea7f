// @vitest-environment jsdom
import { AppLayout } from '../../src-renderer/features/shell/AppLayout'
import type { ApiClient } from '../../src-renderer/api/client'
import { render, screen } from '../utils/render'

const client: ApiClient = {
  call: (async (method: string) => {
    if (method === 'criteria.list') return { ok: true, value: [] }
    return { ok: false, error: { code: 'NOT_FOUND', message: 'x' } }
  }) as ApiClient['call']
}

describe('AppLayout', () => {
  it('lists every area in Vietnamese and explains the ones not built yet instead of an empty page', async () => {
    const { user, container } = render(<AppLayout initial="criteria" />, { client })
    for (const label of ['Tổng quan', 'Đợt/Phiên đánh giá', 'Sản phẩm', 'Chủ thể', 'Hội đồng', 'Bộ tiêu chí', 'Báo cáo', 'Cài đặt'])
      expect(screen.getByText(label)).toBeInTheDocument()
    const unavailable = container.querySelectorAll('[data-available="false"]')
    if (unavailable.length === 0) return
    await user.click(unavailable[0] as HTMLElement)
    expect(await screen.findByText('Chức năng chưa có trong phiên bản này')).toBeInTheDocument()
  })
})
