import type { CouncilService } from '../../services/council-service'
import type { Registry } from '../registry'

export function registerCouncilsHandlers(r: Registry, deps: { councils: CouncilService }): void {
  const c = deps.councils
  r.handle('councils.list', () => c.list())
  r.handle('councils.get', (i) => c.get(i.id))
  r.handle('councils.version', (i) => c.version(i.id))
  r.handle('councils.create', (i) => c.create(i))
  r.handle('councils.update', (i) => c.update(i.id, i.council))
  r.handle('councils.activate', (i) => c.activate(i.id))
  r.handle('councils.revise', (i) => c.revise(i.id, i.baseVersionNo, i.reason, i.council))
  r.handle('councils.removeDraft', (i) => c.removeDraft(i.id))
}
