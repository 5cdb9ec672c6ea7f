import type { BuildOptions } from './build'
import type { TextDocument } from './layout/ast'
import type { DocumentInput, DocumentKind } from './model'

/** Messages between the render service and its workers (structured-clone safe). */
export type RenderJob =
  | { type: 'document'; kind: DocumentKind; input: DocumentInput; options: BuildOptions; format: 'pdf' | 'docx' }
  | { type: 'sheets'; input: DocumentInput; items: Array<{ productId: string; memberId: string }>; variant: 'blank' | 'filled' }
  | { type: 'merge'; parts: Uint8Array[]; title: string; date: string }
  /** A text document built outside a session (the office's documents, documents/office/). */
  | { type: 'text'; text: TextDocument; date: string; format: 'pdf' | 'docx' }

export interface RenderRequest {
  id: number
  job: RenderJob
}

export type RenderReply = { id: number; ok: true; bytes: Uint8Array; pages: number | null } | { id: number; ok: false; code: string; message: string }
