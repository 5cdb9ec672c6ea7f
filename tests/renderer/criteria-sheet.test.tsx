// @vitest-environment jsdom
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CriteriaSheet } from '../../src-renderer/features/criteria/CriteriaSheet'
import { groupSets } from '../../src-renderer/features/criteria/CriteriaTree'
import type { CriteriaFile } from '../../src-main/shared/criteria'
import { render, screen, within } from '../utils/render'

const data = JSON.parse(readFileSync(join(__dirname, '../../resources/criteria/qd26-2026.json'), 'utf8')) as CriteriaFile

describe('CriteriaSheet', () => {
  it('shows set 6 as the Phụ lục II sheet: parts, criterion 1.1 options with points and the *** marker', () => {
    const { container } = render(<CriteriaSheet set={data.sets[5]!} version={data.version} />)
    expect(screen.getByRole('heading', { name: /Bộ tiêu chí số 6: Chế biến từ gạo, ngũ cốc/ })).toBeInTheDocument()
    expect(screen.getByText(/Phần A: SẢN PHẨM VÀ SỨC MẠNH CỦA CỘNG ĐỒNG \(40 điểm\)/)).toBeInTheDocument()
    const option = container.querySelector('[data-option-id="1.1.b"]') as HTMLElement
    expect(within(option).getByText(/từ 50% đến dưới 75%/)).toBeInTheDocument()
    expect(within(option).getByLabelText('Yêu cầu tối thiểu hạng 3 sao')).toHaveTextContent('***')
    expect(container.querySelectorAll('[data-marker="5"]').length).toBeGreaterThan(0)
    expect(container.querySelector('[data-total]')).toHaveTextContent('100')
    expect(container.querySelectorAll('[data-knockout="reject"]').length).toBeGreaterThan(0)
  })

  it('shows the sub-criteria of set 11 and the stop-evaluation note', () => {
    const { container } = render(<CriteriaSheet set={data.sets[10]!} version={data.version} />)
    expect(container.querySelector('[data-criterion="6.1.1"]')).toHaveTextContent('6.1.1. Tạp chất')
    expect(container.querySelectorAll('[data-knockout="stop"]').length).toBeGreaterThan(0)
    expect(screen.getAllByText('Dừng đánh giá').length).toBeGreaterThan(0)
  })
})

describe('groupSets (Phụ lục I tree)', () => {
  it('groups 26 sets into 6 sectors and 17 groups in decision order', () => {
    const tree = groupSets(data.sets.map((s) => ({ id: s.id, no: s.no, name: s.name, classificationCode: s.classificationCode, sector: s.sector, group: s.group, subgroup: s.subgroup, version: data.version, criteriaCount: 1 })))
    expect(tree).toHaveLength(6)
    expect(tree.flatMap((s) => s.groups)).toHaveLength(17)
    expect(tree[0]!.groups[0]!.sets[0]!.no).toBe(1)
  })
})
