import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fake, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const { createMainWindow } = await import('../../../src-main/shell/window')

beforeEach(() => {
  resetFakeElectron()
})

describe('main window', () => {
  it('isolates and sandboxes the renderer', () => {
    const win = createMainWindow({ isPackaged: true, mainDir: '/app/out/main' }) as unknown as { options: any }
    expect(fake().windows).toHaveLength(1)
    const wp = win.options.webPreferences
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false
    })
    expect(wp.enableBlinkFeatures).toBeUndefined()
    expect(wp.preload).toBe(join('/app/out/main', '../preload/preload.js'))
    expect(wp.preload).toBe(join('/app/out', 'preload', 'preload.js'))
  })

  it('allows DevTools only when not packaged', () => {
    const devTools = (isPackaged: boolean) => (createMainWindow({ isPackaged }) as unknown as { options: any }).options.webPreferences.devTools
    expect(devTools(false)).toBe(true)
    expect(devTools(true)).toBe(false)
  })

  it('shows the window once it is ready, not before', () => {
    const win = createMainWindow({ isPackaged: false }) as unknown as { options: any; show: () => void; emit(e: string): void }
    expect(win.options.show).toBe(false)
    expect(win.show).not.toHaveBeenCalled()
    win.emit('ready-to-show')
    expect(win.show).toHaveBeenCalledTimes(1)
  })
})
