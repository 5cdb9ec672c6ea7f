import { join } from 'node:path'
import { findResourcesDir } from '../paths'
import { readCriteriaFile } from '../services/criteria-file'
import type { CriteriaFile } from '../shared/criteria'
import { INPUT_LIMITS } from '../shared/input-limits'
import { AppError } from '../shared/result'
import { rateProduct, ratingToJson } from '../domain/rate'

/** What a CLI command may touch, injected so tests run it without a terminal or the real file system. */
export interface CliIo {
  readFile(path: string): string
  readStdin(): Promise<string>
  stdout(text: string): void
  stderr(text: string): void
  /** Defaults to resources/criteria/qd26-2026.json found above this file. */
  loadCriteria?: () => CriteriaFile
}

/** Exit code for input the command cannot use (unreadable file, bad JSON, input that does not fit the criteria). */
export const EXIT_INVALID_INPUT = 2

const USAGE = 'Cách dùng: npm run cli -- rate <input.json | ->  (dấu "-" để đọc từ stdin; định dạng: docs/rate-input.md)'

export function loadShippedCriteria(): CriteriaFile {
  return readCriteriaFile(join(findResourcesDir(__dirname), 'criteria', 'qd26-2026.json')).data
}

/** `rate <input.json | ->`: prints the product's rating as JSON on stdout; on invalid input prints only to stderr. */
export async function runRate(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (message: string): number => {
    io.stderr(`${message}\n`)
    return EXIT_INVALID_INPUT
  }
  if (argv.length !== 1) return fail(USAGE)
  const source = argv[0]!
  let text: string
  try {
    text = source === '-' ? await io.readStdin() : io.readFile(source)
  } catch (e) {
    return fail(`Không đọc được tệp "${source}": ${(e as Error).message}`)
  }
  if (Buffer.byteLength(text, 'utf8') > INPUT_LIMITS.rateInputBytes)
    return fail(`Tệp "${source}" quá lớn (tối đa ${INPUT_LIMITS.rateInputBytes / 1024 / 1024} MB)`)
  // Notepad and Excel save UTF-8 with a byte-order mark; JSON.parse would refuse it.
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return fail(`Tệp "${source}" không phải JSON hợp lệ: ${(e as Error).message}`)
  }
  const criteria = (io.loadCriteria ?? loadShippedCriteria)()
  const setId = (raw as { product?: { criteriaSetId?: unknown } } | null)?.product?.criteriaSetId
  const set = criteria.sets.find((s) => s.id === setId)
  if (typeof setId !== 'string') return fail('Dữ liệu chấm điểm không hợp lệ: thiếu product.criteriaSetId (mã bộ tiêu chí, ví dụ "QD26-2026-06")')
  if (!set) return fail(`Dữ liệu chấm điểm không hợp lệ: product.criteriaSetId "${setId}" không phải bộ tiêu chí nào (QD26-2026-01 … QD26-2026-26)`)
  try {
    io.stdout(ratingToJson(rateProduct(raw, set, criteria.version)))
    return 0
  } catch (e) {
    if (e instanceof AppError && e.code === 'VALIDATION') return fail(e.message)
    throw e
  }
}
