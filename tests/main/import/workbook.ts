import ExcelJS from 'exceljs'
import type { Core } from '../../../src-main/core'
import { ok, testCore } from '../../utils/core'
import { CERTIFICATE_COLUMNS, PRODUCER_COLUMNS, PRODUCT_COLUMNS, SHEET_CERTIFICATES, SHEET_PRODUCERS, SHEET_PRODUCTS } from '../../../src-main/shared/catalogue-xlsx'

export type ProducerCells = Partial<Record<keyof typeof PRODUCER_COLUMNS, string | number>>
export type ProductCells = Partial<Record<keyof typeof PRODUCT_COLUMNS, string | number>>
export type CertificateCells = Partial<Record<keyof typeof CERTIFICATE_COLUMNS, string | number>>

/** A workbook as a user would fill the template in: headers of docs/catalogue-xlsx.md, one object per row. */
export async function workbook(producers: ProducerCells[], products: ProductCells[], certificates?: CertificateCells[]): Promise<string> {
  const wb = new ExcelJS.Workbook()
  const add = (name: string, columns: Record<string, string>, rows: Array<Record<string, string | number | undefined>>) => {
    const ws = wb.addWorksheet(name)
    ws.columns = Object.entries(columns).map(([key, header]) => ({ header, key }))
    for (const r of rows) ws.addRow(r)
  }
  add(SHEET_PRODUCERS, PRODUCER_COLUMNS, producers)
  add(SHEET_PRODUCTS, PRODUCT_COLUMNS, products)
  if (certificates) add(SHEET_CERTIFICATES, CERTIFICATE_COLUMNS, certificates)
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64')
}

export function producerRow(no: number, over: ProducerCells = {}): ProducerCells {
  return {
    no,
    kind: 'Hợp tác xã',
    name: `Hợp tác xã Số ${no}`,
    regNo: `58001234${String(no).padStart(2, '0')}`,
    repName: `Người Đại Diện ${no}`,
    repGender: no % 2 ? 'Nữ' : 'Nam',
    repEthnicity: 'Kinh',
    repDisability: 'Không',
    provinceCode: '68',
    communeCode: no % 2 ? '24778' : '24848',
    street: `${no} Trần Phú`,
    phone: '0263 3822 111',
    email: `htx${no}@example.vn`,
    ...over
  }
}

const PRODUCT_NAMES = ['Cà phê Arabica', 'Trà Atiso', 'Mứt dâu tây', 'Rượu vang Đà Lạt', 'Hồng treo gió', 'Mật ong rừng', 'Hạt mắc ca', 'Nấm linh chi']

export function productRow(no: number, producerNo: number, over: ProductCells = {}): ProductCells {
  return {
    no,
    name: `${PRODUCT_NAMES[no % PRODUCT_NAMES.length]} loại ${no}`,
    producerNo,
    setId: `QD26-2026-${String((no % 20) + 1).padStart(2, '0')}`,
    registrationType: 'Lần đầu',
    year: 2026,
    ...over
  }
}

/** A real core set up for Lâm Đồng (68), whose communes the rows use. */
export async function provinceCore(): Promise<Core> {
  const core = await testCore()
  await ok(core, 'settings.setProvince', { provinceCode: '68', bodyName: 'UBND tỉnh Lâm Đồng', advisoryBody: 'Sở NN&MT', placeName: 'Lâm Đồng' })
  return core
}

/** A certificate issued before the app, as a clerk copies it from the decision. */
export function certificateRow(productNo: number, over: CertificateCells = {}): CertificateCells {
  return {
    productNo,
    numberText: `${String(productNo).padStart(2, '0')}/GCN-UBND`,
    stars: 4,
    issuedOn: '20/11/2025',
    issuingAuthority: 'Ủy ban nhân dân tỉnh Lâm Đồng',
    decisionNo: '2150/QĐ-UBND',
    decisionDate: '20/11/2025',
    sourceNote: 'Quyết định 2150/QĐ-UBND',
    ...over
  }
}
