import fc from 'fast-check'
import type { CallContext } from '../../../src-main/api/registry'
import { INPUT_LIMITS } from '../../../src-main/shared/input-limits'
import { contract, METHOD_NAMES, type MethodName } from '../../../src-main/shared/contract'
import type { ApiIssue } from '../../../src-main/shared/result'
import { testCore } from '../../utils/core'

/**
 * The boundary of every contract method (issue 11, item 15): unknown keys are errors naming the key, strings and
 * lists are bounded, and no zod English ever reaches a person.
 */
const ctxFor = (name: MethodName): CallContext => {
  const role = contract[name].roles[0]!
  return { actor: role === 'member' ? { kind: 'member', memberId: 1 } : { kind: role }, requestId: 'boundary' }
}
/** Words of zod's English messages and its type names; our messages are Vietnamese. */
const ENGLISH = /Invalid|expected|received|Unrecognized|Too (big|small)|Required|\b(string|object|record|number|boolean|array|undefined|bigint)\b/
const isObjectInput = (name: MethodName): boolean => {
  let def = contract[name].input._zod.def as { type: string; innerType?: { _zod: { def: unknown } }; in?: { _zod: { def: unknown } } }
  while (def.type !== 'object' && (def.innerType || def.in)) def = (def.innerType ?? def.in)!._zod.def as typeof def
  return def.type === 'object'
}

describe('API boundary', () => {
  it('every object input rejects an unknown key with a Vietnamese message naming it', async () => {
    const core = await testCore()
    const objectMethods = METHOD_NAMES.filter(isObjectInput)
    expect(objectMethods.length).toBeGreaterThan(100)
    for (const name of objectMethods) {
      const r = await core.registry.dispatch(name, { agreedOption: [] }, ctxFor(name))
      expect(r.ok, name).toBe(false)
      if (r.ok) continue
      expect(r.error.code, name).toBe('VALIDATION')
      expect(r.error.issues?.map((i) => i.message), name).toContain('Trường không có trong định dạng (có thể viết sai tên): «agreedOption»')
    }
    core.close()
  }, 60_000)

  it('fuzzed inputs to every method get Vietnamese messages only', async () => {
    const core = await testCore()
    const seen: ApiIssue[] = []
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHOD_NAMES), fc.oneof(fc.anything(), fc.constant('x'), fc.constant(null), fc.constant([])), async (name, payload) => {
        // Only refusals are looked at; a payload that happens to be valid for a command is not sent.
        const parsed = contract[name].input.safeParse(payload ?? {})
        fc.pre(!parsed.success)
        const r = await core.registry.dispatch(name, payload, ctxFor(name))
        if (r.ok || r.error.code !== 'VALIDATION') return
        for (const i of r.error.issues ?? []) {
          seen.push(i)
          expect(i.message, `${name}: ${i.message}`).not.toMatch(ENGLISH)
        }
      }),
      { numRuns: 600 }
    )
    expect(seen.length).toBeGreaterThan(100)
    core.close()
  }, 120_000)

  it('a 144 MB product name is refused at the boundary with the size in Vietnamese', async () => {
    const core = await testCore()
    const name = 'x'.repeat(144 * 1024 * 1024)
    const r = await core.registry.dispatch('products.create', { producerId: 1, name, setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2026 }, ctxFor('products.create'))
    expect(!r.ok && r.error.code).toBe('VALIDATION')
    expect(!r.ok && r.error.issues?.find((i) => i.path === 'name')?.message).toBe(`Nội dung quá dài (tối đa ${INPUT_LIMITS.text.toLocaleString('vi-VN')} ký tự)`)
    const productIds = Array.from({ length: INPUT_LIMITS.list + 1 }, (_, i) => i + 1)
    const lists = await core.registry.dispatch('certificates.issue', { sessionId: 1, decisionNo: '12/QĐ-UBND', decisionDate: '2026-06-01', issuedOn: '2026-06-01', productIds }, ctxFor('certificates.issue'))
    expect(!lists.ok && lists.error.issues).toEqual([{ path: 'productIds', message: `Danh sách quá dài (tối đa ${INPUT_LIMITS.list.toLocaleString('vi-VN')} phần tử)` }])
    core.close()
  }, 60_000)
})
