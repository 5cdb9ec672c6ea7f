import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Core } from '../../../src-main/core'
import { isUnknownCell, qualifiesForCriterion32, unknownFacts, validateProducerAddress } from '../../../src-main/domain/producer'
import { PROVINCE_ONLY_NO_CODE } from '../../../src-main/domain/product-code'
import { PRODUCER_COLUMNS } from '../../../src-main/shared/catalogue-xlsx'
import { call, ok } from '../../utils/core'
import { certificateRow, productRow, producerRow, provinceCore, workbook } from '../import/workbook'
import { producerInput } from './helpers'

let core: Core
beforeEach(async () => {
  core = await provinceCore()
})
afterEach(() => core.close())

const UNKNOWN = { repName: null, repGender: null, repEthnicity: null, repDisability: null } as const

describe('unknown legacy facts: domain', () => {
  it('criterion 3.2 is told only from known facts: a known qualifying fact is enough, else unknown stays unknown', () => {
    expect(qualifiesForCriterion32({ repGender: null, repEthnicity: null, repDisability: null })).toBeNull()
    expect(qualifiesForCriterion32({ repGender: 'nam', repEthnicity: 'Kinh', repDisability: null })).toBeNull()
    expect(qualifiesForCriterion32({ repGender: 'nu', repEthnicity: null, repDisability: null })).toBe(true)
    expect(qualifiesForCriterion32({ repGender: null, repEthnicity: 'Cơ Ho', repDisability: null })).toBe(true)
    expect(qualifiesForCriterion32({ repGender: 'nam', repEthnicity: 'Kinh', repDisability: false })).toBe(false)
  })
  it('lists what is unknown; reads blank and «chưa rõ» cells as unknown; a province-only address is valid', () => {
    expect(unknownFacts({ ...UNKNOWN, communeCode: null })).toEqual(['repName', 'repGender', 'repEthnicity', 'repDisability', 'communeCode'])
    expect(unknownFacts({ repName: 'A', repGender: 'nu', repEthnicity: 'Kinh', repDisability: false, communeCode: '24778' })).toEqual([])
    for (const s of ['', '  ', 'chưa rõ', 'Chưa rõ.', 'CHƯA RÕ', 'không rõ', '?']) expect(isUnknownCell(s)).toBe(true)
    for (const s of ['Kinh', 'Nam', 'Không', 'Chưa']) expect(isUnknownCell(s)).toBe(false)
    expect(validateProducerAddress({ provinceCode: '68', communeCode: null }, () => undefined)).toEqual([])
  })
})

describe('unknown legacy facts: services', () => {
  it('stores unknown as NULL and shows it as unknown, never as a value', async () => {
    const p = await ok(core, 'producers.create', producerInput({ ...UNKNOWN, communeCode: null, street: '' }))
    expect(p).toMatchObject({ ...UNKNOWN, qualifies32: null, communeCode: null, communeName: null, provinceCode: '68' })
    expect(core.db.prepare('SELECT rep_name, rep_gender, rep_ethnicity, rep_disability, commune_code FROM producers WHERE id = ?').get(p.id)).toEqual({
      rep_name: null,
      rep_gender: null,
      rep_ethnicity: null,
      rep_disability: null,
      commune_code: null
    })
    // Filled in later, then cleared again: both ways through the form's contract.
    const known = await ok(core, 'producers.update', { ...producerInput({ repGender: 'nu', repEthnicity: 'Kinh', repName: 'Lê Thị B', communeCode: '24778' }), id: p.id })
    expect(known).toMatchObject({ repGender: 'nu', qualifies32: true, communeCode: '24778' })
    expect(await ok(core, 'producers.update', { ...producerInput({ repGender: null }), id: p.id })).toMatchObject({ repGender: null })
  })

  it('province-only producer: the app issues no code (it would invent a commune)', async () => {
    const p = await ok(core, 'producers.create', producerInput({ ...UNKNOWN, communeCode: null }))
    const refused = await call(core, 'products.create', { producerId: p.id, name: 'Cà phê', setId: 'QD26-2026-06', registrationType: 'lan-dau', year: 2024 })
    expect(!refused.ok && refused.error.message).toBe(PROVINCE_ONLY_NO_CODE)
    expect(core.db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(0)
  })

  it('a new evaluation needs the facts: the dossier cannot be completed while any is unknown', async () => {
    const p = await ok(core, 'producers.create', producerInput({ repGender: null, communeCode: '24778' }))
    const x = await ok(core, 'products.create', { producerId: p.id, name: 'Dâu tây', setId: 'QD26-2026-01', registrationType: 'lan-dau' })
    for (const item of ['mau-01', 'mau-02', 'commune-letter', 'mau-03', 'samples'] as const) await ok(core, 'dossier.check', { productId: x.id, itemKey: item, checked: true })
    const r = await call(core, 'dossier.complete', { productId: x.id })
    expect(!r.ok && r.error.message).toMatch(/chủ thể còn chưa rõ giới tính người đại diện/)
    await ok(core, 'producers.update', { ...producerInput({ repGender: 'nam' }), id: p.id })
    expect(await ok(core, 'dossier.complete', { productId: x.id })).toMatchObject({ complete: true })
  })
})

describe('unknown legacy facts: import and catalogue export', () => {
  it('blank or «chưa rõ» cells import as unknown with no error; a province-only row keeps no commune; the export leaves the cells empty', async () => {
    const b64 = await workbook(
      [
        producerRow(1, { repName: '', repGender: 'chưa rõ', repEthnicity: 'Chưa rõ', repDisability: '', communeCode: '', street: '' }),
        producerRow(2, { repName: 'Chưa rõ', repGender: '', repEthnicity: '', repDisability: 'chưa rõ' })
      ],
      [productRow(1, 1, { code: '68-24848-003-2023', year: 2023, status: 'Giấy chứng nhận còn hiệu lực', stars: 3 }), productRow(2, 2), productRow(3, 1)],
      [certificateRow(1, { stars: 3 })]
    )
    const p = await ok(core, 'catalogueImport.preview', { fileName: 'cu.xlsx', contentBase64: b64 })
    // Only the uncoded product of the province-only producer is refused: the app will not invent its commune.
    expect(p.issues.filter((i) => i.severity === 'error').map((i) => [i.sheet, i.row, i.message])).toEqual([['products', 4, PROVINCE_ONLY_NO_CODE]])
    const ok2 = await workbook(
      [
        producerRow(1, { repName: '', repGender: 'chưa rõ', repEthnicity: 'Chưa rõ', repDisability: '', communeCode: '', street: '' }),
        producerRow(2, { repName: 'Chưa rõ', repGender: '', repEthnicity: '', repDisability: 'chưa rõ' })
      ],
      [productRow(1, 1, { code: '68-24848-003-2023', year: 2023, status: 'Giấy chứng nhận còn hiệu lực', stars: 3 }), productRow(2, 2)],
      [certificateRow(1, { stars: 3 })]
    )
    const clean = await ok(core, 'catalogueImport.preview', { fileName: 'cu.xlsx', contentBase64: ok2 })
    expect(clean.errorCount).toBe(0)
    const sha256 = clean.sha256
    const wrong = await workbook([producerRow(1, { communeCode: '' , street: '' })], [productRow(1, 1, { code: '01-00004-001-2026' })])
    const w = await ok(core, 'catalogueImport.preview', { fileName: 'w.xlsx', contentBase64: wrong })
    expect(w.issues.map((i) => i.message)).toContain('Mã sản phẩm 01-00004-001-2026 không khớp với địa chỉ của chủ thể (68-chưa rõ xã)')
    await ok(core, 'catalogueImport.commit', { fileName: 'cu.xlsx', contentBase64: ok2, sha256 })
    expect(core.db.prepare('SELECT rep_name, rep_gender, rep_ethnicity, rep_disability, commune_code FROM producers ORDER BY id').all()).toEqual([
      { rep_name: null, rep_gender: null, rep_ethnicity: null, rep_disability: null, commune_code: null },
      { rep_name: null, rep_gender: null, rep_ethnicity: null, rep_disability: null, commune_code: '24848' }
    ])
    expect(core.db.prepare('SELECT code FROM products ORDER BY id').pluck().all()).toEqual(['68-24848-003-2023', expect.stringMatching(/^68-24848-\d{3}-2026$/)])

    const file = await ok(core, 'catalogue.exportXlsx', {})
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets.find((w) => w.getRow(1).values && (w.getRow(1).values as unknown[]).includes(PRODUCER_COLUMNS.repGender))!
    const headers = (ws.getRow(1).values as unknown[]).slice(1) as string[]
    const cell = (row: number, key: keyof typeof PRODUCER_COLUMNS) => ws.getRow(row).getCell(headers.indexOf(PRODUCER_COLUMNS[key]) + 1).value ?? ''
    for (const row of [2, 3]) for (const key of ['repName', 'repGender', 'repEthnicity', 'repDisability'] as const) expect(cell(row, key)).toBe('')
    expect([cell(2, 'communeCode'), cell(2, 'communeName'), cell(3, 'communeCode')]).toEqual(['', '', '24848'])
  })
})
