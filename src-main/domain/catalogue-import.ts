import { checkProducers } from './import-producers'
import { checkProducts } from './import-products'
import type { ImportCheck, ImportContext, RawWorkbook } from './import-types'

export * from './import-types'

/** Every check of an uploaded catalogue workbook, without writing anything: the preview and the commit share it. */
export function checkCatalogue(wb: RawWorkbook, ctx: ImportContext): ImportCheck {
  const p = checkProducers(wb.producers, ctx)
  const x = checkProducts(wb.products, p.producers, p.allNos, ctx)
  const issues = [...wb.issues, ...p.issues, ...x.issues]
  if (!issues.some((i) => i.severity === 'error') && p.producers.length === 0 && x.products.length === 0)
    issues.push({ sheet: 'file', row: null, column: null, message: 'Tệp không có dòng dữ liệu nào', severity: 'error' })
  return { producers: p.producers, products: x.products, issues }
}

export const errorCount = (c: Pick<ImportCheck, 'issues'>): number => c.issues.filter((i) => i.severity === 'error').length
