import fc from 'fast-check'
import { z } from 'zod'
import { createRegistry } from '../../../src-main/api/registry'
import { silentLogger } from '../../../src-main/logger'
import { contract, METHOD_NAMES, type MethodName } from '../../../src-main/shared/contract'
import { AppError } from '../../../src-main/shared/result'
import { call, localCtx, ok, testCore } from '../../utils/core'

describe('registry', () => {
  it('has exactly one handler for every contract method', async () => {
    const core = await testCore()
    expect(core.registry.missing()).toEqual([])
    expect(() => core.registry.handle('app.info', () => core.info())).toThrow(/duplicate/)
    core.close()
  })

  it('refuses an unknown method with NOT_FOUND', async () => {
    const core = await testCore()
    const r = await core.registry.dispatch('nope.nothing', {}, localCtx)
    expect(r).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'Chức năng không tồn tại' } })
    core.close()
  })

  it('returns VALIDATION with Vietnamese message and issue paths', async () => {
    const core = await testCore()
    const r = await call(core, 'criteria.get', { setId: 'bộ 6' })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.error.code).toBe('VALIDATION')
    expect(r.error.message).toContain('Mã bộ tiêu chí không hợp lệ')
    expect(r.error.issues?.[0]?.path).toBe('setId')
    const short = await call(core, 'criteria.search', { query: 'a' })
    expect(!short.ok && short.error.message).toContain('ít nhất 2 ký tự')
    const extra = await core.registry.dispatch('criteria.list', { evil: 1 }, localCtx)
    expect(!extra.ok && extra.error.code).toBe('VALIDATION')
    core.close()
  })

  it('checks roles before looking at the input', async () => {
    const core = await testCore()
    const r = await core.registry.dispatch('settings.setUi', 'garbage', { actor: { kind: 'member', memberId: 1 }, requestId: 'x' })
    expect(r).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này' } })
    core.close()
  })

  it('turns AppError into its envelope and unknown errors into INTERNAL without a stack', async () => {
    const errors: string[] = []
    const reg = createRegistry({ ...silentLogger, error: (m) => errors.push(m) })
    reg.handle('criteria.list', () => {
      throw new AppError('CONFLICT', 'Trùng dữ liệu')
    })
    reg.handle('app.info', () => {
      throw new Error('secret internal detail at /home/x')
    })
    expect(await reg.dispatch('criteria.list', {}, localCtx)).toEqual({ ok: false, error: { code: 'CONFLICT', message: 'Trùng dữ liệu' } })
    const r = await reg.dispatch('app.info', {}, localCtx)
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Lỗi hệ thống, vui lòng thử lại' } })
    expect(JSON.stringify(r)).not.toContain('secret')
    expect(errors.length).toBe(1)
  })

  it('maps trigger errors on immutable rows to FINALIZED', async () => {
    const core = await testCore()
    const reg = createRegistry(silentLogger)
    reg.handle('criteria.list', () => {
      core.db.prepare("UPDATE criteria_sets SET name = 'x'").run()
      return []
    })
    const r = await reg.dispatch('criteria.list', {}, localCtx)
    expect(!r.ok && r.error.code).toBe('FINALIZED')
    core.close()
  })

  it('every query output survives a JSON round trip and matches its output schema', async () => {
    const core = await testCore()
    const samples: Partial<Record<MethodName, unknown>> = {
      'app.info': {},
      'criteria.list': {},
      'criteria.get': { setId: 'QD26-2026-06' },
      'criteria.search': { query: 'nguon goc', limit: 5 },
      'settings.getUi': {}
    }
    for (const [name, input] of Object.entries(samples) as Array<[MethodName, unknown]>) {
      const r = await core.registry.dispatch(name, input, localCtx)
      expect(r.ok, name).toBe(true)
      if (!r.ok) continue
      const round = JSON.parse(JSON.stringify(r.value))
      expect(round, name).toEqual(r.value)
      expect((contract[name].output as z.ZodType).safeParse(round).success, name).toBe(true)
    }
    core.close()
  })

  it('fuzzed payloads yield only VALIDATION, NOT_FOUND or success, never INTERNAL, and write nothing', async () => {
    const core = await testCore()
    const before = core.db.prepare('SELECT count(*) n FROM app_settings').get()
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES.filter((m) => contract[m].kind === 'query')), fc.anything(), async (name, payload) => {
        const r = await core.registry.dispatch(name, payload, localCtx)
        if (!r.ok) expect(['VALIDATION', 'NOT_FOUND']).toContain(r.error.code)
      }),
      { numRuns: 150 }
    )
    await fc.assert(
      fc.asyncProperty(fc.anything().filter((x) => JSON.stringify(x) !== '{"language":"vi"}' && JSON.stringify(x) !== '{"language":"en"}'), async (payload) => {
        const r = await core.registry.dispatch('settings.setUi', payload, localCtx)
        expect(!r.ok && r.error.code).toBe('VALIDATION')
      }),
      { numRuns: 100 }
    )
    expect(core.db.prepare('SELECT count(*) n FROM app_settings').get()).toEqual(before)
    expect(await ok(core, 'settings.setUi', { language: 'en' })).toEqual({ language: 'en' })
    core.close()
  })
})
