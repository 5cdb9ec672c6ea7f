// @vitest-environment jsdom
import { AppLayout } from '../../src-renderer/features/shell/AppLayout'
import { areaOf, NAV_ITEMS } from '../../src-renderer/features/registry'
import type { ApiClient } from '../../src-renderer/api/client'
import { parseRecordView, parseTabbedRecord, recordPath } from '../../src-renderer/routing/views'
import { render, screen, waitFor } from '../utils/render'

const client: ApiClient = {
  call: (async (method: string) => {
    if (method === 'criteria.list') return { ok: true, value: [] }
    return { ok: false, error: { code: 'NOT_FOUND', message: 'x' } }
  }) as ApiClient['call']
}

describe('AppLayout', () => {
  it('lists every area in Vietnamese and explains the ones not built yet instead of an empty page', async () => {
    const items = NAV_ITEMS.map((n) => (n.id === 'reports' ? { ...n, page: null } : n))
    const { user, container } = render(<AppLayout items={items} />, { client, path: '/criteria' })
    for (const label of ['Tổng quan', 'Đợt/Phiên đánh giá', 'Sản phẩm', 'Chủ thể', 'Hội đồng', 'Bộ tiêu chí', 'Báo cáo', 'Cài đặt'])
      expect(screen.getByText(label)).toBeInTheDocument()
    const unavailable = container.querySelectorAll('[data-available="false"]')
    expect(unavailable).toHaveLength(1)
    expect(unavailable[0]).toHaveTextContent('Chưa có')
    await user.click(unavailable[0] as HTMLElement)
    expect(await screen.findByText('Chức năng chưa có trong phiên bản này')).toBeInTheDocument()
    expect(screen.getByText(/Màn hình «Báo cáo» sẽ có trong phiên bản sau/)).toBeInTheDocument()
  })

  it('makes the sidebar real links with addresses, marks the current area, and offers a skip link', async () => {
    const { container, location, user } = render(<AppLayout />, { client, path: '/criteria/QD26-2026-05' })
    const links = [...container.querySelectorAll('nav a[data-nav]')] as HTMLAnchorElement[]
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['/', '/rounds', '/products', '/producers', '/councils', '/criteria', '/reports', '/inspections', '/verify', '/settings'])
    expect(container.querySelector('[aria-current="page"]')).toHaveAttribute('data-nav', 'criteria')
    expect(screen.getByText('Bỏ qua, đến nội dung chính')).toHaveAttribute('href', '#noi-dung')
    // The active item on a detail address leads back to the area's list.
    await user.click(links.find((a) => a.dataset.nav === 'criteria')!)
    expect(location.history.at(-1)).toBe('/criteria')
  })
})

describe('large text', () => {
  it('is switched in the header, scales the whole window and is remembered on this device', async () => {
    localStorage.clear()
    const first = render(<AppLayout />, { client, path: '/criteria' })
    await first.user.click(screen.getByLabelText('Chữ lớn'))
    expect(document.documentElement.style.fontSize).toBe('118.75%')
    expect(localStorage.getItem('ocop.largeText')).toBe('true')
    first.unmount()
    document.documentElement.style.fontSize = ''
    render(<AppLayout />, { client, path: '/criteria' })
    expect(screen.getByLabelText('Chữ lớn')).toBeChecked()
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe('118.75%'))
  })
})

describe('page addresses', () => {
  it('maps list, new, record and edit both ways and sends anything else to the list', () => {
    for (const v of [{ kind: 'list' }, { kind: 'new' }, { kind: 'detail', id: 42 }, { kind: 'edit', id: 7 }] as const)
      expect(parseRecordView(recordPath(v))).toEqual(v)
    for (const junk of ['/abc', '/0', '/12/zzz', '/12/edit/3', '/-1', '/1e3'])
      expect(parseRecordView(junk)).toEqual({ kind: 'list' })
  })

  it('reads a session id and a known tab only', () => {
    const tabs = ['agenda', 'review'] as const
    expect(parseTabbedRecord('/7/review', tabs)).toEqual({ id: 7, tab: 'review' })
    expect(parseTabbedRecord('/7/nope', tabs)).toEqual({ id: 7, tab: null })
    expect(parseTabbedRecord('/', tabs)).toEqual({ id: null, tab: null })
  })

  it('finds the area of an address by its longest prefix', () => {
    expect(areaOf('/')?.id).toBe('dashboard')
    expect(areaOf('/products/12')?.id).toBe('products')
    expect(areaOf('/productsx')).toBeNull()
  })
})
