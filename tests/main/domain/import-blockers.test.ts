import { describe, expect, it } from 'vitest'
import { blockersText, importBlockers } from '../../../src-main/domain/import-blockers'

const res = (...s: string[]) => s.map((status) => ({ status }))

describe('importBlockers', () => {
  it('counts commune choices apart from the errors to fix', () => {
    expect(importBlockers({ errorCount: 2, resolutions: res('choice', 'resolved', 'choice') })).toEqual({ fix: 0, choose: 2 })
    expect(importBlockers({ errorCount: 5, resolutions: res('choice', 'chosen') })).toEqual({ fix: 4, choose: 1 })
    expect(importBlockers({ errorCount: 3, resolutions: [] })).toEqual({ fix: 3, choose: 0 })
  })
  it('says exactly what blocks the commit', () => {
    expect(blockersText({ fix: 0, choose: 2 })).toBe('Chưa nhập: cần chọn xã/phường cho 2 dòng (--choose DÒNG=MÃ_XÃ).')
    expect(blockersText({ fix: 3, choose: 0 })).toBe('Chưa nhập: cần sửa 3 lỗi trong tệp.')
    expect(blockersText({ fix: 1, choose: 1 })).toBe('Chưa nhập: cần sửa 1 lỗi trong tệp và chọn xã/phường cho 1 dòng (--choose DÒNG=MÃ_XÃ).')
    expect(blockersText({ fix: 0, choose: 0 })).toBe('')
  })
})
