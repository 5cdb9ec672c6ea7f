// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../src-renderer/api/client'
import { MinutesTextPanel } from '../../../src-renderer/features/sessions/documents/MinutesTextPanel'
import { render, screen, waitFor } from '../../utils/render'

function client(): ApiClient & { calls: Array<[string, unknown]> } {
  const calls: Array<[string, unknown]> = []
  const value = { endTime: '11:30', conclusion: '', absences: {}, defaultConclusion: 'Kết luận', absent: [], locked: false }
  return {
    calls,
    call: (async (method: string, input: unknown) => {
      calls.push([method, input])
      return { ok: true, value }
    }) as ApiClient['call']
  }
}

describe('minutes text panel', () => {
  it('shows the end time as a 24-hour HH:MM text, never a native time field (which prints "11:30 AM" on an English system)', async () => {
    const c = client()
    const { user } = render(<MinutesTextPanel sessionId={4} />, { client: c })
    const input = await screen.findByTestId('minutes-end-time')
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('11:30'))
    expect(input.getAttribute('type')).not.toBe('time')
    expect(input.getAttribute('placeholder')).toBe('HH:MM')
    await user.clear(input)
    await user.type(input, '16:45')
    await user.click(screen.getByTestId('minutes-save'))
    await waitFor(() => expect(c.calls.find(([m]) => m === 'documents.saveMinutesText')).toEqual(['documents.saveMinutesText', { sessionId: 4, endTime: '16:45', conclusion: '', absences: {} }]))
  })
})
