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
import { m012ProductSearch } from './012-product-search'
import { m013InspectionDocuments } from './013-inspection-documents'
import { m014UnknownLegacyFacts } from './014-unknown-legacy-facts'
import { m015AttendanceReasons } from './015-attendance-reasons'
import { m016ProductCommuneMove } from './016-product-commune-move'
import { m017CertificateReplacement } from './017-certificate-replacement'
import type { Migration } from './types'

/** Every migration, in order. Add one file per version; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [m001Base, m002Catalogue, m003Councils, m004Sessions, m005Documents, m006Signing, m007Certificates, m008Inspections, m009TamperGuards, m010RecordedCertificates, m011DocumentIssues, m012ProductSearch, m013InspectionDocuments, m014UnknownLegacyFacts, m015AttendanceReasons, m016ProductCommuneMove, m017CertificateReplacement]

/** The last migration's version (versions ascend; a branch may skip numbers the lead renumbers at merge). */
export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0
