import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  zAdminUnitsFile,
  zOldToNewFile,
  type AdminUnitsFile,
  type Commune,
  type OldAddressMatch,
  type OldToNewFile,
  type Province
} from '../shared/admin-units'
import { createCommuneResolver, type CommuneResolver } from '../domain/commune-resolver'
import { AppError } from '../shared/result'
import { foldVietnamese } from '../shared/text'

interface IndexedCommune extends Commune {
  fold: string
  /** The name without its type prefix ("Xã ", "Phường ", "Đặc khu "), folded. */
  bare: string
}

export interface AdminUnits {
  provinces(): Province[]
  province(code: string): Province | undefined
  commune(code: string): Commune | undefined
  communes(provinceCode: string, query?: string): Commune[]
  /** Suggestions of new units for a free-text pre-2025 address, best first. */
  oldToNew(address: string, limit: number, preferProvince?: string | null): OldAddressMatch[]
  /** Resolves what a clerk wrote for a commune (domain/commune-resolver.ts). */
  resolver: CommuneResolver
}

/** The names lookup the exports need; the export worker builds it from a plain table (exports/unit-names.ts). */
export type UnitNames = { province(code: string): { name: string } | undefined; commune(code: string): { name: string } | undefined }

const PREFIX_RE = /^(xa|phuong|dac khu|thi tran|thi xa|thanh pho|tinh|quan|huyen)\s+/
/** Folded, with U+2019 and U+0027 treated alike (README caveat 2) and without a type prefix. */
export const bareName = (s: string): string => foldVietnamese(s.replace(/\u2019/g, "'")).replace(PREFIX_RE, '')

const cache = new Map<string, AdminUnits>()

/** Reads resources/admin-units once per folder; the data never changes while the app runs. */
export function loadAdminUnits(resourcesDir: string): AdminUnits {
  const hit = cache.get(resourcesDir)
  if (hit) return hit
  const dir = join(resourcesDir, 'admin-units')
  const parsed = zAdminUnitsFile.safeParse(JSON.parse(readFileSync(join(dir, 'units-2025.json'), 'utf8')))
  if (!parsed.success)
    throw new AppError('VALIDATION', `Dữ liệu đơn vị hành chính bị hỏng (resources/admin-units): ${parsed.error.issues[0]?.message ?? ''}`)
  const oldFile = join(dir, 'old-to-new-2025.json')
  const old = existsSync(oldFile) ? zOldToNewFile.parse(JSON.parse(readFileSync(oldFile, 'utf8'))) : null
  const units = buildAdminUnits(parsed.data, old)
  cache.set(resourcesDir, units)
  return units
}

export function buildAdminUnits(file: AdminUnitsFile, old: OldToNewFile | null): AdminUnits {
  const provinces: Province[] = file.provinces.map((p) => ({ code: p.c, name: p.n, type: p.t, communeCount: p.u.length }))
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]))
  const communesOf = new Map<string, IndexedCommune[]>()
  const communeByCode = new Map<string, IndexedCommune>()
  for (const p of file.provinces) {
    const list = p.u.map((c) => ({ code: c.c, name: c.n, type: c.t, provinceCode: p.c, fold: foldVietnamese(c.n), bare: bareName(c.n) }))
    communesOf.set(p.c, list)
    for (const c of list) communeByCode.set(c.code, c)
  }
  const strip = ({ code, name, type, provinceCode }: IndexedCommune): Commune => ({ code, name, type, provinceCode })
  const resolver = createCommuneResolver({
    provinces: file.provinces.map((p) => ({ code: p.c, name: p.n, communes: p.u.map((c) => ({ code: c.c, name: c.n })) })),
    oldCommunes: old?.communes ?? [],
    oldProvinces: old?.provinces ?? []
  })

  return {
    provinces: () => provinces,
    province: (code) => provinceByCode.get(code),
    commune: (code) => {
      const c = communeByCode.get(code)
      return c ? strip(c) : undefined
    },
    communes(provinceCode, query) {
      const list = communesOf.get(provinceCode)
      if (!list) throw new AppError('NOT_FOUND', `Không có tỉnh/thành phố mã ${provinceCode}`)
      const q = query ? foldVietnamese(query) : ''
      return (q ? list.filter((c) => c.fold.includes(q)) : list).map(strip)
    },
    resolver,
    oldToNew(address, limit, preferProvince) {
      // The resolver's reading of the address (typed parts, new-form addresses, installed province first).
      return resolver.suggest(address, preferProvince ?? null, limit).map((c, i) => ({
        oldName: c.old?.name ?? '',
        oldDistrict: c.old?.district ?? '',
        oldProvince: c.old?.province ?? '',
        change: c.old?.change ?? '',
        provinceCode: c.provinceCode,
        provinceName: c.provinceName,
        communeCode: c.code,
        communeName: c.name,
        score: limit - i
      }))
    }
  }
}
