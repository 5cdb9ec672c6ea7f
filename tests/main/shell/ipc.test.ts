import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createRegistry, type CallContext, type Registry } from '../../../src-main/api/registry'
import { silentLogger } from '../../../src-main/logger'
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL } from '../../../src-main/shared/contract'
import { FakeWebContents, fake, resetFakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).electronModule)

const { registerIpcTransport } = await import('../../../src-main/transport/ipc')

const TRUSTED = ['app://ocop']
const mainFrame = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url, parent: null } })
const subFrame = (url: string) => ({ senderFrame: { url, parent: { url: 'app://ocop/index.html', parent: null } } })

function fakeRegistry() {
  const dispatch = vi.fn(async (_name: string, _input: unknown, _ctx: CallContext) => ({ ok: true as const, value: 'dispatched' }))
  return { registry: { dispatch, handle: vi.fn(), missing: () => [] } as unknown as Registry, dispatch }
}

function handler() {
  const fn = fake().ipcHandlers.get(IPC_CALL_CHANNEL)
  if (!fn) throw new Error('no handler')
  return fn as (event: unknown, method: unknown, input: unknown) => Promise<unknown>
}

beforeEach(() => {
  resetFakeElectron()
})

describe('IPC transport', () => {
  it('registers exactly one handler, on the contract channel', () => {
    registerIpcTransport(fakeRegistry().registry, TRUSTED, silentLogger)
    expect(fake().ipcMain.handle).toHaveBeenCalledTimes(1)
    expect(fake().ipcMain.handle).toHaveBeenCalledWith(IPC_CALL_CHANNEL, expect.any(Function))
  })

  it('refuses foreign senders with FORBIDDEN and never dispatches', async () => {
    const { registry, dispatch } = fakeRegistry()
    registerIpcTransport(registry, TRUSTED, silentLogger)
    for (const event of [
      mainFrame('https://evil.example/'),
      mainFrame('app://evil/index.html'),
      mainFrame('file:///tmp/x.html'),
      mainFrame('http://localhost:5173/'),
      mainFrame(undefined),
      subFrame('app://ocop/index.html'),
      {}
    ]) {
      const res = await handler()(event, 'app.info', {})
      expect(res, JSON.stringify(event)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('dispatches a trusted main-frame call as the local actor with a request id', async () => {
    const { registry, dispatch } = fakeRegistry()
    registerIpcTransport(registry, TRUSTED, silentLogger)
    const res = await handler()(mainFrame('app://ocop/index.html'), 'app.info', { a: 1 })
    expect(res).toEqual({ ok: true, value: 'dispatched' })
    expect(dispatch).toHaveBeenCalledWith('app.info', { a: 1 }, { actor: { kind: 'local' }, requestId: expect.stringMatching(/^ipc-/) })
  })

  it('accepts the dev server origin only when it is in the trusted list', async () => {
    const { registry, dispatch } = fakeRegistry()
    registerIpcTransport(registry, [...TRUSTED, 'http://localhost:5173'], silentLogger)
    await handler()(mainFrame('http://localhost:5173/'), 'app.info', {})
    expect(dispatch).toHaveBeenCalledTimes(1)
  })

  it('passes a non-string method on as an unknown name, which the real registry answers NOT_FOUND', async () => {
    registerIpcTransport(createRegistry(silentLogger), TRUSTED, silentLogger)
    for (const m of [42, null, { toString: () => 'app.info' }, 'no.such'])
      expect(await handler()(mainFrame('app://ocop/'), m, {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('emits events only to pages from trusted origins, on the event channel', () => {
    const t = registerIpcTransport(fakeRegistry().registry, TRUSTED, silentLogger)
    const ours = new FakeWebContents()
    const foreign = new FakeWebContents()
    foreign.url = 'https://evil.example/'
    const gone = new FakeWebContents()
    gone.destroyed = true
    fake().allWebContents.push(ours, foreign, gone)
    t.emit('jobs.progress', { done: 1 })
    expect(ours.send).toHaveBeenCalledWith(IPC_EVENT_CHANNEL, 'jobs.progress', { done: 1 })
    expect(foreign.send).not.toHaveBeenCalled()
    expect(gone.send).not.toHaveBeenCalled()
  })

  it('dispose removes the handler', () => {
    const t = registerIpcTransport(fakeRegistry().registry, TRUSTED, silentLogger)
    t.dispose()
    expect(fake().ipcHandlers.has(IPC_CALL_CHANNEL)).toBe(false)
  })
})
