import type { AdviceService } from '../../services/advice/advice-service'
import type { Registry } from '../registry'

export function registerAdviceHandlers(r: Registry, d: { advice: AdviceService }): void {
  r.handle('advice.product', (i) => d.advice.product(i))
  r.handle('advice.blocking', (i) => d.advice.blocking(i))
}
