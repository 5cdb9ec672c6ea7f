import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { CallContext } from '../../src-main/api/registry'
import { createCore, type Core } from '../../src-main/core'
import { silentLogger } from '../../src-main/logger'
import type { Input, MethodName, Output } from '../../src-main/shared/contract'
import type { Result } from '../../src-main/shared/result'

export const REPO = resolve(__dirname, '../..')
export const RESOURCES = join(REPO, 'resources')

export function tempDir(prefix = 'ocop-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix))
}

export const localCtx: CallContext = { actor: { kind: 'local' }, requestId: 'test' }

/** A real core (SQLite file, migrations, criteria) in a fresh temporary data folder. */
export async function testCore(dataDir: string = tempDir(), now?: () => Date): Promise<Core & { dataDir: string }> {
  const core = await createCore({ dataDir, resourcesDir: RESOURCES, mode: 'browser', log: silentLogger, ...(now ? { now } : {}) })
  return Object.assign(core, { dataDir })
}

/** Calls a method through the registry exactly as a transport would. */
export function call<K extends MethodName>(core: Core, method: K, input: Input<K>, ctx: CallContext = localCtx): Promise<Result<Output<K>>> {
  return core.registry.dispatch(method, input, ctx) as Promise<Result<Output<K>>>
}

/** Unwraps a successful call; fails the test with the error envelope otherwise. */
export async function ok<K extends MethodName>(core: Core, method: K, input: Input<K>, ctx?: CallContext): Promise<Output<K>> {
  const r = await call(core, method, input, ctx)
  if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`)
  return r.value
}
