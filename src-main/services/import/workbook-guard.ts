import { strFromU8, unzipSync } from 'fflate'
import { IMPORT_LIMITS } from '../../shared/input-limits'
import { AppError } from '../../shared/result'

/**
 * Limits checked before exceljs builds a single cell (issue 11: a 100,000-row sheet took 4.3 s and 706 MB before the
 * row limit refused it; 96 MB of sheet XML in a 5 MB file took 13 s and 1.1 GB). In order: the file size; the sizes
 * the zip's central directory declares, before anything is inflated (a zip bomb stops here); the sizes actually
 * inflated (a zip that lies about its sizes stops here); the data rows of every sheet, counted on the raw XML. Runs
 * in the import worker (read-worker.ts), whose heap and time are bounded too.
 */
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const notXlsx = () => new AppError('VALIDATION', 'Không đọc được tệp: hãy chọn tệp Excel .xlsx (tệp .xls cũ cần lưu lại thành .xlsx)')
const tooBig = (what: string) =>
  new AppError('VALIDATION', `Tệp quá lớn khi giải nén (${what}; tối đa ${mb(IMPORT_LIMITS.uncompressedBytes)}): hãy chia tệp thành nhiều tệp nhỏ hơn`)

/**
 * The checks that inflate nothing (file size, zip signature, the sizes the central directory declares): cheap enough
 * for the main thread, so a zip bomb is refused before a worker is even started. Returns the entry names.
 */
export function checkDeclaredSizes(bytes: Uint8Array): string[] {
  if (bytes.length > IMPORT_LIMITS.fileBytes) throw new AppError('VALIDATION', `Tệp lớn hơn ${mb(IMPORT_LIMITS.fileBytes)}`)
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notXlsx()
  let declared = 0
  const entries: string[] = []
  try {
    // The filter sees each entry's declared size and, answering false, inflates nothing.
    unzipSync(bytes, {
      filter: (f) => {
        declared += f.originalSize
        entries.push(f.name)
        return false
      }
    })
  } catch {
    throw notXlsx()
  }
  if (declared > IMPORT_LIMITS.uncompressedBytes) throw tooBig(`${mb(declared)} dữ liệu`)
  return entries
}

/** Every check, in the import worker: the declared sizes again, then what each sheet inflates to and its rows. */
export function checkWorkbookLimits(bytes: Uint8Array): void {
  const entries = checkDeclaredSizes(bytes)
  // Then one sheet at a time, so memory holds at most the largest sheet's XML; what is actually inflated counts too.
  const unzip = (name: string): Uint8Array | undefined => {
    try {
      return unzipSync(bytes, { filter: (f) => f.name === name })[name]
    } catch {
      throw notXlsx()
    }
  }
  const text = (name: string): string => {
    const data = unzip(name)
    return data ? strFromU8(data) : ''
  }
  const names = sheetNames(text('xl/workbook.xml'), text('xl/_rels/workbook.xml.rels'))
  let inflated = 0
  for (const path of entries.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
    const data = unzip(path)
    if (!data) continue
    inflated += data.length
    if (inflated > IMPORT_LIMITS.uncompressedBytes) throw tooBig(`hơn ${mb(IMPORT_LIMITS.uncompressedBytes)} dữ liệu`)
    if (dataRows(data, IMPORT_LIMITS.rowsPerSheet + 1) - 1 > IMPORT_LIMITS.rowsPerSheet)
      throw new AppError('VALIDATION', `Sheet «${names.get(path) ?? path}» có quá nhiều dòng (tối đa ${IMPORT_LIMITS.rowsPerSheet.toLocaleString('vi-VN')})`)
  }
}

const LT = 0x3c
const GT = 0x3e
const SLASH = 0x2f
const isSpace = (b: number) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d

/**
 * Rows that hold at least one cell, counted on the bytes of the sheet XML (no string of it is built): `<row …>`
 * followed by `<c`; Excel writes formatted empty rows as `<row …/>` or without `<c>`. Stops once past `stopAt`.
 */
function dataRows(xml: Uint8Array, stopAt: number): number {
  let n = 0
  for (let i = xml.indexOf(LT); i >= 0 && n <= stopAt; i = xml.indexOf(LT, i + 1)) {
    if (xml[i + 1] !== 0x72 || xml[i + 2] !== 0x6f || xml[i + 3] !== 0x77 || !(isSpace(xml[i + 4]!) || xml[i + 4] === GT)) continue
    const end = xml.indexOf(GT, i)
    if (end < 0) break
    if (xml[end - 1] === SLASH) continue
    let j = end + 1
    while (j < xml.length && isSpace(xml[j]!)) j++
    if (xml[j] === LT && xml[j + 1] === 0x63 && (isSpace(xml[j + 2]!) || xml[j + 2] === GT || xml[j + 2] === SLASH)) n++
    i = end
  }
  return n
}

/** Sheet file → the name a person sees, from workbook.xml and its relationships. */
function sheetNames(wb: string, rels: string): Map<string, string> {
  const target = new Map<string, string>()
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1]
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1]
    if (id && t) target.set(id, `xl/${t.replace(/^\/?xl\//, '')}`)
  }
  const out = new Map<string, string>()
  for (const m of wb.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1]
    const rid = /\br:id="([^"]+)"/.exec(m[0])?.[1]
    const path = rid ? target.get(rid) : undefined
    if (name && path) out.set(path, name.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
  }
  return out
}
