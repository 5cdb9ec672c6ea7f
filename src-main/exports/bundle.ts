import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import type { DB } from '../db/connection'
import { createDocumentRegister } from '../services/document-register'
import type { FileStore } from '../services/dossier-service'
import { AppError } from '../shared/result'

/**
 * The 5★ proposal bundle (QĐ 26/2026 Điều 6.3a, 7.3 step 7): the province's letter, the Tổ tư vấn's report, the
 * council's report and the chairman's approval decision — documents already in the register, read back and checked
 * against their SHA-256 — then the product dossier files, and manifest.json with the SHA-256 of every file.
 */
export const BUNDLE_FORMAT = 'ocop-council/5-star-bundle@1'

export interface BundleRequest {
  productId: number
  letterId: number
  advisoryReportId: number
  councilReportId: number
  approvalId: number
}

export interface ManifestEntry {
  path: string
  role: string
  sha256: string
  size: number
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
/** Keeps Vietnamese letters but drops path separators and characters Windows refuses. */
const safeName = (s: string): string => s.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').slice(0, 150) || 'tep'

export async function fiveStarBundle(db: DB, dataDir: string, files: FileStore, req: BundleRequest, now: Date): Promise<{ bytes: Buffer; manifest: { files: ManifestEntry[] } }> {
  const product = db
    .prepare('SELECT p.id, p.code, p.name, p.status, pr.name AS producer FROM products p JOIN producers pr ON pr.id = p.producer_id WHERE p.id = ?')
    .get(req.productId) as { id: number; code: string; name: string; status: string; producer: string } | undefined
  if (!product) throw new AppError('NOT_FOUND', 'Không tìm thấy sản phẩm')
  const proposed = db.prepare("SELECT 1 FROM results WHERE product_id = ? AND outcome = 'proposed-5-star'").get(req.productId)
  if (!proposed && product.status !== 'proposed-5-star') throw new AppError('CONFLICT', `"${product.name}" không được Hội đồng đề xuất đánh giá 5 sao (cần từ 90 điểm)`)

  const register = createDocumentRegister(db)
  const parts: Array<[id: number, folder: string, role: string, kind: string | null]> = [
    [req.letterId, '01-cong-van-de-nghi', 'Văn bản đề nghị của UBND tỉnh', null],
    [req.advisoryReportId, '02-bao-cao-to-tu-van', 'Báo cáo của Tổ tư vấn', null],
    [req.councilReportId, '03-bao-cao-hoi-dong', 'Báo cáo của Hội đồng cấp tỉnh', 'report'],
    [req.approvalId, '04-quyet-dinh-phe-duyet', 'Quyết định phê duyệt kết quả đánh giá', 'approval']
  ]
  if (new Set(parts.map((p) => p[0])).size !== parts.length) throw new AppError('VALIDATION', 'Mỗi thành phần hồ sơ phải là một văn bản khác nhau')
  const zip = new JSZip()
  const manifest: ManifestEntry[] = []
  const add = (path: string, role: string, bytes: Buffer) => {
    zip.file(path, bytes, { date: now, binary: true })
    manifest.push({ path, role, sha256: sha256(bytes), size: bytes.length })
  }
  for (const [id, folder, role, kind] of parts) {
    const row = register.get(id)
    if (kind && row.kind !== kind) throw new AppError('VALIDATION', `${role}: văn bản số ${id} không đúng loại`)
    const file = join(dataDir, row.file_path)
    if (!existsSync(file)) throw new AppError('NOT_FOUND', `${role}: tệp văn bản không còn trong thư mục dữ liệu`)
    const bytes = readFileSync(file)
    if (sha256(bytes) !== row.sha256) throw new AppError('CONFLICT', `${role}: tệp văn bản đã bị thay đổi ngoài ứng dụng (mã SHA-256 không khớp)`)
    add(`${folder}/${safeName(row.file_path.split(/[\\/]/).pop()!)}`, role, bytes)
  }
  const dossier = db.prepare('SELECT id, item_key, original_name, sha256 FROM dossier_files WHERE product_id = ? ORDER BY item_key, id').all(req.productId) as Array<{
    id: number
    item_key: string
    original_name: string
    sha256: string
  }>
  if (dossier.length === 0) throw new AppError('CONFLICT', `"${product.name}" chưa có tệp hồ sơ sản phẩm đính kèm`)
  for (const f of dossier) add(`05-ho-so-san-pham/${f.item_key}/${f.id}-${safeName(f.original_name)}`, `Hồ sơ sản phẩm (${f.item_key})`, files.get(f.sha256))
  const body = { format: BUNDLE_FORMAT, createdAt: now.toISOString(), product: { code: product.code, name: product.name, producer: product.producer }, files: manifest }
  zip.file('manifest.json', JSON.stringify(body, null, 2), { date: now })
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
  return { bytes, manifest: body }
}
