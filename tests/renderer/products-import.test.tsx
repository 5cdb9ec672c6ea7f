// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { ProductsPage } from '../../src-renderer/features/products/ProductsPage'
import { render, screen, waitFor } from '../utils/render'

describe('Sản phẩm page', () => {
  it('opens the same Excel import as Chủ thể from «Nhập từ Excel»', async () => {
    const calls: string[] = []
    const client: ApiClient = {
      call: (async (method: string) => {
        calls.push(method)
        if (method === 'products.list') return { ok: true, value: { items: [], total: 0, page: 1, pageSize: 50 } }
        if (method === 'settings.getProvince') return { ok: true, value: { provinceCode: '68', provinceName: 'Lâm Đồng', bodyName: '', advisoryBody: '', placeName: '' } }
        return { ok: true, value: [] }
      }) as ApiClient['call']
    }
    const { user } = render(<ProductsPage />, { client })
    await waitFor(() => expect(calls).toContain('products.list'))
    expect(screen.queryByText('Nhập chủ thể và sản phẩm từ tệp Excel')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Nhập từ Excel' }))
    expect(await screen.findByText('Nhập chủ thể và sản phẩm từ tệp Excel')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Tải tệp mẫu' })).toBeTruthy()
  })
})
