import { join } from 'node:path'
import { BrowserWindow } from 'electron'

export interface MainWindowOptions {
  /** `app.isPackaged`: DevTools are available only in development. */
  isPackaged: boolean
  /** Folder of the built main bundle (out/main); the preload sits in out/preload. */
  mainDir?: string
}

/**
 * The main window. The options stay an inline literal so Electronegativity can read them; the shell tests assert
 * every security-relevant preference through a mocked BrowserWindow.
 */
export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    title: 'OCOP Council',
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: join(opts.mainDir ?? __dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      // Middle-click would otherwise try to open a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: !opts.isPackaged
    }
  })
  win.once('ready-to-show', () => win.show())
  return win
}
