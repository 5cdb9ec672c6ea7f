import type { ProductHistoryService } from '../../services/product-history-service'
import type { Registry } from '../registry'

export function registerProductHistoryHandlers(r: Registry, d: { productHistory: ProductHistoryService }): void {
  r.handle('products.evaluations', (i) => d.productHistory.evaluations(i.productId))
  r.handle('products.exportInfo', (i) => d.productHistory.exportInfo(i.productId))
}
