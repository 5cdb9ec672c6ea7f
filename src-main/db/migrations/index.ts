import { m001Base } from './001-base'
import { m002Catalogue } from './002-catalogue'
import { m003Councils } from './003-councils'
import { m004Sessions } from './004-sessions'
import { m005Documents } from './005-documents'
import { m006Signing } from './006-signing'
import { m007Certificates } from './007-certificates'
import { m008Inspections } from './008-inspections'
import { m009TamperGuards } from './009-tamper-guards'
import { m010RecordedCertificates } from './010-recorded-certificates'
import { m011DocumentIssues } from './011-document-issues'
import { m013ProductCommuneMove } from './013-product-commune-move'
import type { Migration } from './types'

/** Every migration, in order. Add one file per version; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m001Base, m002Catalogue, m003Councils, m004Sessions, m005Documents, m006Signing, m007Certificates, m008Inspections, m009TamperGuards, m010RecordedCertificates, m011DocumentIssues, m013ProductCommuneMove]

export const LATEST_VERSION = MIGRATIONS.length
