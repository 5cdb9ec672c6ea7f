import type { AppInfo, UiSettings } from '../../shared/contract'
import type { CriteriaService } from '../../services/criteria-service'
import type { FirstRunService } from '../../services/first-run-service'
import type { SettingsStore } from '../../services/settings-service'
import type { Registry } from '../registry'

export function registerCoreHandlers(r: Registry, deps: { info: () => AppInfo; criteria: CriteriaService; settings: SettingsStore; firstRun: FirstRunService }): void {
  r.handle('app.info', () => deps.info())
  r.handle('criteria.list', () => deps.criteria.list())
  r.handle('criteria.get', (i) => deps.criteria.get(i.setId, i.version))
  r.handle('criteria.search', (i) => deps.criteria.search(i.query, { limit: i.limit, ...(i.setId ? { setId: i.setId } : {}) }))
  r.handle('settings.getUi', () => deps.settings.get<UiSettings>('ui', { language: 'vi' }))
  r.handle('settings.setUi', (i) => deps.settings.put('ui', i))
  r.handle('settings.firstRun', () => deps.firstRun.status())
  r.handle('settings.finishFirstRun', (i) => deps.firstRun.finish(i.skipped))
}
