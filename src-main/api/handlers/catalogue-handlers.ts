import { exportCatalogueInWorker } from '../../exports/xlsx-in-worker'
import type { CatalogueDeps } from '../../services/catalogue-wiring'
import { EMPTY_PROVINCE, PROVINCE_SETTINGS_KEY } from '../../services/settings-service'
import type { ProvinceSettings } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { vnDayOf } from '../../shared/vn-format'
import type { Registry } from '../registry'

export function registerCatalogueHandlers(r: Registry, d: CatalogueDeps): void {
  r.handle('admin.provinces', () => d.units.provinces())
  r.handle('admin.communes', (i) => d.units.communes(i.provinceCode, i.query))
  r.handle('admin.oldToNew', (i) => d.units.oldToNew(i.address, i.limit, d.settings.get<ProvinceSettings | null>(PROVINCE_SETTINGS_KEY, null)?.provinceCode))
  r.handle('settings.getProvince', () => d.settings.get<ProvinceSettings>(PROVINCE_SETTINGS_KEY, EMPTY_PROVINCE))
  r.handle('settings.setProvince', (i) => {
    if (!d.units.province(i.provinceCode)) throw new AppError('VALIDATION', `Không có tỉnh/thành phố mã ${i.provinceCode}`)
    return d.settings.put<ProvinceSettings>(PROVINCE_SETTINGS_KEY, i)
  })
  r.handle('producers.list', (i) => d.producers.list(i))
  r.handle('producers.get', (i) => d.producers.get(i.id))
  r.handle('producers.create', (i) => d.producers.create(i))
  r.handle('producers.update', ({ id, moveProducts, ...data }, ctx) => d.producers.update(id, data, { moveProducts, actor: ctx.actor }))
  r.handle('producers.merge', (i, ctx) => d.producers.merge(i.keepId, i.mergeId, ctx.actor))
  r.handle('producers.delete', (i) => d.producers.delete(i.id))
  r.handle('products.list', (i) => d.products.list(i))
  r.handle('products.get', (i) => d.products.get(i.id))
  r.handle('products.create', (i) => d.products.create(i))
  r.handle('products.update', (i) => d.products.update(i))
  r.handle('products.transition', (i) => d.products.transition(i))
  r.handle('products.delete', (i) => d.products.delete(i.id))
  r.handle('catalogue.exportXlsx', async () => {
    const now = d.now()
    const body = d.settings.get<ProvinceSettings | null>(PROVINCE_SETTINGS_KEY, null)?.bodyName
    const out = await exportCatalogueInWorker(d.db, d.units, d.sets, now, body || undefined)
    return { fileName: `danh-muc-ocop-${vnDayOf(now)}.xlsx`, contentBase64: out.buffer.toString('base64'), producers: out.producers, products: out.products }
  })
  r.handle('dossier.get', (i, ctx) => d.dossier.get(i.productId, ctx.actor))
  r.handle('dossier.check', (i) => d.dossier.check(i))
  r.handle('dossier.attach', (i) => d.dossier.attach(i))
  r.handle('dossier.removeFile', (i) => d.dossier.removeFile(i.fileId))
  r.handle('dossier.download', (i, ctx) => d.dossier.download(i.fileId, ctx.actor))
  r.handle('dossier.complete', (i) => d.dossier.complete(i.productId))
}
