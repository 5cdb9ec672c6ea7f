import type { ImportService } from '../../services/import/import-service'
import type { Registry } from '../registry'

export function registerCatalogueImportHandlers(r: Registry, deps: { imports: ImportService; backupBefore?: (reason: string) => Promise<unknown> }): void {
  r.handle('catalogueImport.template', () => deps.imports.template())
  r.handle('catalogueImport.preview', (i) => deps.imports.preview(i))
  r.handle('catalogueImport.commit', async (i, ctx) => {
    await deps.backupBefore?.('nhap-excel')
    return deps.imports.commit(i, ctx.actor)
  })
}
