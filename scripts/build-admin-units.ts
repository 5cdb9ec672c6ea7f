/**
 * Converts the administrative units after 1/7/2025 (../shared/vn-admin/units-2025.json) and the old→new mapping
 * (old-to-new-2025.json) into the app's compact formats (src-main/shared/admin-units.ts) under resources/admin-units/.
 * Usage: npm run admin-units [-- <source-dir>]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import {
  ADMIN_UNITS_FORMAT,
  OLD_TO_NEW_FORMAT,
  zAdminUnitsFile,
  zOldToNewFile,
  type AdminUnitsFile,
  type OldToNewFile
} from '../src-main/shared/admin-units'

type SrcUnits = {
  source: string
  source_commit: string
  effective_date: string
  provinces: Array<{ code: string; name: string; type: string; communes: Array<{ code: string; name: string; type: string }> }>
}
type SrcOldToNew = {
  source: string
  source_commit: string
  provinces_old_to_new: Array<{ old_code: string; old_name: string; new_code: string }>
  communes: Array<{ new_code: string; old_code: string | null; old_name: string; old_district_name: string; old_province_code: string; change: string }>
}

const nfc = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim()

export function convertUnits(src: SrcUnits): AdminUnitsFile {
  return zAdminUnitsFile.parse({
    format: ADMIN_UNITS_FORMAT,
    source: src.source,
    sourceCommit: src.source_commit,
    effectiveDate: src.effective_date,
    provinces: src.provinces.map((p) => ({
      c: p.code,
      n: nfc(p.name),
      t: p.type,
      u: p.communes.map((c) => ({ c: c.code, n: nfc(c.name), t: c.type }))
    }))
  })
}

export function convertOldToNew(src: SrcOldToNew): OldToNewFile {
  return zOldToNewFile.parse({
    format: OLD_TO_NEW_FORMAT,
    source: src.source,
    sourceCommit: src.source_commit,
    provinces: src.provinces_old_to_new.map((p) => [p.old_code, nfc(p.old_name), p.new_code]),
    communes: src.communes.map((c) => [c.old_code ?? '', nfc(c.old_name), nfc(c.old_district_name), c.old_province_code ?? '', c.new_code, nfc(c.change)])
  })
}

function main(): void {
  const srcDir = resolve(process.argv[2] ?? join(__dirname, '../../shared/vn-admin'))
  const outDir = resolve(__dirname, '../resources/admin-units')
  mkdirSync(outDir, { recursive: true })
  const units = convertUnits(JSON.parse(readFileSync(join(srcDir, 'units-2025.json'), 'utf8')) as SrcUnits)
  const communes = units.provinces.reduce((n, p) => n + p.u.length, 0)
  writeFileSync(join(outDir, 'units-2025.json'), JSON.stringify(units))
  const old = convertOldToNew(JSON.parse(readFileSync(join(srcDir, 'old-to-new-2025.json'), 'utf8')) as SrcOldToNew)
  const oldJson = JSON.stringify(old)
  // The mapping is only a convenience; ship it only while it stays small enough for the installer.
  if (Buffer.byteLength(oldJson) < 2 * 1024 * 1024) writeFileSync(join(outDir, 'old-to-new-2025.json'), oldJson)
  else console.warn(`old-to-new mapping is ${Buffer.byteLength(oldJson)} bytes, not shipped`)
  console.log(`${units.provinces.length} provinces, ${communes} communes, ${old.communes.length} old→new rows -> ${outDir}`)
}

if (require.main === module) main()
