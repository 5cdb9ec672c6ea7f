import type { TDocumentDefinitions } from 'pdfmake/interfaces'
import { AppError } from '../shared/result'
import { approvalDocument } from './approval'
import { buildCertificates } from './certificate'
import { candidates5 } from './context'
import { decisionDocument } from './decision'
import type { TextDocument } from './layout/ast'
import { textDocumentToPdfmake } from './layout/to-pdfmake'
import { minutesDocument } from './minutes'
import { DOCUMENT_KINDS, type DocumentInput, type DocumentKind } from './model'
import { noticeDocument } from './notice'
import { reportDocument } from './report'
import { submissionDocument } from './submission'
import { summaryDocument } from './summary'

/** One entry point over the builders: the definition to render, and the text document when a DOCX is offered. */
export interface BuildOptions {
  productId?: string
  memberId?: string
}

export interface BuiltDocument {
  kind: DocumentKind
  title: string
  pdf: TDocumentDefinitions
  /** Present for the editable documents (minutes, report, submission, decisions): the DOCX is built from it. */
  text: TextDocument | null
  /** The document's own date: fixes the PDF creation date, so the same input gives the same bytes. */
  date: string
}

const TEXT_BUILDERS: Partial<Record<DocumentKind, (input: DocumentInput, o: BuildOptions) => TextDocument>> = {
  summary: (i) => summaryDocument(i),
  minutes: (i) => minutesDocument(i),
  report: (i) => reportDocument(i),
  submission: (i) => submissionDocument(i),
  decision: (i) => decisionDocument(i),
  approval: (i) => approvalDocument(i),
  notice: (i, o) => noticeDocument(i, o.productId)
}

export function documentDate(kind: DocumentKind, input: DocumentInput): string {
  switch (kind) {
    case 'minutes':
    case 'report':
    case 'submission':
    case 'decision':
    case 'approval':
    case 'notice':
    case 'certificate':
      return input[kind].date
    default:
      return input.session.date
  }
}

export function buildDocument(kind: DocumentKind, input: DocumentInput, o: BuildOptions = {}): BuiltDocument {
  if (kind === 'approval' && candidates5(input).length === 0) throw new AppError('VALIDATION', 'Không có sản phẩm nào đạt từ 90 điểm để lập quyết định phê duyệt')
  const date = documentDate(kind, input)
  const textBuilder = TEXT_BUILDERS[kind]
  if (textBuilder) {
    const text = textBuilder(input, o)
    return { kind, title: text.title, pdf: textDocumentToPdfmake(text), text: DOCUMENT_KINDS[kind].editable ? text : null, date }
  }
  if (kind === 'certificate') return { kind, title: 'Giấy chứng nhận sản phẩm OCOP', pdf: buildCertificates(input, o.productId), text: null, date }
  // What is left are the scoring sheets: their one renderer is sheet-pdfkit.ts (the render worker draws them; PDF only).
  throw new AppError('VALIDATION', `${DOCUMENT_KINDS[kind].label}: chỉ xuất được PDF`)
}
