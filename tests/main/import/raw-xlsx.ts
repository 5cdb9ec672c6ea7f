import { strToU8, Zip, ZipDeflate } from 'fflate'
import { PRODUCT_COLUMNS, SHEET_PRODUCERS, SHEET_PRODUCTS } from '../../../src-main/shared/catalogue-xlsx'

/**
 * Minimal XLSX files written directly as XML (inline strings) through fflate's streaming zip, so a 100,000-row sheet
 * or a sheet of 96 MB of XML is generated chunk by chunk without ever holding the XML in memory.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const col = (i: number) => String.fromCharCode(65 + i)
const cell = (ref: string, v: string | number) => (typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`)

/** Sheet XML in chunks of about 1,000 rows. */
export function* sheetXml(rows: Iterable<Array<string | number>>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
  let n = 0
  let chunk: string[] = []
  for (const r of rows) {
    n++
    chunk.push(`<row r="${n}">${r.map((v, i) => cell(`${col(i)}${n}`, v)).join('')}</row>`)
    if (chunk.length === 1000) {
      yield chunk.join('')
      chunk = []
    }
  }
  yield `${chunk.join('')}</sheetData></worksheet>`
}

/** A workbook whose sheets are given as XML chunks, in order. */
export function rawXlsx(sheets: Array<{ name: string; xml: Iterable<string> }>): Buffer {
  const parts: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    parts.push(chunk)
  })
  const add = (name: string, chunks: Iterable<string>) => {
    const f = new ZipDeflate(name, { level: 9 })
    zip.add(f)
    for (const c of chunks) f.push(strToU8(c))
    f.push(new Uint8Array(0), true)
  }
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
  add('[Content_Types].xml', [
    `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`
  ])
  add('_rels/.rels', [
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  ])
  add('xl/workbook.xml', [
    `${head}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`
  ])
  add('xl/_rels/workbook.xml.rels', [
    `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`
  ])
  sheets.forEach((s, i) => add(`xl/worksheets/sheet${i + 1}.xml`, s.xml))
  zip.end()
  return Buffer.concat(parts)
}

const PRODUCT_HEADERS = Object.values(PRODUCT_COLUMNS)

/** The two data sheets with `products` product rows in the template's columns (one producer). */
export function catalogueWithProducts(products: number): Buffer {
  function* rows(): Generator<Array<string | number>> {
    yield PRODUCT_HEADERS
    for (let i = 1; i <= products; i++) yield [i, '', '', `Cà phê Arabica loại ${i}`, 1, 'Hợp tác xã Số 1', 'QD26-2026-01', 1, 'Rau, củ, quả, hạt tươi', 'Lần đầu', 2026, '', '']
  }
  return rawXlsx([
    { name: SHEET_PRODUCERS, xml: sheetXml([['STT'], [1]]) },
    { name: SHEET_PRODUCTS, xml: sheetXml(rows()) }
  ])
}

/** A small file whose products sheet inflates to `mb` megabytes of XML (the same row over and over). */
export function xmlBomb(mb: number): Buffer {
  const row = `<row><c t="inlineStr"><is><t>${'A'.repeat(1000)}</t></is></c></row>`
  function* chunks(): Generator<string> {
    yield '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
    const block = row.repeat(1000)
    for (let written = 0; written < mb * 1024 * 1024; written += block.length) yield block
    yield '</sheetData></worksheet>'
  }
  return rawXlsx([
    { name: SHEET_PRODUCERS, xml: sheetXml([['STT'], [1]]) },
    { name: SHEET_PRODUCTS, xml: chunks() }
  ])
}

/** Rewrites every central-directory entry of `name` to declare `size` bytes uncompressed (a zip that lies). */
export function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip)
  for (let i = out.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) - 1; i >= 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue
    const nameLen = out.readUInt16LE(i + 28)
    if (out.toString('utf8', i + 46, i + 46 + nameLen) === name) out.writeUInt32LE(size, i + 24)
  }
  return out
}
