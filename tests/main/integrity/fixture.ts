import type { Core } from '../../../src-main/core'
import type { CliIo } from '../../../src-main/cli/rate'
import { ok } from '../../utils/core'
import { answersAt, memberCtx, openScoringSession, scoreAndSubmit, type Seeded } from '../sessions/helpers'

/** A session of two products scored by everyone present, finalized through the API, with one amendment after. */
export async function finalizedSession(core: Core): Promise<Seeded> {
  const s = await openScoringSession(core, { products: 2 })
  const high = answersAt(s.set, () => 'max')
  for (const p of s.products)
    for (const m of s.members.filter((x) => x.role !== 'secretary')) await scoreAndSubmit(core, s.sessionId, p, m.id, high, memberCtx(m.id))
  await ok(core, 'sessions.setStatus', { id: s.sessionId, to: 'review' })
  await ok(core, 'sessions.finalize', { id: s.sessionId })
  await ok(core, 'amendments.add', { sessionId: s.sessionId, productId: s.products[0]!, reason: 'Sai chính tả', author: 'Thư ký Hội đồng', text: 'Tên đúng là "Trà Ô long"' })
  return s
}

/** A CLI io that keeps what the command printed. */
export function captureIo(): CliIo & { out: () => string } {
  let text = ''
  return {
    readFile: () => '',
    readStdin: () => Promise.resolve(''),
    stdout: (t) => void (text += t),
    stderr: (t) => void (text += t),
    out: () => text
  }
}
