// @vitest-environment jsdom
import type { ApiClient } from '../../src-renderer/api/client'
import { ProducerForm } from '../../src-renderer/features/producers/ProducerForm'
import { DossierPanel } from '../../src-renderer/features/products/DossierPanel'
import { setOptions } from '../../src-renderer/features/products/SetSelect'
import { ProvinceSettings } from '../../src-renderer/features/settings/ProvinceSettings'
import type { Core } from '../../src-main/core'
import { localCtx, ok, testCore } from '../utils/core'
import { render, screen, waitFor, within } from '../utils/render'
import { producerInput } from '../main/catalogue/helpers'

let core: Core
const calls: string[] = []
const client: ApiClient = {
  call: ((method: string, input: unknown) => {
    calls.push(method)
    return core.registry.dispatch(method, input, localCtx)
  }) as ApiClient['call']
}
beforeEach(async () => {
  core = await testCore()
  calls.length = 0
})
afterEach(() => core.close())

describe('ProducerForm', () => {
  it('shows the contract rules inline and sends nothing while they fail', async () => {
    const { user } = render(<ProducerForm defaultProvince="68" onSaved={() => {}} onCancel={() => {}} />, { client })
    await user.type(screen.getByLabelText('Email'), 'sai-email')
    await user.click(screen.getByRole('button', { name: 'Lưu' }))
    expect(await screen.findByText('Chọn loại hình chủ thể')).toBeInTheDocument()
    expect(screen.getByText('Địa chỉ email không hợp lệ')).toBeInTheDocument()
    expect(screen.getByText('Chọn xã/phường/đặc khu')).toBeInTheDocument()
    expect(screen.getAllByText('Không được để trống').length).toBe(2)
    expect(calls).not.toContain('producers.create')
  })

  it('records unknown facts only when the clerk says «Chưa rõ», and sends them as null', async () => {
    const saved = vi.fn()
    const { user } = render(<ProducerForm defaultProvince="68" onSaved={saved} onCancel={() => {}} />, { client })
    await user.click(screen.getByRole('textbox', { name: 'Loại hình' }))
    await user.click(await screen.findByRole('option', { name: 'Hợp tác xã' }))
    await user.type(screen.getByRole('textbox', { name: /^Tên chủ thể/ }), 'Hợp tác xã Cũ')
    await user.click(screen.getByLabelText('Chưa rõ người đại diện'))
    await user.click(screen.getByLabelText('Chưa rõ dân tộc'))
    await user.click(screen.getByLabelText('Chưa rõ xã/phường (địa chỉ chỉ có tỉnh)'))
    // Gender and disability: the third option of each segmented control.
    const unknowns = screen.getAllByLabelText('Chưa rõ')
    expect(unknowns).toHaveLength(2)
    for (const u of unknowns) await user.click(u)
    await user.click(screen.getByRole('button', { name: 'Lưu' }))
    await waitFor(() => expect(saved).toHaveBeenCalled())
    expect(saved.mock.calls[0]![0]).toMatchObject({ repName: null, repGender: null, repEthnicity: null, repDisability: null, communeCode: null, qualifies32: null })
  })

  it('puts a server refusal (duplicate registration number) on the field', async () => {
    await ok(core, 'producers.create', producerInput())
    const other = await ok(core, 'producers.create', producerInput({ name: 'HTX khác', regNo: '5800999999' }))
    const saved = vi.fn()
    const { user } = render(<ProducerForm initial={other} defaultProvince="68" onSaved={saved} onCancel={() => {}} />, { client })
    const regNo = screen.getByLabelText('Mã số thuế / Số ĐKKD')
    await user.clear(regNo)
    await user.type(regNo, '5800123456')
    await user.click(screen.getByRole('button', { name: 'Lưu' }))
    expect(await screen.findByText('Đã có chủ thể với số này')).toBeInTheDocument()
    expect(screen.getByText(/đã thuộc chủ thể "Hợp tác xã Nông nghiệp Đà Lạt"/)).toBeInTheDocument()
    expect(saved).not.toHaveBeenCalled()
  })
})

describe('ProvinceSettings', () => {
  it('asks for a province before saving', async () => {
    const { user } = render(<ProvinceSettings />, { client })
    await waitFor(() => expect(calls).toContain('admin.provinces'))
    await user.click(screen.getByRole('button', { name: 'Lưu' }))
    expect(await screen.findByText('Chọn tỉnh/thành phố')).toBeInTheDocument()
    expect(calls).not.toContain('settings.setProvince')
  })
})

describe('DossierPanel', () => {
  it('lists the Điều 6 items, refuses an incomplete dossier and completes once all are received', async () => {
    const p = await ok(core, 'producers.create', producerInput())
    const x = await ok(core, 'products.create', { producerId: p.id, name: 'Dâu tây', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    const changed = vi.fn()
    const { user, container } = render(<DossierPanel productId={x.id} onChanged={changed} />, { client })
    await screen.findByText('05 mẫu sản phẩm')
    const rows = () => [...container.querySelectorAll('[data-item]')]
    expect(rows().map((r) => r.getAttribute('data-item'))).toEqual(['mau-01', 'mau-02', 'commune-letter', 'mau-03', 'samples'])
    await user.click(screen.getByRole('button', { name: 'Hoàn tất hồ sơ' }))
    expect(await screen.findByText(/Hồ sơ chưa đầy đủ, còn thiếu/)).toBeInTheDocument()
    for (const row of rows()) {
      await user.click(within(row as HTMLElement).getByLabelText('Đã nhận'))
      await waitFor(() => expect(row.getAttribute('data-satisfied')).toBe('true'))
    }
    await user.click(screen.getByRole('button', { name: 'Hoàn tất hồ sơ' }))
    await waitFor(() => expect(container.querySelector('[data-testid="dossier"]')?.getAttribute('data-complete')).toBe('true'))
    expect(changed).toHaveBeenCalled()
  })
})

describe('setOptions', () => {
  it('groups the 26 sets by sector and group, labelled by number and subgroup', async () => {
    const groups = setOptions(await ok(core, 'criteria.list', {}))
    expect(groups.flatMap((g) => g.items)).toHaveLength(26)
    expect(groups[0]).toMatchObject({ group: 'SẢN PHẨM THỰC PHẨM › Thực phẩm tươi sống', items: [{ value: 'QD26-2026-01', label: '1. Rau, củ, quả, hạt tươi' }, expect.anything()] })
  })
})
