import type { ApiClient } from '../../api/client'
import type { Input, MethodName } from '../../../src-main/shared/contract'
import { downloadBase64 } from '../catalogue/files'

type FileMethod = 'exports.ptntOcop' | 'exports.nationalRecords' | 'exports.annex' | 'exports.fiveStarBundle' | 'reports.exportXlsx' | 'certificates.revocationFile'

/** Calls an export method and saves its file; returns the error message to show, or null. */
export async function downloadExport<K extends FileMethod & MethodName>(api: ApiClient, method: K, input: Input<K>): Promise<string | null> {
  const r = await api.call(method, input)
  if (!r.ok) return r.error.message
  const f = r.value as { fileName: string; mimeType: string; base64: string }
  downloadBase64(f.fileName, f.mimeType, f.base64)
  return null
}
