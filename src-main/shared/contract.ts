import type { z } from 'zod'
import { catalogueMethods } from './api/catalogue'
import { catalogueImportMethods } from './api/catalogue-import'
import { coreMethods } from './api/core'
import { documentsMethods } from './api/documents'
import { dossierMethods } from './api/dossier'
import { councilsMethods } from './api/councils'
import { sessionMethods } from './api/sessions'
import { verifyMethods } from './api/verify'
import { certificatesMethods } from './api/certificates'
import { exportsMethods } from './api/exports'
import { productHistoryMethods } from './api/product-history'
import { backupMethods } from './api/backup'
import { signingMethods } from './api/signing'
import { sessionDocumentsMethods } from './api/session-documents'
import { adviceMethods } from './api/advice'
import { inspectionsMethods } from './api/inspections'
import { periodicReportMethods } from './api/periodic-report'
import { historyMethods } from './api/history'
import { lanMethods } from './api/lan'
import { documentSettingsMethods } from './api/document-settings'
import { officeDocumentsMethods } from './api/office-documents'

export * from './api/spec'
export * from './api/core'
export * from './api/documents'
export * from './api/catalogue'
export * from './api/catalogue-import'
export * from './api/dossier'
export * from './api/councils'
export * from './api/sessions'
export * from './api/verify'
export * from './api/certificates'
export * from './api/exports'
export * from './api/product-history'
export * from './api/backup'
export * from './api/signing'
export * from './api/session-documents'
export * from './api/advice'
export * from './api/inspections'
export * from './api/periodic-report'
export * from './api/history'
export * from './api/lan'
export * from './api/document-settings'
export * from './api/office-documents'

/**
 * The one API contract. Each method names its input and output schemas, whether it reads or writes, and who may
 * call it. The IPC registry, the preload bridge, the browser-mode server and the renderer client all derive from it.
 * Methods are grouped per area in ./api/*.ts and merged here.
 */
export const contract = {
  ...coreMethods,
  ...documentsMethods,
  ...catalogueMethods,
  ...catalogueImportMethods,
  ...dossierMethods,
  ...councilsMethods,
  ...sessionMethods,
  ...verifyMethods,
  ...certificatesMethods,
  ...exportsMethods,
  ...backupMethods,
  ...signingMethods,
  ...sessionDocumentsMethods,
  ...documentSettingsMethods,
  ...productHistoryMethods,
  ...adviceMethods,
  ...inspectionsMethods,
  ...periodicReportMethods,
  ...historyMethods,
  ...lanMethods,
  ...officeDocumentsMethods
} as const

export type Contract = typeof contract
export type MethodName = keyof Contract
export type Input<K extends MethodName> = z.input<Contract[K]['input']>
export type ParsedInput<K extends MethodName> = z.output<Contract[K]['input']>
export type Output<K extends MethodName> = z.output<Contract[K]['output']>

export const METHOD_NAMES = Object.keys(contract) as MethodName[]

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Fixed channel names of the Electron bridge; nothing else is exposed. */
export const IPC_CALL_CHANNEL = 'api:call'
export const IPC_EVENT_CHANNEL = 'api:event'
