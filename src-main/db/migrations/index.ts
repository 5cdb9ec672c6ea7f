import { m001Base } from './001-base'
import type { Migration } from './types'

/** Every migration, in order. Add one file per version; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m001Base]

export const LATEST_VERSION = MIGRATIONS.length
