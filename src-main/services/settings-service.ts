import type { DB } from '../db/connection'
import type { ProvinceSettings } from '../shared/contract'

/** Where the province's identity (Cài đặt → Tỉnh) is kept, and its value before it is set. */
export const PROVINCE_SETTINGS_KEY = 'province'
export const EMPTY_PROVINCE: ProvinceSettings = { provinceCode: null, bodyName: '', advisoryBody: '', placeName: '' }

/** Key/value settings stored as JSON; callers validate the shape with the contract's schemas. */
export function createSettingsStore(db: DB, now: () => Date = () => new Date()) {
  const getStmt = db.prepare('SELECT value FROM app_settings WHERE key = ?')
  const putStmt = db.prepare(
    'INSERT INTO app_settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at'
  )
  return {
    get<T>(key: string, fallback: T): T {
      const row = getStmt.get(key) as { value: string } | undefined
      return row ? (JSON.parse(row.value) as T) : fallback
    },
    put<T>(key: string, value: T): T {
      putStmt.run(key, JSON.stringify(value), now().toISOString())
      return value
    }
  }
}
export type SettingsStore = ReturnType<typeof createSettingsStore>
