// @vitest-environment jsdom
import type { ApiClient } from '../../src-renderer/api/client'
import { ProducerDetail } from '../../src-renderer/features/producers/ProducerDetail'
import { ProducerForm } from '../../src-renderer/features/producers/ProducerForm'
import type { Core } from '../../src-main/core'
import { localCtx, ok, testCore } from '../utils/core'
import { render, screen, waitFor } from '../utils/render'
import { producerInput } from '../main/catalogue/helpers'

// jsdom has no layout: the combobox scrolls its searched option into view.
Element.prototype.scrollIntoView = vi.fn()

let core: Core
const client: ApiClient = { call: ((method: string, input: unknown) => core.registry.dispatch(method, input, localCtx)) as ApiClient['call'] }
beforeEach(async () => {
  core = await testCore()
})
afterEach(() => core.close())
const product = (producerId: number, name: string) => ok(core, 'products.create', { producerId, name, setId: 'QD26-2026-01', registrationType: 'lan-dau', year: 2026 })

describe('producer page: merge a duplicate', () => {
  it('names both producers and the products that move, then merges', async () => {
    const keep = await ok(core, 'producers.create', producerInput())
    const dup = await ok(core, 'producers.create', producerInput({ name: 'HTX Nông nghiệp Đà Lạt (trùng)', regNo: '' }))
    await product(dup.id, 'Mứt dâu')
    await product(dup.id, 'Trà Atiso')
    const { user } = render(<ProducerDetail id={keep.id} onEdit={() => {}} onBack={() => {}} />, { client })
    await user.click(await screen.findByRole('button', { name: 'Gộp chủ thể trùng' }))
    await user.click(await screen.findByRole('textbox', { name: 'Chủ thể trùng (gõ tên để tìm)' }))
    await user.click(await screen.findByRole('option', { name: /HTX Nông nghiệp Đà Lạt \(trùng\)/ }))
    expect(screen.getByTestId('merge-confirm')).toHaveTextContent('Gộp «HTX Nông nghiệp Đà Lạt (trùng)» vào «Hợp tác xã Nông nghiệp Đà Lạt»: 2 sản phẩm sẽ chuyển sang «Hợp tác xã Nông nghiệp Đà Lạt», mã sản phẩm không đổi')
    await user.click(screen.getByRole('button', { name: 'Gộp' }))
    await waitFor(() => expect(core.db.prepare('SELECT count(*) FROM producers').pluck().get()).toBe(1))
    expect(core.db.prepare('SELECT DISTINCT producer_id FROM products').pluck().all()).toEqual([keep.id])
  })
})

describe('producer form: a new commune asks whether the products move', () => {
  it('asks «Chuyển N sản phẩm sang xã mới?» and moves them when the clerk says so', async () => {
    const p = await ok(core, 'producers.create', producerInput())
    await product(p.id, 'Mứt dâu')
    const initial = await ok(core, 'producers.get', { id: p.id })
    const saved = vi.fn()
    const { user } = render(<ProducerForm initial={initial} defaultProvince="68" onSaved={saved} onCancel={() => {}} />, { client })
    await user.click(await screen.findByRole('textbox', { name: 'Xã/Phường/Đặc khu' }))
    await user.click(await screen.findByRole('option', { name: 'Xã Lạc Dương' }))
    await user.click(screen.getByRole('button', { name: 'Lưu' }))
    expect(await screen.findByText('Chuyển 1 sản phẩm sang xã mới?')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Chuyển 1 sản phẩm' }))
    await waitFor(() => expect(saved).toHaveBeenCalled())
    expect(core.db.prepare('SELECT commune_code FROM products').pluck().all()).toEqual(['24848'])
  })
})
