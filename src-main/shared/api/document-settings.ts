import { z } from 'zod'
import { AUTHORITIES } from '../documents'
import { zText } from '../text'
import { OFFICE_ROLES, method } from './spec'

/**
 * The province's document settings (issue 10): what the decisions cite ("Căn cứ …", "Theo đề nghị của …"), who
 * receives each document, who signs with which authority, and the agency names as running text. Saved as immutable
 * versions; each issued document records the version it was issued under.
 *
 * Lines may hold placeholders filled from the records when a document is built:
 * {tinh} province name · {hoiDong} the council's establishing decision · {quyChe} the Quy chế decision (the line is
 * left out while the council has none) · {baoCao} the session's report · {toTrinh} the session's tờ trình.
 */
const line = (what: string) => zText.pipe(z.string().trim().min(1, `${what} không được để trống`).max(600, `${what}: tối đa 600 ký tự`))
const lines = (what: string) => z.array(line(what)).max(30, `${what}: tối đa 30 dòng`)
const name = (what: string, max = 200) => zText.pipe(z.string().trim().min(1, `${what} không được để trống`).max(max, `${what}: tối đa ${max} ký tự`))

export const zSettingsSigner = z
  .object({
    authority: z.enum(AUTHORITIES, { message: 'Thẩm quyền ký phải là TM., KT., TL., TUQ. hoặc Q.' }).nullable(),
    /** After TM.: the body ("Ủy ban nhân dân"); after KT./Q.: the head's title ("Chủ tịch"). */
    authorityOf: zText.pipe(z.string().trim().max(120, 'Tối đa 120 ký tự')),
    /** The signer's own position only ("Phó Chủ tịch", "Giám đốc"), never the agency name. */
    title: name('Chức vụ người ký', 120),
    /** Empty: the name comes from the session's council (chair for the committee and council, vice-chair for the agency). */
    name: zText.pipe(z.string().trim().max(120, 'Tối đa 120 ký tự'))
  })
  .strict()
export type SettingsSigner = z.output<typeof zSettingsSigner>

export const zDocumentSettings = z
  .object({
    /** Running-text names, sentence case: "Ủy ban nhân dân tỉnh Lâm Đồng", "Sở Nông nghiệp và Môi trường". */
    committeeName: name('Tên Ủy ban nhân dân tỉnh'),
    agencyName: name('Tên cơ quan tham mưu'),
    /** Ký hiệu of the agency in numbers: "SNNMT" gives "05/TTr-SNNMT". */
    agencySymbol: zText.pipe(z.string().trim().regex(/^[A-ZĐ0-9]{2,12}$/u, 'Ký hiệu cơ quan: 2–12 chữ in hoa hoặc số')),
    signers: z.object({ committee: zSettingsSigner, council: zSettingsSigner, agency: zSettingsSigner }).strict(),
    basis: z.object({ decision: lines('Căn cứ của quyết định'), approval: lines('Căn cứ của quyết định phê duyệt'), submission: lines('Căn cứ của tờ trình') }).strict(),
    proposer: z.object({ decision: line('Theo đề nghị của'), approval: line('Theo đề nghị của') }).strict(),
    recipients: z
      .object({
        report: lines('Nơi nhận'),
        submission: lines('Nơi nhận'),
        decision: lines('Nơi nhận'),
        approval: lines('Nơi nhận'),
        notice: lines('Nơi nhận')
      })
      .strict()
  })
  .strict()
export type DocumentSettings = z.output<typeof zDocumentSettings>

export const zDocumentSettingsVersion = z.object({
  /** null: nothing saved yet, the defaults are shown. */
  versionId: z.number().int().nullable(),
  createdAt: z.string().nullable(),
  settings: zDocumentSettings,
  defaults: zDocumentSettings
})

export const documentSettingsMethods = {
  'documentSettings.get': method({ kind: 'query', roles: OFFICE_ROLES, input: z.object({}).strict(), output: zDocumentSettingsVersion }),
  /** Saves a new version (an unchanged one is not saved twice); documents issued before keep theirs. */
  'documentSettings.save': method({ kind: 'command', roles: OFFICE_ROLES, input: z.object({ settings: zDocumentSettings }).strict(), output: zDocumentSettingsVersion })
}
