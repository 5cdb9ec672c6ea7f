/**
 * Child of the crash test: opens the real core on the data folder and saves answers one by one, forever, printing
 * "ack <memberId> <criterionCode> <version> <optionId>" only after the API acknowledged each save. The parent
 * kills it with SIGKILL at a random moment.
 */
import { createCore } from '../../../src-main/core'
import { silentLogger } from '../../../src-main/logger'
import { leafCriteria } from '../../../src-main/shared/criteria'

async function main(): Promise<void> {
  const [dataDir, resourcesDir, sessionIdText, productIdText, ...memberIds] = process.argv.slice(2)
  const core = await createCore({ dataDir: dataDir!, resourcesDir: resourcesDir!, mode: 'browser', log: silentLogger })
  const sessionId = Number(sessionIdText)
  const productId = Number(productIdText)
  const ctx = { actor: { kind: 'local' as const }, requestId: 'crash' }
  const sheets = await Promise.all(memberIds.map(async (m) => ({ memberId: Number(m), sheet: await core.registry.dispatch('sheets.get', { sessionId, productId, memberId: Number(m) }, ctx) })))
  const state = sheets.map(({ memberId, sheet }) => {
    if (!sheet.ok) throw new Error(JSON.stringify(sheet.error))
    const value = sheet.value as { criteriaSet: Parameters<typeof leafCriteria>[0]; answers: Array<{ criterionCode: string; version: number }> }
    return { memberId, leaves: leafCriteria(value.criteriaSet).map((l) => l.criterion), versions: new Map(value.answers.map((a) => [a.criterionCode, a.version])) }
  })
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const s = state[i % state.length]!
    const c = s.leaves[Math.floor(i / state.length) % s.leaves.length]!
    const version = s.versions.get(c.code) ?? 0
    const optionId = c.options[(version + 1) % c.options.length]!.id
    const r = await core.registry.dispatch('sheets.saveAnswer', { sessionId, productId, memberId: s.memberId, criterionCode: c.code, optionId, expectedVersion: version }, ctx)
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    s.versions.set(c.code, version + 1)
    process.stdout.write(`ack ${s.memberId} ${c.code} ${version + 1} ${optionId}\n`)
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
  process.exit(1)
})
