import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { fake } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const { installMenu, menuTemplate } = await import('../../../src-main/shell/menu')

const sub = (m: MenuItemConstructorOptions | undefined) => (m?.submenu ?? []) as MenuItemConstructorOptions[]
const base = { appName: 'OCOP Council', onAbout: () => {} }

describe('application menu', () => {
  it('is Vietnamese: Tệp/Thoát, Xem/Tải lại, Trợ giúp/Giới thiệu', () => {
    const t = menuTemplate({ ...base, isPackaged: true, platform: 'win32' })
    expect(t.map((m) => m.label)).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp'])
    expect(sub(t[0])).toEqual([{ label: 'Thoát', role: 'quit' }])
    expect(sub(t[2])[0]).toEqual({ label: 'Tải lại', role: 'reload' })
    expect(sub(t[3])[0]?.label).toBe('Giới thiệu')
  })

  it('Giới thiệu calls the about callback', () => {
    const onAbout = vi.fn()
    const t = menuTemplate({ ...base, onAbout, isPackaged: true, platform: 'linux' })
    ;(sub(t[3])[0]!.click as () => void)()
    expect(onAbout).toHaveBeenCalledTimes(1)
  })

  it('offers DevTools only in development', () => {
    const roles = (packaged: boolean) => sub(menuTemplate({ ...base, isPackaged: packaged, platform: 'linux' })[2]).map((i) => i.role)
    expect(roles(true)).not.toContain('toggleDevTools')
    expect(roles(false)).toContain('toggleDevTools')
  })

  it('puts the application menu first on macOS', () => {
    const t = menuTemplate({ ...base, isPackaged: true, platform: 'darwin' })
    expect(t[0]?.label).toBe('OCOP Council')
    expect(t[1]?.label).toBe('Tệp')
  })

  it('installs the built menu', () => {
    installMenu({ ...base, isPackaged: true, platform: 'linux' })
    expect(fake().Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
  })
})
