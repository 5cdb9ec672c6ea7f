import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { OcopBridge } from '../../../src-main/shared/bridge'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src-main/shared/contract'
import { fake } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

await import('../../../src-main/preload')

const bridge = () => fake().exposed.ocop as OcopBridge

describe('preload bridge', () => {
  it('exposes exactly window.ocop = { call, on } and nothing else', () => {
    expect(fake().contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(fake().contextBridge.exposeInMainWorld).toHaveBeenCalledWith('ocop', expect.any(Object))
    expect(Object.keys(bridge()).sort()).toEqual(['call', 'on'])
  })

  it('call() invokes the one call channel with method and input', async () => {
    fake().ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 7 } as never)
    await expect(bridge().call('app.info', { x: 1 })).resolves.toEqual({ ok: true, value: 7 })
    expect(fake().ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, 'app.info', { x: 1 })
  })

  it('on() delivers only the named event, without the IPC event object, and unsubscribes', () => {
    const got: unknown[] = []
    const off = bridge().on('jobs.progress', (p) => got.push(p))
    expect(fake().ipcRenderer.on).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function))
    const sender = { sender: 'ipc-event-object' }
    fake().ipcRendererListeners.emit(IPC_EVENT_CHANNEL, sender, 'jobs.progress', { done: 1 })
    fake().ipcRendererListeners.emit(IPC_EVENT_CHANNEL, sender, 'rounds.changed', { id: 2 })
    expect(got).toEqual([{ done: 1 }])
    off()
    fake().ipcRendererListeners.emit(IPC_EVENT_CHANNEL, sender, 'jobs.progress', { done: 2 })
    expect(got).toEqual([{ done: 1 }])
    expect(fake().ipcRenderer.removeListener).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, expect.any(Function))
  })

  it('imports only electron at run time (type-only imports otherwise), so zod cannot be bundled into it', () => {
    const src = readFileSync(join(__dirname, '../../../src-main/preload.ts'), 'utf8')
    const imports = [...src.matchAll(/^import\s+(type\s+)?[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({ typeOnly: !!m[1], from: m[2] }))
    expect(imports.filter((i) => !i.typeOnly).map((i) => i.from)).toEqual(['electron'])
    expect(src).not.toMatch(/\brequire\(/)
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/)
  })
})
