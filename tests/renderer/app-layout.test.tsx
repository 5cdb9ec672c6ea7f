// @vitest-environment jsdom
import { AppLayout } from '../../src-renderer/features/shell/AppLayout'
import { NAV_ITEMS } from '../../src-renderer/features/registry'
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
    const items = NAV_ITEMS.map((n) => (n.id === 'reports' ? { ...n, page: null } : n))
    const { user, container } = render(<AppLayout initial="criteria" items={items} />, { client })
    for (const label of ['Tổng quan', 'Đợt/Phiên đánh giá', 'Sản phẩm', 'Chủ thể', 'Hội đồng', 'Bộ tiêu chí', 'Báo cáo', 'Cài đặt'])
      expect(screen.getByText(label)).toBeInTheDocument()
    const unavailable = container.querySelectorAll('[data-available="false"]')
    expect(unavailable).toHaveLength(1)
    expect(unavailable[0]).toHaveTextContent('Chưa có')
    await user.click(unavailable[0] as HTMLElement)
    expect(await screen.findByText('Chức năng chưa có trong phiên bản này')).toBeInTheDocument()
    expect(screen.getByText(/Màn hình «Báo cáo» sẽ có trong phiên bản sau/)).toBeInTheDocument()
  })
})
