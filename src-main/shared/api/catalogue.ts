import { z } from 'zod'
import { zCommune, zCommuneCode, zOldAddressMatch, zProvince, zProvinceCode } from '../admin-units'
import {
  EMAIL_RE,
  GENDERS,
  PHONE_RE,
  PRODUCER_KINDS,
  PRODUCT_STATUSES,
  REG_NO_RE,
  REGISTRATION_TYPES,
  normalisePhone,
  zStars
} from '../catalogue'
import { zName, zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

const zEmpty = z.object({}).strict()
const zId = z.number().int().positive('Mã bản ghi không hợp lệ')
const zSetIdRef = z.string().regex(/^QD26-2026-\d{2}$/, 'Chọn bộ tiêu chí')

/** Optional free text: absent and blank mean ''. */
const zOptText = (max: number) =>
  z
    .string()
    .max(max, `Tối đa ${max} ký tự`)
    .optional()
    .transform((s) => (s ?? '').normalize('NFC').trim())
const zLimitedName = (max: number) => zName.pipe(z.string().max(max, `Tối đa ${max} ký tự`))

export const zProvinceSettings = z.object({
  provinceCode: zProvinceCode.nullable(),
  bodyName: z.string(),
  advisoryBody: z.string(),
  placeName: z.string()
})
export type ProvinceSettings = z.infer<typeof zProvinceSettings>

export const zProducerInput = z
  .object({
    kind: z.enum(PRODUCER_KINDS, { error: 'Chọn loại hình chủ thể' }),
    name: zLimitedName(300),
    regNo: zOptText(20).refine((s) => s === '' || REG_NO_RE.test(s), 'Mã số thuế / số đăng ký gồm 8–13 chữ số (có thể thêm -NNN)'),
    // Null: "chưa rõ" (issue 12) — never a guessed value; dossier completion needs them known (docs/RULES.md).
    repName: zLimitedName(120).nullable(),
    repGender: z.enum(GENDERS, { error: 'Chọn giới tính người đại diện' }).nullable(),
    repEthnicity: zLimitedName(60).nullable(),
    repDisability: z.boolean().nullable().default(false),
    provinceCode: zProvinceCode,
    /** Null: only the province of the address is known. */
    communeCode: zCommuneCode.nullable(),
    street: zOptText(300),
    oldAddress: zOptText(500),
    phone: zOptText(30)
      .transform(normalisePhone)
      .refine((s) => s === '' || PHONE_RE.test(s), 'Số điện thoại không hợp lệ (0… hoặc +84…, 9–11 chữ số)'),
    email: zOptText(200)
      .transform((s) => s.toLowerCase())
      .refine((s) => s === '' || EMAIL_RE.test(s), 'Địa chỉ email không hợp lệ')
  })
  .strict()
export type ProducerInput = z.input<typeof zProducerInput>
export type ProducerData = z.output<typeof zProducerInput>

export const zProducer = z.object({
  id: z.number().int(),
  kind: z.enum(PRODUCER_KINDS),
  name: z.string(),
  regNo: z.string(),
  /** Null: "chưa rõ" (unknown, recorded from a legacy list). */
  repName: z.string().nullable(),
  repGender: z.enum(GENDERS).nullable(),
  repEthnicity: z.string().nullable(),
  repDisability: z.boolean().nullable(),
  /** Criterion 3.2: the representative is a woman, from an ethnic minority or disabled; null when unknown. */
  qualifies32: z.boolean().nullable(),
  provinceCode: z.string(),
  provinceName: z.string(),
  /** Null: a province-only address. */
  communeCode: z.string().nullable(),
  communeName: z.string().nullable(),
  street: z.string(),
  oldAddress: z.string(),
  phone: z.string(),
  email: z.string(),
  productCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Producer = z.infer<typeof zProducer>

const zPaging = {
  page: z.number().int().min(1).default(1),
  pageSize: z.number().int().min(1).max(200).default(50)
}
const zQuery = zText.pipe(z.string().trim().max(200, 'Từ khóa quá dài')).optional()
const page = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })

export const zProductCreate = z
  .object({
    producerId: zId,
    name: zLimitedName(300),
    setId: zSetIdRef,
    registrationType: z.enum(REGISTRATION_TYPES, { error: 'Chọn hình thức đăng ký' }),
    /** Registration year; the current year when absent. */
    year: z.number().int().min(2000).max(2100).optional()
  })
  .strict()
export type ProductCreateInput = z.input<typeof zProductCreate>

export const zProduct = z.object({
  id: z.number().int(),
  code: z.string(),
  formNo: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  serial: z.number().int(),
  year: z.number().int(),
  name: z.string(),
  producerId: z.number().int(),
  producerName: z.string(),
  setId: z.string(),
  setNo: z.number().int(),
  setName: z.string(),
  registrationType: z.enum(REGISTRATION_TYPES),
  status: z.enum(PRODUCT_STATUSES),
  stars: z.number().int().nullable(),
  dossierCompletedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string()
})
export type Product = z.infer<typeof zProduct>

export const zStatusChange = z.object({
  fromStatus: z.enum(PRODUCT_STATUSES).nullable(),
  toStatus: z.enum(PRODUCT_STATUSES),
  stars: z.number().int().nullable(),
  reason: z.string(),
  at: z.string()
})
export const zProductDetail = zProduct.extend({ history: z.array(zStatusChange), allowedNext: z.array(z.enum(PRODUCT_STATUSES)) })
export type ProductDetail = z.infer<typeof zProductDetail>

export const catalogueMethods = {
  'admin.provinces': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: z.array(zProvince) }),
  'admin.communes': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ provinceCode: zProvinceCode, query: zQuery }).strict(),
    output: z.array(zCommune)
  }),
  'admin.oldToNew': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ address: zText.pipe(z.string().trim().min(2, 'Nhập địa chỉ cũ').max(500, 'Địa chỉ quá dài')), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(zOldAddressMatch)
  }),
  'settings.getProvince': method({ kind: 'query', roles: OFFICE_ROLES, input: zEmpty, output: zProvinceSettings }),
  'settings.setProvince': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({ provinceCode: zProvinceCode, bodyName: zLimitedName(200), advisoryBody: zLimitedName(200), placeName: zLimitedName(100) })
      .strict(),
    output: zProvinceSettings
  }),
  'producers.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z.object({ query: zQuery, communeCode: zCommuneCode.optional(), ...zPaging }).strict(),
    output: page(zProducer)
  }),
  'producers.get': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: zProducer }),
  'producers.create': method({ kind: 'command', roles: OFFICE_ROLES, input: zProducerInput, output: zProducer }),
  /** `moveProducts`: when the commune changes, move the producer's products too (their codes never change). */
  'producers.update': method({ kind: 'command', roles: OFFICE_ROLES, input: zProducerInput.extend({ id: zId, moveProducts: z.boolean().optional() }).strict(), output: zProducer }),
  /** Merges the duplicate `mergeId` into `keepId`: products move, codes unchanged, the duplicate removed with its record in the audit log. */
  'producers.merge': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z.object({ keepId: zId, mergeId: zId }).strict(),
    output: z.object({ producer: zProducer, moved: z.number().int() })
  }),
  'producers.delete': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: z.object({ id: z.number().int() }) }),
  'products.list': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: z
      .object({
        query: zQuery,
        setId: zSetIdRef.optional(),
        communeCode: zCommuneCode.optional(),
        status: z.enum(PRODUCT_STATUSES).optional(),
        stars: zStars.optional(),
        producerId: zId.optional(),
        ...zPaging
      })
      .strict(),
    output: page(zProduct)
  }),
  'products.get': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: zProductDetail }),
  'products.create': method({ kind: 'command', roles: OFFICE_ROLES, input: zProductCreate, output: zProductDetail }),
  'products.update': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({ id: zId, name: zLimitedName(300), setId: zSetIdRef, registrationType: z.enum(REGISTRATION_TYPES, { error: 'Chọn hình thức đăng ký' }) })
      .strict(),
    output: zProductDetail
  }),
  'products.transition': method({
    kind: 'command',
    roles: OFFICE_ROLES,
    input: z
      .object({ id: zId, to: z.enum(PRODUCT_STATUSES, { error: 'Trạng thái không hợp lệ' }), reason: zOptText(1000), stars: zStars.optional() })
      .strict(),
    output: zProductDetail
  }),
  'products.delete': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ id: zId }).strict(), output: z.object({ id: z.number().int() }) }),
  'catalogue.exportXlsx': method({
    kind: 'query',
    roles: OFFICE_ROLES,
    input: zEmpty,
    output: z.object({ fileName: z.string(), contentBase64: z.string(), producers: z.number().int(), products: z.number().int() })
  })
}
