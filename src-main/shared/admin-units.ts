import { z } from 'zod'

/**
 * The app's own format for the administrative units in force from 1/7/2025 (QĐ 19/2025/QĐ-TTg), produced by
 * scripts/build-admin-units.ts. Short keys keep the shipped file small; codes stay zero-padded strings.
 */
export const PROVINCE_TYPES = ['tỉnh', 'thành phố'] as const
export const COMMUNE_TYPES = ['xã', 'phường', 'đặc khu'] as const

export const zProvinceCode = z.string().min(1, 'Chọn tỉnh/thành phố').regex(/^\d{2}$/, 'Mã tỉnh phải gồm 2 chữ số')
export const zCommuneCode = z.string().min(1, 'Chọn xã/phường/đặc khu').regex(/^\d{5}$/, 'Mã xã phải gồm 5 chữ số')

const zUnitCommune = z.object({ c: zCommuneCode, n: z.string().min(1), t: z.enum(COMMUNE_TYPES) }).strict()
const zUnitProvince = z.object({ c: zProvinceCode, n: z.string().min(1), t: z.enum(PROVINCE_TYPES), u: z.array(zUnitCommune).min(1) }).strict()

export const ADMIN_UNITS_FORMAT = 'ocop-council/admin-units@1'
export const zAdminUnitsFile = z
  .object({
    format: z.literal(ADMIN_UNITS_FORMAT),
    source: z.string(),
    sourceCommit: z.string(),
    effectiveDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    provinces: z.array(zUnitProvince).min(1)
  })
  .strict()
export type AdminUnitsFile = z.infer<typeof zAdminUnitsFile>

/** One old commune → new commune row: [oldCode|'', oldName, oldDistrictName, oldProvinceCode, newCode, change]. */
const zOldRow = z.tuple([z.string(), z.string(), z.string(), z.string(), zCommuneCode, z.string()])
export const OLD_TO_NEW_FORMAT = 'ocop-council/old-to-new@1'
export const zOldToNewFile = z
  .object({
    format: z.literal(OLD_TO_NEW_FORMAT),
    source: z.string(),
    sourceCommit: z.string(),
    /** [oldProvinceCode, oldProvinceName, newProvinceCode] */
    provinces: z.array(z.tuple([z.string(), z.string(), zProvinceCode])),
    communes: z.array(zOldRow)
  })
  .strict()
export type OldToNewFile = z.infer<typeof zOldToNewFile>

/** What the API returns about units. */
export const zProvince = z.object({ code: z.string(), name: z.string(), type: z.enum(PROVINCE_TYPES), communeCount: z.number().int() })
export type Province = z.infer<typeof zProvince>
export const zCommune = z.object({ code: z.string(), name: z.string(), type: z.enum(COMMUNE_TYPES), provinceCode: z.string() })
export type Commune = z.infer<typeof zCommune>
export const zOldAddressMatch = z.object({
  oldName: z.string(),
  oldDistrict: z.string(),
  oldProvince: z.string(),
  change: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  score: z.number()
})
export type OldAddressMatch = z.infer<typeof zOldAddressMatch>
