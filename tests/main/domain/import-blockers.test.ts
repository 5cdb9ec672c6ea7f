import { describe, expect, it } from 'vitest'
import { blockersText, importBlockers } from '../../../src-main/domain/import-blockers'

const res = (...s: string[]) => s.map((status) => ({ status }))

describe('importBlockers', () => {
  it('counts commune choices apart from the errors to fix', () => {
    expect(importBlockers({ errorCount: 2, resolutions: res('choice', 'resolved', 'choice') })).toEqual({ fix: 0, choose: 2, duplicates: 0 })
    expect(importBlockers({ errorCount: 5, resolutions: res('choice', 'chosen') })).toEqual({ fix: 4, choose: 1, duplicates: 0 })
    expect(importBlockers({ errorCount: 3, resolutions: [] })).toEqual({ fix: 3, choose: 0, duplicates: 0 })
    // A pending duplicate carries one error, counted as a choice to make, not an error to fix in the file.
    expect(importBlockers({ errorCount: 3, resolutions: res('choice'), actions: [{ action: 'duplicate' }, { action: 'add' }] })).toEqual({ fix: 1, choose: 1, duplicates: 1 })
    expect(blockersText({ fix: 0, choose: 0, duplicates: 2 })).toBe('Chưa nhập: cần chọn cách xử lý 2 dòng trùng (--duplicate producers|products:DÒNG=update:MÃ|add|skip).')
  })
  it('says exactly what blocks the commit', () => {
    expect(blockersText({ fix: 0, choose: 2, duplicates: 0 })).toBe('Chưa nhập: cần chọn xã/phường cho 2 dòng (--choose DÒNG=MÃ_XÃ).')
    expect(blockersText({ fix: 3, choose: 0, duplicates: 0 })).toBe('Chưa nhập: cần sửa 3 lỗi trong tệp.')
    expect(blockersText({ fix: 1, choose: 1, duplicates: 0 })).toBe('Chưa nhập: cần sửa 1 lỗi trong tệp và chọn xã/phường cho 1 dòng (--choose DÒNG=MÃ_XÃ).')
    expect(blockersText({ fix: 0, choose: 0, duplicates: 0 })).toBe('')
  })
})
