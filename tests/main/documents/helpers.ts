import { join } from 'node:path'
import { lamDongFixture } from '../../../src-main/documents/fixtures/lam-dong'
import type { DocumentInput } from '../../../src-main/documents/model'
import { readCriteriaFile } from '../../../src-main/services/criteria-file'
import type { CriteriaSet } from '../../../src-main/shared/criteria'
import { RESOURCES } from '../../utils/core'

export const FONTS = join(RESOURCES, 'fonts')

let sets: CriteriaSet[] | null = null
export function getSet(id: string): CriteriaSet {
  sets ??= readCriteriaFile(join(RESOURCES, 'criteria', 'qd26-2026.json')).data.sets
  const s = sets.find((x) => x.id === id)
  if (!s) throw new Error(`no set ${id}`)
  return s
}

export const fixture = (): DocumentInput => lamDongFixture(getSet)

/** Every string in a pdfmake definition or text document, in order: what a reader would see. */
export function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node]
  if (Array.isArray(node)) return node.flatMap(texts)
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>
    return ['text', 'stack', 'columns', 'content', 'table', 'body', 'blocks', 'runs', 'rows', 'header', 'subject', 'heads', 'name', 'hint', 'parent', 'issuer', 'number', 'placeDate', 'type', 'note', 'recipients', 'signer', 'left', 'right'].flatMap((k) => (k in o ? texts(o[k]) : []))
  }
  return []
}
