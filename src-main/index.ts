/**
 * Electron host: lifecycle only. Everything the app does lives in the core (createCore), shared with browser mode;
 * all Electron policy lives in shell/ and the IPC transport.
 */
import { join } from 'node:path'
import { app, BrowserWindow, dialog, shell } from 'electron'
import { APP_NAME, APP_VERSION, createCore, type Core } from './core'
import { consoleLogger } from './logger'
import { findResourcesDir } from './paths'
import { AppError } from './shared/result'
import { installMenu } from './shell/menu'
import { registerAppProtocol, registerAppScheme } from './shell/protocol'
import { installSecurityHooks } from './shell/security'
import { APP_INDEX_URL, trustedOriginsFor } from './shell/trusted-url'
import { createMainWindow } from './shell/window'
import { registerIpcTransport, type IpcTransport } from './transport/ipc'
import { createLiveHub } from './services/live/live-events'
import { embeddedLan } from './transport/embedded-lan'

const log = consoleLogger('ocop')

/** Vietnamese text for the start-up error box; the English detail goes to the log. */
export function startupErrorMessage(err: unknown): { title: string; content: string } {
  if (err instanceof AppError && (err.code === 'DB_TOO_NEW' || err.code === 'DB_EMPTY' || err.code.startsWith('STORAGE_'))) return { title: 'Không mở được dữ liệu', content: err.message }
  const detail = err instanceof AppError ? err.message : err instanceof Error ? err.message : String(err)
  return {
    title: 'Không khởi động được OCOP Council',
    content: `Ứng dụng gặp lỗi khi khởi động và sẽ đóng lại.\n\nChi tiết: ${detail}`
  }
}

function main(): void {
  // Only the development launcher (scripts/start-electron.mjs) may point better-sqlite3 at another binary.
  if (app.isPackaged) delete process.env.OCOP_NATIVE_BINDING

  // Before ready: app:// must be a privileged (standard, secure) scheme.
  registerAppScheme()

  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
  const trustedOrigins = trustedOriginsFor(devUrl)
  let core: Core | null = null
  let ipc: IpcTransport | null = null
  let mainWindow: BrowserWindow | null = null

  const openMainWindow = (): void => {
    const win = createMainWindow({ isPackaged: app.isPackaged, mainDir: __dirname })
    win.on('closed', () => {
      if (mainWindow === win) mainWindow = null
    })
    mainWindow = win
    win.loadURL(devUrl ?? APP_INDEX_URL).catch((err: unknown) => log.error('could not load the renderer', err))
  }

  const showAbout = (): void => {
    const info = core?.info()
    const detail = [
      `Phiên bản ${APP_VERSION}`,
      'Đánh giá, phân hạng sản phẩm OCOP cấp tỉnh theo QĐ 26/2026/QĐ-TTg.',
      info ? `Thư mục dữ liệu: ${info.dataDir}` : '',
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`
    ]
      .filter(Boolean)
      .join('\n')
    const opts = { type: 'info' as const, title: 'Giới thiệu', message: APP_NAME, detail, buttons: ['Đóng'] }
    void (mainWindow ? dialog.showMessageBox(mainWindow, opts) : dialog.showMessageBox(opts))
  }

  const shutdown = (): void => {
    ipc?.dispose()
    ipc = null
    try {
      core?.close()
    } catch (err) {
      log.error('closing the core failed', err)
    }
    core = null
  }

  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  app.on('will-quit', shutdown)

  app
    .whenReady()
    .then(async () => {
      installSecurityHooks(trustedOrigins, log)
      const live = createLiveHub()
      core = await createCore({ dataDir: app.getPath('userData'), resourcesDir: findResourcesDir(), mode: 'desktop', log, openPath: (p) => shell.openPath(p), live })
      // LAN mode (issue 13): members' devices reach an embedded browser-mode server only while the secretary opens it.
      const lan = embeddedLan({ registry: core.registry, members: core.members, staticDir: join(__dirname, '../renderer'), log, live })
      app.on('will-quit', () => void lan.shutdown())
      registerAppProtocol(join(__dirname, '../renderer'))
      ipc = registerIpcTransport(core.registry, trustedOrigins, log)
      installMenu({ isPackaged: app.isPackaged, platform: process.platform, appName: APP_NAME, onAbout: showAbout })
      openMainWindow()
    })
    .catch((err: unknown) => {
      log.error('start-up failed', err)
      const { title, content } = startupErrorMessage(err)
      dialog.showErrorBox(title, content)
      shutdown()
      app.exit(1)
    })
}

main()
