import { readFileSync } from 'node:fs'
import type { BackupService } from '../../services/backup/backup-service'
import type { Registry } from '../registry'
import { actorLabel } from '../../services/sessions/store'

export function registerBackupHandlers(r: Registry, d: { backup: BackupService }): void {
  r.handle('backup.list', () => d.backup.list())
  r.handle('backup.create', () => d.backup.backupNow('manual'))
  r.handle('backup.check', (i) => d.backup.check(i.fileName))
  r.handle('backup.download', (i) => ({ fileName: i.fileName, contentBase64: readFileSync(d.backup.filePath(i.fileName)).toString('base64') }))
  r.handle('backup.prepareRestore', (i) => d.backup.prepareRestore({ bytes: Buffer.from(i.contentBase64, 'base64'), fileName: i.fileName }))
  r.handle('backup.confirmRestore', (i, c) => d.backup.confirmRestore(i.token, { reason: i.reason, actor: actorLabel(c.actor) }))
}
