/**
 * CSV/formula injection (OWASP "CSV Injection"): a spreadsheet evaluates a cell whose text starts with `=`, `+`, `-`,
 * `@`, tab or carriage return, so a product name like `=HYPERLINK(…)` typed by anyone would run in the office's Excel
 * or LibreOffice. Exports prefix such text with an apostrophe; numbers are not text and stay numbers (a negative
 * amount typed as a number is still a number). The catalogue import strips the apostrophe again, so a round trip
 * keeps the text.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text
}

/** Any cell value: only text is changed. */
export function neutraliseCell<T>(value: T): T | string {
  return typeof value === 'string' ? neutraliseFormula(value) : value
}

/** The inverse used by the import: an apostrophe that only guards formula-like text is removed. */
export function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text
}
