import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DB_FILE_NAME } from '../../../src-main/core'
import { IPC_CALL_CHANNEL } from '../../../src-main/shared/contract'
import { fake, resetFakeElectron, type FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

/** The Electron host's lifecycle with a fake `electron` and the real core on a temporary data folder. */
let dataDir: string
const savedEnv = { ...process.env }

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-host-'))
  vi.spyOn(console, 'log').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  fake().app.emit('will-quit')
  process.env = { ...savedEnv }
  vi.restoreAllMocks()
  rmSync(dataDir, { recursive: true, force: true })
})

async function startHost(opts: { isPackaged?: boolean; lock?: boolean } = {}): Promise<FakeElectron> {
  const e = resetFakeElectron({ userData: dataDir, ...opts })
  vi.resetModules()
  await import('../../../src-main/index')
  return e
}

// Start-up runs the real migrations and criteria load, which can take a few seconds on a busy machine.
const WAIT = { timeout: 20000, interval: 20 }
const windowOpened = (e: FakeElectron) => vi.waitFor(() => expect(e.windows).toHaveLength(1), WAIT)

const trustedEvent = { senderFrame: { url: 'app://ocop/index.html', parent: null } }

describe('Electron host', () => {
  it('registers app:// before ready, takes the single-instance lock, and quits when another instance holds it', async () => {
    const e = await startHost({ lock: false })
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1)
    expect(e.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(e.app.quit).toHaveBeenCalled()
    expect(e.app.whenReady).not.toHaveBeenCalled()
    expect(e.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('starts the core in userData, wires security, protocol, IPC, menu, and loads app://ocop/index.html', async () => {
    const e = await startHost({ isPackaged: true })
    await windowOpened(e)
    expect(e.app.count('web-contents-created')).toBe(1)
    expect(e.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(e.Menu.setApplicationMenu).toHaveBeenCalledTimes(1)
    expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('app://ocop/index.html')
    expect(e.windows[0]!.options.webPreferences.devTools).toBe(false)
    expect(e.dialog.showErrorBox).not.toHaveBeenCalled()

    const res = await (e.ipcHandlers.get(IPC_CALL_CHANNEL) as (...a: unknown[]) => Promise<any>)(trustedEvent, 'app.info', {})
    expect(res).toMatchObject({ ok: true, value: { mode: 'desktop', dataDir } })
    const foreign = await (e.ipcHandlers.get(IPC_CALL_CHANNEL) as (...a: unknown[]) => Promise<any>)(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      'app.info',
      {}
    )
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })

    e.app.emit('will-quit')
    expect(e.ipcHandlers.has(IPC_CALL_CHANNEL)).toBe(false)
  })

  it('closes the database on quit, so the folder can be reopened', async () => {
    const e = await startHost()
    await windowOpened(e)
    e.app.emit('will-quit')
    const again = await startHost()
    await windowOpened(again)
    expect(again.dialog.showErrorBox).not.toHaveBeenCalled()
  })

  it('loads the dev server URL in development and trusts its origin', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    const e = await startHost({ isPackaged: false })
    await windowOpened(e)
    expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173')
    const res = await (e.ipcHandlers.get(IPC_CALL_CHANNEL) as (...a: unknown[]) => Promise<any>)(
      { senderFrame: { url: 'http://localhost:5173/', parent: null } },
      'app.info',
      {}
    )
    expect(res.ok).toBe(true)
  })

  it('ignores ELECTRON_RENDERER_URL and OCOP_NATIVE_BINDING when packaged', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://evil.example:5173'
    process.env.OCOP_NATIVE_BINDING = '/tmp/evil.node'
    const e = await startHost({ isPackaged: true })
    await windowOpened(e)
    expect(e.windows[0]!.loadURL).toHaveBeenCalledWith('app://ocop/index.html')
    expect(process.env.OCOP_NATIVE_BINDING).toBeUndefined()
  })

  it('refuses a database made by a newer version with a Vietnamese error box, and quits', async () => {
    const db = new Database(join(dataDir, DB_FILE_NAME))
    db.pragma('user_version = 999')
    db.close()
    const e = await startHost()
    await vi.waitFor(() => expect(e.app.exit).toHaveBeenCalledWith(1), WAIT)
    expect(e.dialog.showErrorBox).toHaveBeenCalledTimes(1)
    const [title, content] = e.dialog.showErrorBox.mock.calls[0] as unknown as [string, string]
    expect(title).toBe('Không mở được dữ liệu')
    expect(content).toMatch(/phiên bản ứng dụng mới hơn/)
    expect(e.windows).toHaveLength(0)
    expect(e.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('shows a generic Vietnamese error box for any other start-up failure', async () => {
    const { startupErrorMessage } = await import('../../../src-main/index')
    const m = startupErrorMessage(new Error('EACCES: permission denied'))
    expect(m.title).toBe('Không khởi động được OCOP Council')
    expect(m.content).toContain('EACCES')
  })
})
