/**
 * A hand-made stand-in for the parts of `electron` the shell uses. Tests mock 'electron' with `electronModule`,
 * whose getters read the current fake, so `resetFakeElectron()` gives each test a fresh one. Real 'electron' is
 * never loaded (it would try to download the binary).
 */
import { vi } from 'vitest'

type Listener = (...args: any[]) => unknown

export class Emitter {
  readonly listeners = new Map<string, Listener[]>()
  on(event: string, fn: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn])
    return this
  }
  once(event: string, fn: Listener): this {
    return this.on(event, fn)
  }
  emit(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) fn(...args)
  }
  count(event: string): number {
    return this.listeners.get(event)?.length ?? 0
  }
}

export function fakeSession() {
  return {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn()
  }
}

export class FakeWebContents extends Emitter {
  url = 'app://ocop/index.html'
  destroyed = false
  session = fakeSession()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  send = vi.fn()
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = fn
  }
  getURL(): string {
    return this.url
  }
  isDestroyed(): boolean {
    return this.destroyed
  }
}

/** A navigation-style event as Electron 45 passes it (details.url; preventDefault). */
export function navEvent(url: string) {
  const ev = { url, defaultPrevented: false, preventDefault: vi.fn(() => void (ev.defaultPrevented = true)) }
  return ev
}

export function createFakeElectron(opts: { userData?: string; isPackaged?: boolean; lock?: boolean } = {}) {
  const app = Object.assign(new Emitter(), {
    isPackaged: opts.isPackaged ?? false,
    whenReady: vi.fn(() => Promise.resolve()),
    requestSingleInstanceLock: vi.fn(() => opts.lock ?? true),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: vi.fn(() => opts.userData ?? '/nonexistent'),
    getVersion: vi.fn(() => '0.1.0')
  })
  const windows: FakeBrowserWindow[] = []
  class FakeBrowserWindow extends Emitter {
    readonly options: any
    readonly webContents = new FakeWebContents()
    loadURL = vi.fn(() => Promise.resolve())
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    isMinimized = vi.fn(() => false)
    constructor(options: unknown) {
      super()
      this.options = options
      windows.push(this)
    }
    static getAllWindows(): FakeBrowserWindow[] {
      return windows
    }
  }
  const allWebContents: FakeWebContents[] = []
  const ipcHandlers = new Map<string, Listener>()
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Listener) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`)
      ipcHandlers.set(channel, fn)
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
    on: vi.fn()
  }
  const ipcRendererListeners = new Emitter()
  const ipcRenderer = {
    invoke: vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null })),
    on: vi.fn((ch: string, fn: Listener) => ipcRendererListeners.on(ch, fn)),
    removeListener: vi.fn((ch: string, fn: Listener) => {
      ipcRendererListeners.listeners.set(ch, (ipcRendererListeners.listeners.get(ch) ?? []).filter((f) => f !== fn))
    }),
    send: vi.fn()
  }
  const exposed: Record<string, unknown> = {}
  return {
    app,
    windows,
    allWebContents,
    ipcHandlers,
    ipcRendererListeners,
    exposed,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    ipcRenderer,
    contextBridge: { exposeInMainWorld: vi.fn((name: string, api: unknown) => (exposed[name] = api)) },
    webContents: { getAllWebContents: vi.fn(() => allWebContents) },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(() => Promise.resolve({ response: 0 })) },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: { defaultSession: fakeSession() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => ({ template: t })) }
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

// Kept on globalThis so a copy of this module loaded after vi.resetModules() still sees the same fake.
const store = globalThis as { __ocopFakeElectron?: FakeElectron }
store.__ocopFakeElectron ??= createFakeElectron()

export function resetFakeElectron(opts?: Parameters<typeof createFakeElectron>[0]): FakeElectron {
  store.__ocopFakeElectron = createFakeElectron(opts)
  return store.__ocopFakeElectron
}

export function fake(): FakeElectron {
  return store.__ocopFakeElectron!
}

const KEYS = ['app', 'BrowserWindow', 'ipcMain', 'ipcRenderer', 'contextBridge', 'webContents', 'dialog', 'protocol', 'session', 'shell', 'Menu'] as const

/** The module object handed to vi.mock('electron'): each export reads the current fake at use time. */
export const electronModule: Record<string, unknown> = Object.defineProperties(
  {},
  Object.fromEntries(KEYS.map((k) => [k, { enumerable: true, get: () => fake()[k] }]))
)
