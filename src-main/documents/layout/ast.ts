/**
 * A small, neutral description of an official text document, rendered both to a pdfmake definition (to-pdfmake.ts)
 * and to DOCX (to-docx.ts), so the editable Word file is laid out like the PDF.
 */
export interface Run {
  text: string
  bold?: boolean
  italic?: boolean
}

export interface SignatureBlock {
  heads: string[]
  name: string
  /** A line in italics under the heads, e.g. "(Ký, ghi rõ họ tên)". */
  hint?: string
}

export type Block =
  /** `subject`: a công văn's trích yếu "V/v …" under its number (NĐ 30 Mẫu 1.5, 12–13 pt upright). */
  | { kind: 'header'; parent: string | null; issuer: string; number: string | null; placeDate: string | null; subject?: string }
  /** Document type (QUYẾT ĐỊNH, BIÊN BẢN …) and the trích yếu lines with the short rule under them. */
  | { kind: 'title'; type: string | null; subject: string[]; note?: string }
  | { kind: 'center'; runs: Run[]; size?: number; spaceAfter?: number }
  /** `keepWithNext`: a heading or a table caption, never the last line of a page (moves to the next with what follows). */
  | { kind: 'para'; runs: Run[]; indent?: boolean; align?: 'justify' | 'left' | 'center'; keepWithNext?: boolean }
  | { kind: 'table'; widths: number[]; header: string[]; rows: string[][]; align: Array<'left' | 'center' | 'right'>; size?: number }
  | { kind: 'closing'; recipients: string[] | null; signer: SignatureBlock }
  | { kind: 'signPair'; left: SignatureBlock; right: SignatureBlock }
  /** Starts a new page; `landscape` switches the orientation from here on. */
  | { kind: 'page'; landscape: boolean }

export interface TextDocument {
  title: string
  landscape: boolean
  blocks: Block[]
}

export const run = (text: string, style: Omit<Run, 'text'> = {}): Run => ({ text: text.normalize('NFC'), ...style })
export const para = (text: string, style: Omit<Run, 'text'> & { indent?: boolean; keepWithNext?: boolean } = {}): Block => {
  const { indent = true, keepWithNext, ...r } = style
  return { kind: 'para', runs: [run(text, r)], indent, ...(keepWithNext ? { keepWithNext } : {}) }
}

/**
 * The small line naming the audit chain head a document was issued under (nothing when there is none): checked in
 * "Kiểm tra văn bản" or with `audit verify --expect`.
 */
export const auditHeadLine = (head: string | undefined): Block[] =>
  head ? [{ kind: 'center', runs: [run(`Mã đầu chuỗi nhật ký kiểm tra: ${head}`, { italic: true })], size: 11 }] : []
