import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { DB } from '../db/connection'
import { dossierChecklist, itemSatisfied, missingItems, type DossierItemKey, type DossierItemState } from '../domain/dossier'
import { UNKNOWN_FACT_LABELS, unknownFacts, type ProducerFacts } from '../domain/producer'
import type { Dossier, DossierFile } from '../shared/contract'
import { DOSSIER_FILE_MAX_BYTES } from '../shared/api/dossier'
import { createMemberReach, type ReachActor } from './member-reach'
import { AppError } from '../shared/result'
import { productRow, recordStatus, type SetLookup } from './product-service'

const MIME_BY_EXT: Record<string, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  txt: 'text/plain'
}
/** The type is taken from the file name, never trusted from the caller, so a download cannot be labelled as HTML. */
export const mimeFor = (name: string): string => MIME_BY_EXT[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream'

interface FileRow {
  id: number
  product_id: number
  item_key: DossierItemKey
  sha256: string
  size: number
  mime: string
  original_name: string
  added_at: string
}

/** Content-addressed store: <dataDir>/files/<first 2 hex of sha256>/<sha256>; the same content is kept once. */
export function createFileStore(dataDir: string) {
  const root = join(dataDir, 'files')
  const pathOf = (sha: string): string => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new AppError('INTERNAL', 'Mã băm tệp không hợp lệ')
    return join(root, sha.slice(0, 2), sha)
  }
  return {
    put(content: Buffer): { sha256: string; size: number } {
      const sha256 = createHash('sha256').update(content).digest('hex')
      const file = pathOf(sha256)
      if (!existsSync(file)) {
        mkdirSync(join(root, sha256.slice(0, 2)), { recursive: true })
        // Write then rename, so a crash never leaves a truncated file under a valid hash name.
        const tmp = `${file}.tmp-${process.pid}`
        writeFileSync(tmp, content)
        renameSync(tmp, file)
      }
      return { sha256, size: content.length }
    },
    get(sha256: string): Buffer {
      const file = pathOf(sha256)
      if (!existsSync(file)) throw new AppError('NOT_FOUND', 'Tệp đính kèm không còn trong thư mục dữ liệu')
      const content = readFileSync(file)
      if (createHash('sha256').update(content).digest('hex') !== sha256) throw new AppError('INTERNAL', 'Tệp đính kèm đã bị thay đổi ngoài ứng dụng (sai mã băm)')
      return content
    }
  }
}
export type FileStore = ReturnType<typeof createFileStore>

export function createDossierService(db: DB, sets: SetLookup, files: FileStore, now: () => Date = () => new Date()) {
  const reach = createMemberReach(db)
  const q = {
    reregisteredAt: db.prepare("SELECT max(at) AS at FROM product_status_history WHERE product_id = ? AND from_status = 'certificate-valid' AND to_status = 'registered'"),
    files: db.prepare('SELECT * FROM dossier_files WHERE product_id = ? AND added_at >= ? ORDER BY id')
  }
  const producerFacts = db.prepare(`SELECT pr.rep_name AS repName, pr.rep_gender AS repGender, pr.rep_ethnicity AS repEthnicity, pr.rep_disability AS repDisability,
    pr.commune_code AS communeCode FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?`)
  const toFile = (f: FileRow): DossierFile => ({ id: f.id, itemKey: f.item_key, name: f.original_name, size: f.size, mime: f.mime, sha256: f.sha256, addedAt: f.added_at })

  function get(productId: number): Dossier {
    const p = productRow(db, productId)
    const requiresSamples = sets(p.set_id)?.requiresSamples ?? true
    const checklist = dossierChecklist(p.registration_type, requiresSamples)
    const checked = new Set((db.prepare('SELECT item_key FROM dossier_items WHERE product_id = ? AND checked = 1').all(productId) as Array<{ item_key: string }>).map((r) => r.item_key))
    // After a re-registration (re-evaluation, upgrade) the dossier is the new one: files received since then.
    const since = (q.reregisteredAt.get(productId) as { at: string | null }).at ?? ''
    const fileRows = q.files.all(productId, since) as FileRow[]
    const items = checklist.map((def) => {
      const own = fileRows.filter((f) => f.item_key === def.key)
      const state: DossierItemState = { key: def.key, checked: checked.has(def.key), fileCount: own.length }
      return { key: def.key, label: def.label, acceptsFiles: def.acceptsFiles, checked: state.checked, satisfied: itemSatisfied(def, state), files: own.map(toFile) }
    })
    return {
      productId,
      registrationType: p.registration_type,
      requiresSamples,
      editable: p.status === 'registered',
      complete: p.dossier_completed_at !== null,
      completedAt: p.dossier_completed_at,
      items
    }
  }

  function openDossier(productId: number, itemKey: DossierItemKey) {
    const p = productRow(db, productId)
    if (p.status !== 'registered') throw new AppError('CONFLICT', 'Hồ sơ đã hoàn tất; mở lại hồ sơ (trả về trạng thái "Đã đăng ký") trước khi sửa')
    const checklist = dossierChecklist(p.registration_type, sets(p.set_id)?.requiresSamples ?? true)
    const def = checklist.find((d) => d.key === itemKey)
    if (!def) throw new AppError('VALIDATION', 'Mục này không thuộc hồ sơ của sản phẩm')
    return def
  }

  return {
    /** A member reads only the dossiers of the products of their own session (services/member-reach.ts). */
    get(productId: number, actor: ReachActor = { kind: 'local' }): Dossier {
      reach.product(actor, productId)
      return get(productId)
    },
    check(i: { productId: number; itemKey: DossierItemKey; checked: boolean }): Dossier {
      db.transaction(() => {
        openDossier(i.productId, i.itemKey)
        db.prepare(
          'INSERT INTO dossier_items (product_id, item_key, checked, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (product_id, item_key) DO UPDATE SET checked = excluded.checked, updated_at = excluded.updated_at'
        ).run(i.productId, i.itemKey, i.checked ? 1 : 0, now().toISOString())
      })()
      return get(i.productId)
    },
    attach(i: { productId: number; itemKey: DossierItemKey; fileName: string; contentBase64: string }): Dossier {
      const def = openDossier(i.productId, i.itemKey)
      if (!def.acceptsFiles) throw new AppError('VALIDATION', 'Mục này là hiện vật, chỉ đánh dấu đã nhận, không đính kèm tệp')
      const content = Buffer.from(i.contentBase64, 'base64')
      if (content.length === 0) throw new AppError('VALIDATION', 'Tệp rỗng')
      if (content.length > DOSSIER_FILE_MAX_BYTES) throw new AppError('VALIDATION', 'Tệp quá lớn (tối đa 20 MB)')
      // The file is stored before the row: an orphan file is harmless, a row without its file is not.
      const stored = files.put(content)
      db.transaction(() => {
        openDossier(i.productId, i.itemKey)
        db.prepare('INSERT INTO dossier_files (product_id, item_key, sha256, size, mime, original_name, added_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          i.productId,
          i.itemKey,
          stored.sha256,
          stored.size,
          mimeFor(i.fileName),
          i.fileName,
          now().toISOString()
        )
      })()
      return get(i.productId)
    },
    removeFile(fileId: number): Dossier {
      const productId = db.transaction(() => {
        const f = db.prepare('SELECT * FROM dossier_files WHERE id = ?').get(fileId) as FileRow | undefined
        if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm')
        openDossier(f.product_id, f.item_key)
        db.prepare('DELETE FROM dossier_files WHERE id = ?').run(fileId)
        return f.product_id
      })()
      return get(productId)
    },
    download(fileId: number, actor: ReachActor = { kind: 'local' }) {
      reach.dossierFile(actor, fileId)
      const f = db.prepare('SELECT * FROM dossier_files WHERE id = ?').get(fileId) as FileRow | undefined
      if (!f) throw new AppError('NOT_FOUND', 'Không tìm thấy tệp đính kèm')
      const content = files.get(f.sha256)
      return { fileName: f.original_name, mime: f.mime, size: f.size, sha256: f.sha256, contentBase64: content.toString('base64') }
    },
    complete(productId: number): Dossier {
      db.transaction(() => {
        const p = productRow(db, productId)
        if (p.status !== 'registered') throw new AppError('CONFLICT', 'Hồ sơ của sản phẩm này đã hoàn tất')
        const d = get(productId)
        const checklist = dossierChecklist(p.registration_type, d.requiresSamples)
        const missing = missingItems(checklist, d.items.map((it) => ({ key: it.key, checked: it.checked, fileCount: it.files.length })))
        if (missing.length)
          throw new AppError(
            'VALIDATION',
            `Hồ sơ chưa đầy đủ, còn thiếu: ${missing.map((m) => m.label).join('; ')}`,
            missing.map((m) => ({ path: m.key, message: 'Chưa có' }))
          )
        // A new evaluation needs the producer's facts (criterion 3.2, the sheet's header): "chưa rõ" stops it here.
        const unknown = unknownFacts(producerFacts.get(productId) as Pick<ProducerFacts, 'repName' | 'repGender' | 'repEthnicity' | 'repDisability' | 'communeCode'>)
        if (unknown.length)
          throw new AppError(
            'VALIDATION',
            `Hồ sơ chưa đầy đủ: chủ thể còn chưa rõ ${unknown.map((k) => UNKNOWN_FACT_LABELS[k]).join(', ')}. Hãy bổ sung ở trang chủ thể trước khi hoàn tất hồ sơ.`,
            unknown.map((k) => ({ path: k, message: 'Chưa rõ' }))
          )
        const at = now().toISOString()
        db.prepare("UPDATE products SET status = 'dossier-complete', dossier_completed_at = ?, updated_at = ? WHERE id = ?").run(at, at, productId)
        recordStatus(db, productId, 'registered', 'dossier-complete', p.stars, 'Hồ sơ đầy đủ theo Điều 6', at)
      })()
      return get(productId)
    }
  }
}
export type DossierService = ReturnType<typeof createDossierService>
