// @vitest-environment jsdom
import { DisplaySettings } from '../../src-renderer/features/settings/DisplaySettings'
import { LargeTextSwitch } from '../../src-renderer/ui/LargeText'
import { render, screen, waitFor } from '../utils/render'

describe('large text in Cài đặt', () => {
  it('is the same per-device preference as the header switch and survives a reload', async () => {
    localStorage.clear()
    document.documentElement.style.fontSize = ''
    const first = render(<><LargeTextSwitch /><DisplaySettings /></>)
    const header = screen.getByTestId('large-text')
    const settings = screen.getByTestId('settings-large-text')
    expect(settings).toHaveAccessibleName(/^Chữ lớn Phóng to chữ/)
    await first.user.click(settings)
    expect(localStorage.getItem('ocop.largeText')).toBe('true')
    await waitFor(() => expect(header).toBeChecked())
    expect(document.documentElement.style.fontSize).toBe('118.75%')
    first.unmount()

    // A reload: nothing in memory, only this device's storage.
    document.documentElement.style.fontSize = ''
    const second = render(<DisplaySettings />)
    expect(screen.getByTestId('settings-large-text')).toBeChecked()
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe('118.75%'))
    await second.user.click(screen.getByTestId('settings-large-text'))
    expect(localStorage.getItem('ocop.largeText')).toBe('false')
    await waitFor(() => expect(document.documentElement.style.fontSize).toBe(''))
  })
})
