import { checkCertificates } from './import-certificates'
import { checkProducers } from './import-producers'
import { checkProducts } from './import-products'
import type { ImportCheck, ImportContext, ImportedProduct, ImportIssue, RawWorkbook } from './import-types'
import { CERTIFICATE_STATUSES } from './recorded-certificate'
import { PRODUCT_STATUS_LABELS } from '../shared/catalogue'
import { PRODUCT_COLUMNS, SHEET_CERTIFICATES } from '../shared/catalogue-xlsx'

export * from './import-types'

/** Every check of an uploaded catalogue workbook, without writing anything: the preview and the commit share it. */
export function checkCatalogue(wb: RawWorkbook, ctx: ImportContext): ImportCheck {
  const p = checkProducers(wb.producers, ctx)
  const x = checkProducts(wb.products, p.producers, p.allNos, p.skipped, ctx)
  const c = checkCertificates(wb.certificates, x.products, x.allNos, ctx)
  const issues = [...wb.issues, ...p.issues, ...x.issues, ...c.issues, ...statusWithoutCertificate(x.products, c.certificates)]
  if (!issues.some((i) => i.severity === 'error') && p.producers.length === 0 && x.products.length === 0)
    issues.push({ sheet: 'file', row: null, column: null, message: 'Tệp không có dòng dữ liệu nào', severity: 'error' })
  return { producers: p.producers, products: x.products, certificates: c.certificates, issues, resolutions: p.resolutions, actions: [...p.actions, ...x.actions] }
}

/**
 * Status from facts (issue 12): a certificate status (còn hiệu lực, hết hiệu lực, bị thu hồi) comes from the
 * product's certificates, so a row that states one without any certificate row is refused rather than shown with a
 * badge the data does not back. Rows with certificates get their status from them whatever the column says.
 */
function statusWithoutCertificate(products: ImportedProduct[], certificates: ImportCheck['certificates']): ImportIssue[] {
  const withCert = new Set(certificates.map((c) => c.productNo))
  return products
    .filter((p) => CERTIFICATE_STATUSES.includes(p.data.status) && !withCert.has(p.no) && p.matchedId === undefined)
    .map((p) => ({
      sheet: 'products' as const,
      row: p.row,
      column: PRODUCT_COLUMNS.status,
      message: `Trạng thái «${PRODUCT_STATUS_LABELS[p.data.status]}» cần giấy chứng nhận: thêm dòng ở sheet «${SHEET_CERTIFICATES}» (số, ngày cấp, cơ quan cấp, quyết định)`,
      severity: 'error' as const
    }))
}

export const errorCount = (c: Pick<ImportCheck, 'issues'>): number => c.issues.filter((i) => i.severity === 'error').length
