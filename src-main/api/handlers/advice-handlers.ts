import type { AdviceService } from '../../services/advice/advice-service'
import type { PreviousEvaluationService } from '../../services/history/previous-evaluation-service'
import type { ReregistrationService } from '../../services/history/reregistration-service'
import type { Registry } from '../registry'

export function registerAdviceHandlers(r: Registry, d: { advice: AdviceService; history: PreviousEvaluationService; reregistration: ReregistrationService }): void {
  r.handle('advice.product', (i) => d.advice.product(i))
  r.handle('advice.blocking', (i) => d.advice.blocking(i))
  r.handle('history.previous', (i, c) => d.history.previous(i, c.actor))
  r.handle('products.reregister', (i, c) => d.reregistration.reregister({ productId: i.productId, type: i.type, reason: i.reason }, c.actor))
}
