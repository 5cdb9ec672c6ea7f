// @vitest-environment jsdom
import type { ImportPreview } from '../../src-main/shared/api/catalogue-import'
import type { ApiClient } from '../../src-renderer/api/client'
import { CatalogueImport } from '../../src-renderer/features/catalogue-import/CatalogueImport'
import { render, screen, waitFor } from '../utils/render'

function preview(errors: boolean): ImportPreview {
  return {
    fileName: 'ds.xlsx',
    sha256: 'a'.repeat(64),
    rows: [
      { sheet: 'producers', row: 2, cells: { no: '1', name: 'HTX Một', kind: 'Hợp tác xã', communeCode: '24778' } },
      { sheet: 'producers', row: 3, cells: { no: '2', name: 'HTX Hai', kind: 'Hợp tác xã', communeCode: '99999' } },
      { sheet: 'products', row: 2, cells: { no: '1', name: 'Trà Atiso', producerNo: '1', setId: 'QD26-2026-05' } }
    ],
    issues: errors
      ? [
          { sheet: 'producers', row: 3, column: 'Mã xã', message: 'Không có xã/phường mã 99999', severity: 'error' },
          { sheet: 'producers', row: 2, column: 'Tên chủ thể', message: 'Có thể trùng với chủ thể đã có «HTX Một»: cùng tên, cùng xã', severity: 'warning' }
        ]
      : [],
    resolutions: [],
    actions: [],
    producers: 2,
    products: 1,
    certificates: 0,
    errorCount: errors ? 1 : 0,
    warningCount: errors ? 1 : 0
  }
}

function client(previews: ImportPreview[]) {
  const calls: Array<{ method: string; input: any }> = []
  const c: ApiClient = {
    call: (async (method: string, input: any) => {
      calls.push({ method, input })
      if (method === 'catalogueImport.preview') return { ok: true, value: previews.shift() }
      if (method === 'catalogueImport.commit') return { ok: true, value: { sha256: input.sha256, producers: 2, products: 1, certificates: 1, producersUpdated: 1, productsUpdated: 0, warningCount: 0 } }
      return { ok: false, error: { code: 'NOT_FOUND', message: 'x' } }
    }) as ApiClient['call']
  }
  return { c, calls }
}

const xlsx = (name: string) => new File([new Uint8Array([80, 75, 3, 4])], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })

describe('CatalogueImport', () => {
  it('highlights rows with errors, keeps the commit disabled, and commits a clean file by its SHA-256', async () => {
    const { c, calls } = client([preview(true), preview(false)])
    let imported = 0
    const { user, container } = render(<CatalogueImport onImported={() => imported++} />, { client: c })
    const commit = () => screen.getByRole('button', { name: 'Nhập dữ liệu' })
    expect(commit()).toBeDisabled()

    const input = container.querySelector('input[type="file"]') as HTMLInputElement
    await user.upload(input, xlsx('loi.xlsx'))
    expect(await screen.findByTestId('import-summary')).toHaveTextContent('2 chủ thể, 1 sản phẩm — 1 lỗi, 1 cảnh báo')
    expect(calls[0]).toMatchObject({ method: 'catalogueImport.preview', input: { fileName: 'loi.xlsx', contentBase64: 'UEsDBA==' } })
    const bad = container.querySelectorAll('[data-sheet="producers"][data-row-error="true"]')
    expect([...bad].map((r) => r.getAttribute('data-row'))).toEqual(['3'])
    expect(bad[0]).toHaveTextContent('Mã xã: Không có xã/phường mã 99999')
    expect(container.querySelector('[data-row="2"][data-row-warning="true"]')).not.toBeNull()
    expect(commit()).toBeDisabled()
    expect(screen.getByTestId('import-blockers')).toHaveTextContent('Hãy sửa 1 lỗi trong tệp')

    await user.click(screen.getByText('Tất cả các dòng'))
    expect(container.querySelectorAll('[data-sheet="producers"][data-row]')).toHaveLength(2)

    await user.upload(input, xlsx('dung.xlsx'))
    await waitFor(() => expect(commit()).toBeEnabled())
    await user.click(commit())
    expect(await screen.findByTestId('import-done')).toHaveTextContent('Đã nhập 2 chủ thể mới, 1 sản phẩm mới, cập nhật 1 chủ thể và 0 sản phẩm, ghi nhận 1 giấy chứng nhận.')
    expect(calls.at(-1)).toMatchObject({ method: 'catalogueImport.commit', input: { fileName: 'dung.xlsx', sha256: 'a'.repeat(64) } })
    expect(imported).toBe(1)
  })
})

describe('CatalogueImport: communes to choose', () => {
  it('shows how communes were read, asks for a choice, re-previews with it and commits with it', async () => {
    const candidate = (code: string, name: string) => ({ code, name, provinceCode: '68', provinceName: 'Tỉnh Lâm Đồng', via: `Xã Lát, Huyện Lạc Dương, Tỉnh Lâm Đồng (cũ) — ${name}` })
    const pending: ImportPreview = {
      ...preview(false),
      errorCount: 1,
      issues: [{ sheet: 'producers', row: 3, column: 'Mã xã', message: 'Cần chọn xã/phường: «Xã Lát» chưa đủ chắc chắn (chỉ khớp tên)', severity: 'error' }],
      resolutions: [
        { row: 2, input: '24862', status: 'resolved', how: 'old-code', code: '24846', name: 'Phường Lang Biang - Đà Lạt', via: 'mã cũ 24862', reason: '', candidates: [] },
        { row: 3, input: 'Xã Lát', status: 'choice', how: 'old-names', code: null, name: null, via: '', reason: '«Xã Lát» chưa đủ chắc chắn (chỉ khớp tên)', candidates: [candidate('24846', 'Phường Lang Biang - Đà Lạt'), candidate('24848', 'Xã Lạc Dương')] }
      ],
      actions: [{ sheet: 'producers', row: 2, action: 'update', matchedBy: 'mã số thuế 5800123401', changes: [], duplicate: null }]
    }
    const chosen: ImportPreview = { ...pending, errorCount: 0, issues: [], resolutions: [pending.resolutions[0]!, { ...pending.resolutions[1]!, status: 'chosen', how: 'chosen', code: '24846', name: 'Phường Lang Biang - Đà Lạt' }] }
    const { c, calls } = client([pending, chosen])
    const { user, container } = render(<CatalogueImport />, { client: c })
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, xlsx('cu.xlsx'))
    expect(await screen.findByTestId('commune-resolutions')).toHaveAttribute('data-pending', '1')
    // Only a choice blocks the commit: the summary says so and asks for no fix in the file.
    expect(screen.getByTestId('import-summary')).toHaveTextContent('0 lỗi, 1 dòng cần chọn xã/phường, 0 cảnh báo')
    expect(screen.getByTestId('import-blockers')).toHaveTextContent('Còn 1 dòng cần chọn xã/phường')
    expect(screen.getByTestId('import-blockers')).not.toHaveTextContent('Hãy sửa')
    expect(screen.getByTestId('import-actions')).toHaveTextContent('cập nhật 1 dòng')
    expect(container.querySelector('[data-resolution-row="2"]')).toHaveTextContent('24846 · Phường Lang Biang - Đà Lạt')
    await user.click(screen.getByRole('textbox', { name: 'Chọn xã/phường cho dòng 3' }))
    await user.click(await screen.findByRole('option', { name: /^24846 · Phường Lang Biang/ }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Nhập dữ liệu' })).toBeEnabled())
    expect(calls.at(-1)).toMatchObject({ method: 'catalogueImport.preview', input: { choices: [{ row: 3, communeCode: '24846' }] } })
    await user.click(screen.getByRole('button', { name: 'Nhập dữ liệu' }))
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ method: 'catalogueImport.commit', input: { choices: [{ row: 3, communeCode: '24846' }] } }))
  })
})

describe('CatalogueImport: re-import as update', () => {
  it('shows «cập nhật» with each field old → new, «không đổi», and a duplicate that blocks until chosen; commits with the choice', async () => {
    const base = preview(false)
    const pending: ImportPreview = {
      ...base,
      rows: [...base.rows, { sheet: 'products', row: 3, cells: { no: '2', name: 'Trà Atiso', producerNo: '1', setId: 'QD26-2026-05' } }],
      errorCount: 1,
      issues: [{ sheet: 'products', row: 3, column: 'Tên sản phẩm', message: 'Cùng sản phẩm với dòng 2: chọn cập nhật sản phẩm nào, thêm mới hay bỏ qua', severity: 'error' }],
      actions: [
        { sheet: 'producers', row: 2, action: 'update', matchedBy: 'mã số thuế 5800123401', changes: [{ field: 'phone', label: 'Điện thoại', from: '02633822111', to: '0912345678' }], duplicate: null },
        { sheet: 'producers', row: 3, action: 'unchanged', matchedBy: 'tên, cùng xã', changes: [], duplicate: null },
        { sheet: 'products', row: 2, action: 'unchanged', matchedBy: 'tên, cùng chủ thể', changes: [], duplicate: null },
        { sheet: 'products', row: 3, action: 'duplicate', matchedBy: '', changes: [], duplicate: { reason: 'Cùng sản phẩm với dòng 2', candidates: [], chosen: null } }
      ]
    }
    const chosen: ImportPreview = {
      ...pending,
      errorCount: 0,
      issues: [],
      actions: [...pending.actions.slice(0, 3), { ...pending.actions[3]!, action: 'skip', duplicate: { ...pending.actions[3]!.duplicate!, chosen: 'skip' } }]
    }
    const { c, calls } = client([pending, chosen])
    const { user, container } = render(<CatalogueImport />, { client: c })
    await user.upload(container.querySelector('input[type="file"]') as HTMLInputElement, xlsx('lai.xlsx'))
    expect(await screen.findByTestId('import-actions')).toHaveTextContent('cập nhật 1 dòng, không đổi 2 dòng')
    const producer = container.querySelector('[data-sheet="producers"][data-row="2"]')!
    expect(producer.querySelector('[data-action="update"]')).toHaveTextContent('cập nhật (mã số thuế 5800123401)')
    expect(producer.querySelector('[data-field="phone"]')).toHaveTextContent('Điện thoại: 02633822111 → 0912345678')
    expect(screen.getByTestId('duplicate-choices')).toHaveAttribute('data-pending', '1')
    expect(screen.getByTestId('import-blockers')).toHaveTextContent('Còn 1 dòng cần chọn ở trên (xã/phường hoặc dòng trùng) trước khi nhập.')
    expect(screen.getByRole('button', { name: 'Nhập dữ liệu' })).toBeDisabled()
    await user.click(screen.getByRole('textbox', { name: 'Chọn cách xử lý dòng trùng: Sản phẩm, dòng 3' }))
    await user.click(await screen.findByRole('option', { name: 'Bỏ qua dòng này' }))
    await waitFor(() => expect(screen.getByRole('button', { name: 'Nhập dữ liệu' })).toBeEnabled())
    expect(calls.at(-1)).toMatchObject({ method: 'catalogueImport.preview', input: { rowChoices: [{ sheet: 'products', row: 3, choice: 'skip' }] } })
    await user.click(screen.getByRole('button', { name: 'Nhập dữ liệu' }))
    await waitFor(() => expect(calls.at(-1)).toMatchObject({ method: 'catalogueImport.commit', input: { rowChoices: [{ sheet: 'products', row: 3, choice: 'skip' }] } }))
  })
})
