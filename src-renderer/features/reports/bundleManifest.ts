import JSZip from 'jszip'

export interface BundleManifestEntry {
  path: string
  role: string
  sha256: string
  size: number
}

/** Reads manifest.json back from the downloaded zip, so the list shown is the one the file actually carries. */
export async function readBundleManifest(base64: string): Promise<BundleManifestEntry[]> {
  const zip = await JSZip.loadAsync(base64, { base64: true })
  const file = zip.file('manifest.json')
  if (!file) throw new Error('manifest.json missing')
  const body = JSON.parse(await file.async('string')) as { files?: BundleManifestEntry[] }
  return body.files ?? []
}
