import type { DB } from '../connection'

export interface Migration {
  /** user_version after this migration; consecutive from 1. */
  version: number
  name: string
  /**
   * Rebuilds a table that other tables refer to (SQLite's 12-step ALTER): foreign keys are switched off around the
   * migration's transaction — the pragma is a no-op inside one — and foreign_key_check must find nothing before commit.
   */
  foreignKeysOff?: boolean
  up(db: DB): void
}
