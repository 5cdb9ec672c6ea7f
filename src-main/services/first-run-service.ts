import type { DB } from '../db/connection'
import type { FirstRun, ProvinceSettings } from '../shared/contract'
import { EMPTY_PROVINCE, PROVINCE_SETTINGS_KEY, type SettingsStore } from './settings-service'

/** Where the end of the first-run set-up is kept (issue 12 item 7): when, and whether it was put off ("Để sau"). */
export const FIRST_RUN_KEY = 'firstRun'

/**
 * First run (issue 12 item 7): on an empty database the office is asked for the province, its document settings and
 * the council instead of a dashboard of zeros. The set-up is needed while it was neither finished nor put off and
 * the database holds nothing of the catalogue, the councils or the sessions — a database with data (a restored
 * backup, an import, an older install) counts as set up.
 */
export function createFirstRunService(db: DB, settings: SettingsStore, now: () => Date = () => new Date()) {
  const anyData = db.prepare(`SELECT EXISTS (SELECT 1 FROM producers) OR EXISTS (SELECT 1 FROM councils) OR EXISTS (SELECT 1 FROM sessions) OR EXISTS (SELECT 1 FROM certificates)`).pluck()
  const councils = db.prepare('SELECT count(*) FROM councils').pluck()
  const documentVersions = db.prepare('SELECT count(*) FROM document_settings_versions').pluck()
  function status(): FirstRun {
    const finished = settings.get<{ at: string; skipped: boolean } | null>(FIRST_RUN_KEY, null)
    const province = settings.get<ProvinceSettings>(PROVINCE_SETTINGS_KEY, EMPTY_PROVINCE)
    return {
      needed: finished === null && anyData.get() === 0,
      finishedAt: finished?.at ?? null,
      skipped: finished?.skipped ?? false,
      province: province.provinceCode !== null,
      documents: (documentVersions.get() as number) > 0,
      councils: councils.get() as number
    }
  }
  return {
    status,
    /** Done, or put off with "Để sau": either way the dashboard shows from now on; Cài đặt keeps every step. */
    finish(skipped: boolean): FirstRun {
      settings.put(FIRST_RUN_KEY, { at: now().toISOString(), skipped })
      return status()
    }
  }
}
export type FirstRunService = ReturnType<typeof createFirstRunService>
