import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { registerCatalogueHandlers } from './api/handlers/catalogue-handlers'
import { registerCatalogueImportHandlers } from './api/handlers/catalogue-import-handlers'
import { registerCoreHandlers } from './api/handlers/core-handlers'
import { registerCouncilsHandlers } from './api/handlers/councils-handlers'
import { registerSessionsHandlers } from './api/handlers/sessions-handlers'
import { registerLanHandlers } from './api/handlers/lan-handlers'
import { createLiveHub, type LiveHub } from './services/live/live-events'
import { registerVerifyHandlers } from './api/handlers/verify-handlers'
import { createCertificatesDeps, registerCertificatesHandlers } from './api/handlers/certificates-handlers'
import { fileNameOf, registerDocumentsHandlers } from './api/handlers/documents-handlers'
import { registerBackupHandlers } from './api/handlers/backup-handlers'
import { registerSigningHandlers } from './api/handlers/signing-handlers'
import { registerProductHistoryHandlers } from './api/handlers/product-history-handlers'
import { registerAdviceHandlers } from './api/handlers/advice-handlers'
import { createAdviceService } from './services/advice/advice-service'
import { createPreviousEvaluationService } from './services/history/previous-evaluation-service'
import { createReregistrationService } from './services/history/reregistration-service'
import { registerInspectionsHandlers } from './api/handlers/inspections-handlers'
import { createInspectionService } from './services/inspections/inspection-service'
import { createFileStore } from './services/dossier-service'
import { registerPeriodicReportHandlers } from './api/handlers/periodic-report-handlers'
import { createPeriodicReportService } from './services/reports/periodic-report-service'
import { registerOfficeDocumentsHandlers } from './api/handlers/office-documents-handlers'
import { createOfficeDocumentService } from './services/office-documents/office-document-service'
import { createProductHistoryService } from './services/product-history-service'
import { registerSessionDocumentsHandlers } from './api/handlers/session-documents-handlers'
import { createSessionDocumentService } from './services/session-document-service'
import { createDocumentSettingsService } from './services/document-settings-service'
import { registerDocumentSettingsHandlers } from './api/handlers/document-settings-handlers'
import { createRegistry } from './api/registry'
import { openConnection, type DB } from './db/connection'
import { schemaVersion, upgrade } from './db/migrate'
import { refuseEmptyDatabase, refuseReadOnly } from './db/open-guard'
import { storageError } from './db/storage-errors'
import { reopenableCore, type Core } from './core-host'
import type { Logger } from './logger'
import { createDocumentService } from './services/document-service'
import { createBackupService, type DbHost } from './services/backup/backup-service'
import { createCatalogueServices, setLookup } from './services/catalogue-wiring'
import { loadAdminUnits } from './services/admin-units-service'
import { createImportService } from './services/import/import-service'
import { readCriteriaFile } from './services/criteria-file'
import { createCouncilService } from './services/council-service'
import { createCriteriaService, loadCriteria } from './services/criteria-service'
import { createSessionServices } from './services/sessions'
import { createSettingsStore } from './services/settings-service'
import { createFirstRunService } from './services/first-run-service'
import { composeRegisters, documentsRegister, signedRegister } from './services/verify/document-register'
import { createVerifyService } from './services/verify/verify-service'
import { createSigningService } from './services/signing/signing-service'
import { createSignOffService } from './services/signing/sign-off'
import type { AppInfo } from './shared/contract'

export const APP_NAME = 'OCOP Council'
export const APP_VERSION = '0.1.0'
export const DB_FILE_NAME = 'ocop-council.sqlite'

export type { Core }

export interface CoreOptions {
  dataDir: string
  /** Folder holding criteria/, fonts/ … (the repository's or the packaged app's resources/). */
  resourcesDir: string
  mode: AppInfo['mode']
  log: Logger
  now?: () => Date
  /** Desktop host: opens a stored file with the system's viewer (Electron shell.openPath); absent in browser mode. */
  openPath?: (path: string) => Promise<string>
  /** Live events and the LAN listener port, owned by the host so they outlive a restore's reopened core. */
  live?: LiveHub
}


/** The one wiring shared by the Electron host and the browser-mode server; a restore reopens it in place. */
export function createCore(opts: CoreOptions): Promise<Core> {
  return reopenableCore((host) => openCore(opts, host), opts.log)
}

const HOUR_MS = 60 * 60 * 1000

async function openCore(opts: CoreOptions, host: DbHost): Promise<Core> {
  if (!existsSync(opts.dataDir)) mkdirSync(opts.dataDir, { recursive: true })
  const dbFile = join(opts.dataDir, DB_FILE_NAME)
  refuseEmptyDatabase(dbFile, opts.dataDir)
  refuseReadOnly(dbFile, opts.dataDir)
  let db: DB
  try {
    db = openConnection(dbFile)
  } catch (err) {
    throw storageError(err) ?? err
  }
  try {
    const up = await upgrade(db, dbFile, opts.now)
    if (up.from !== up.to) opts.log.info(`database ${dbFile} migrated ${up.from} -> ${up.to}${up.backup ? `, backup ${up.backup}` : ''}`)
    const criteriaFile = readCriteriaFile(join(opts.resourcesDir, 'criteria', 'qd26-2026.json'))
    const loaded = loadCriteria(db, criteriaFile.data, opts.now)
    if (loaded.inserted > 0) opts.log.info(`loaded ${loaded.inserted} criteria sets, version ${criteriaFile.data.version}`)

    const criteria = createCriteriaService(db, criteriaFile.data.version)
    const settings = createSettingsStore(db, opts.now)
    const info = (): AppInfo => ({
      name: APP_NAME,
      version: APP_VERSION,
      dataDir: opts.dataDir,
      dbFile,
      schemaVersion: schemaVersion(db),
      criteriaVersion: criteriaFile.data.version,
      mode: opts.mode
    })
    const registry = createRegistry(opts.log)
    const backup = createBackupService({ dataDir: opts.dataDir, dbFile, db: () => db, host, log: opts.log, now: opts.now })
    const backupBefore = (reason: string) => backup.backupBefore(reason)
    registerCoreHandlers(registry, { info, criteria, settings, firstRun: createFirstRunService(db, settings, opts.now) })
    const documents = createDocumentService({ db, dataDir: opts.dataDir, fontsDir: join(opts.resourcesDir, 'fonts'), getSet: (id) => criteria.get(id).set, now: opts.now })
    registerDocumentsHandlers(registry, { documents })
    registerSessionDocumentsHandlers(registry, {
      sessionDocuments: createSessionDocumentService({ db, criteria, settings, units: loadAdminUnits(opts.resourcesDir), documents, dataDir: opts.dataDir, ...(opts.now ? { now: opts.now } : {}) }),
      ...(opts.openPath ? { openPath: opts.openPath } : {})
    })
    registerDocumentSettingsHandlers(registry, { documentSettings: createDocumentSettingsService({ db, settings, units: loadAdminUnits(opts.resourcesDir), now: opts.now ?? (() => new Date()) }) })
    registerCatalogueHandlers(registry, createCatalogueServices({ db, resourcesDir: opts.resourcesDir, dataDir: opts.dataDir, criteria, settings, now: opts.now }))
    registerCouncilsHandlers(registry, { councils: createCouncilService(db, opts.now) })
    const sessions = createSessionServices(db, criteria, criteriaFile.data.version, opts.now, loadAdminUnits(opts.resourcesDir))
    const live = opts.live ?? createLiveHub(opts.now)
    registerSessionsHandlers(registry, { sessions, backupBefore, events: live.events })
    registerLanHandlers(registry, { hub: live, sessions, fontsDir: join(opts.resourcesDir, 'fonts'), ...(opts.now ? { now: opts.now } : {}) })
    const advice = createAdviceService(db, sessions.store, criteria)
    registerAdviceHandlers(registry, { advice, history: createPreviousEvaluationService({ db, store: sessions.store, criteria }), reregistration: createReregistrationService({ db, store: sessions.store, now: opts.now ?? (() => new Date()) }) })
    const inspections = createInspectionService({ db, store: sessions.store, files: createFileStore(opts.dataDir), now: opts.now ?? (() => new Date()) })
    registerInspectionsHandlers(registry, { inspections })
    const sectors = new Map(criteria.list().map((s) => [s.id, s.sector]))
    const periodic = createPeriodicReportService({ db, units: loadAdminUnits(opts.resourcesDir), sectorOf: (id) => sectors.get(id) ?? id, now: opts.now ?? (() => new Date()) })
    registerPeriodicReportHandlers(registry, { periodic })
    const officeDocuments = createOfficeDocumentService({ db, documents, settings, units: loadAdminUnits(opts.resourcesDir), store: sessions.store, inspections, advice, periodic, ...(opts.now ? { now: opts.now } : {}) })
    registerOfficeDocumentsHandlers(registry, { officeDocuments })
    // A revocation proposed by an inspection cites the inspection's biên bản by its registered number.
    const revocable = {
      assertRevocable: (id: number, productId: number) => inspections.assertRevocable(id, productId),
      linkRevocation: (id: number, revocationId: number, productId: number) => inspections.linkRevocation(id, revocationId, productId),
      recordNumber: (id: number) => officeDocuments.issued('inspection-record', String(id))
    }
    registerCertificatesHandlers(registry, { ...createCertificatesDeps({ db, resourcesDir: opts.resourcesDir, dataDir: opts.dataDir, criteria, settings, now: opts.now, inspections: revocable }), backupBefore })
    const signing = createSigningService({ db, dataDir: opts.dataDir, fontsDir: join(opts.resourcesDir, 'fonts'), now: opts.now })
    registerSigningHandlers(registry, { signOff: createSignOffService({ db, dataDir: opts.dataDir, signing, documents, criteria, settings, units: loadAdminUnits(opts.resourcesDir), fileNameOf }) })
    registerVerifyHandlers(registry, { verify: createVerifyService(composeRegisters(signedRegister(db), documentsRegister(db))) })
    registerBackupHandlers(registry, { backup })
    registerProductHistoryHandlers(registry, { productHistory: createProductHistoryService(db) })
    // A fresh database has nothing to protect; otherwise the daily copy is taken on start and checked hourly.
    const daily = (): Promise<unknown> => backup.ensureDaily().catch((err: unknown) => opts.log.warn('daily backup failed', err))
    if (up.from > 0) await daily()
    const timer = setInterval(() => void daily(), HOUR_MS)
    timer.unref()
    registerCatalogueImportHandlers(registry, {
      imports: createImportService({ db, units: loadAdminUnits(opts.resourcesDir), sets: setLookup(criteria), criteria, settings, now: opts.now ?? (() => new Date()) }),
      backupBefore
    })
    return {
      registry,
      db,
      members: sessions.joinCodes,
      info,
      close: () => {
        void documents.close()
        clearInterval(timer)
        db.close()
      }
    }
  } catch (err) {
    db.close()
    throw storageError(err) ?? err
  }
}
