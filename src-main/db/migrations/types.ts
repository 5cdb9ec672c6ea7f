import type { DB } from '../connection'

export interface Migration {
  /** user_version after this migration; consecutive from 1. */
  version: number
  name: string
  up(db: DB): void
}
