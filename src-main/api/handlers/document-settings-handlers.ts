import type { DocumentSettingsService } from '../../services/document-settings-service'
import type { Registry } from '../registry'

/** Cài đặt → Văn bản: the province's document settings, saved as versions. */
export function registerDocumentSettingsHandlers(r: Registry, d: { documentSettings: DocumentSettingsService }): void {
  const s = d.documentSettings
  r.handle('documentSettings.get', () => ({ ...s.current(), defaults: s.defaults() }))
  r.handle('documentSettings.save', (i) => ({ ...s.save(i.settings), defaults: s.defaults() }))
}
