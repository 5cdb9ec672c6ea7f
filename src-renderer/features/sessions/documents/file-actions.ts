import type { ApiClient } from '../../../api/client'
import { downloadBase64 } from '../../catalogue/files'

/** Downloads and printing of stored documents: the renderer only ever names a document by its id. */
export async function downloadDocument(api: ApiClient, id: number): Promise<string | null> {
  const r = await api.call('documents.download', { id })
  if (!r.ok) return r.error.message
  downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
  return null
}

/**
 * "In": the desktop app hands the stored file to the system viewer; a browser opens the PDF in a new tab, where its
 * own viewer prints. The tab is opened before the await so the pop-up blocker sees the user's click.
 */
export async function printDocument(api: ApiClient, id: number, mode: 'desktop' | 'browser'): Promise<string | null> {
  if (mode === 'desktop') {
    const r = await api.call('documents.openInViewer', { id })
    return r.ok ? null : r.error.message
  }
  const tab = window.open('', '_blank')
  const r = await api.call('documents.download', { id })
  if (!r.ok) {
    tab?.close()
    return r.error.message
  }
  const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mimeType }))
  if (tab) tab.location.href = url
  else window.open(url, '_blank')
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return null
}
