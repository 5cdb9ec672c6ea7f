// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../src-renderer/api/client'
import { InspectionsCard } from '../../src-renderer/features/dashboard/InspectionsCard'
import { parseInspectionRecordPath } from '../../src-renderer/features/inspections/recordLink'
import { INSPECTION_ITEM_CODES } from '../../src-main/shared/inspection'
import { render, screen, waitFor, within } from '../utils/render'

// Recharts measures its container; jsdom has none.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} } as never

const summary = {
  year: 2026,
  planned: 1500,
  plannedDone: 1200,
  inspections: 1320,
  adHoc: 120,
  findings: INSPECTION_ITEM_CODES.map((item, k) => ({ item, pass: 1000, fail: k === 0 ? 7 : 0, advice: k === 1 ? 3 : 0 })),
  outcomes: { 'no-action': 1300, recommendations: 19, 'revocation-proposed': 1 },
  overdue: [{ inspectionId: 42, productId: 9, productName: 'Trà atiso túi lọc', inspectedOn: '2025-11-03', deadline: '2026-01-15' }]
}

describe('dashboard: post-recognition inspection card', { timeout: 60_000 }, () => {
  it('vi numbers, the findings chart as a table, and overdue follow-ups linking to their record', async () => {
    const calls: Array<[string, unknown]> = []
    const client: ApiClient = { call: (async (m: string, i: unknown) => (calls.push([m, i]), { ok: true, value: summary })) as ApiClient['call'] }
    const { user, location } = render(<InspectionsCard />, { client })
    await waitFor(() => expect(screen.getByTestId('inspections-planned').textContent).toContain('1.200 / 1.500'))
    expect(calls[0]![0]).toBe('inspections.summary')
    expect(screen.getByTestId('inspections-count').textContent).toContain('1.320')
    const table = screen.getByTestId('chart-findings-table')
    const row = (label: string) => within(table).getByRole('rowheader', { name: label }).closest('tr')!.textContent
    expect(row('Đạt')).toContain(String((1000 * INSPECTION_ITEM_CODES.length).toLocaleString('vi-VN')))
    expect(row('Không đạt')).toContain('7')
    expect(row('Có khuyến nghị')).toContain('3')
    const link = within(screen.getByTestId('inspections-overdue')).getByRole('link', { name: 'Trà atiso túi lọc — biên bản ngày 03/11/2025' })
    expect(screen.getByTestId('inspections-overdue').textContent).toContain('(hạn 15/01/2026)')
    await user.click(link)
    expect(location.history!.at(-1)).toBe('/inspections/records/2025/42')
    expect(parseInspectionRecordPath('/records/2025/42')).toEqual({ year: 2025, id: 42 })
    expect(parseInspectionRecordPath('/records/2025/x')).toBeNull()
  })
})
