import { join } from 'node:path'
import { openConnection, type DB } from '../../../src-main/db/connection'
import { migrateTo } from '../../../src-main/db/migrate'
import { LATEST_VERSION } from '../../../src-main/db/migrations'
import { m006Signing } from '../../../src-main/db/migrations/006-signing'
import { tempDir } from '../../utils/core'

/**
 * A database with the signing tables. Until migrations 005 (documents) and 006 are listed in the index, 006 is
 * applied by hand on top of the latest wired schema.
 */
export function signingDb(dir: string = tempDir()): DB {
  const db = openConnection(join(dir, 'ocop-council.sqlite'))
  migrateTo(db)
  if (LATEST_VERSION < 6) m006Signing.up(db)
  return db
}
