import type { ProducerData } from '../shared/api/catalogue'
import { ROW_CHOICE } from '../shared/api/catalogue-import'
import { GENDER_LABELS, PRODUCER_KIND_LABELS, REGISTRATION_TYPE_LABELS, type RegistrationType } from '../shared/catalogue'
import { NO, PRODUCER_COLUMNS, PRODUCT_COLUMNS, YES } from '../shared/catalogue-xlsx'
import type { DuplicateCandidate, DuplicateInfo, FieldChange, ImportContext, RowChoice } from './import-types'

/**
 * Re-import as update (issue 12): what a row changes on the record it matched, field by field, and the clerk's
 * choice for a true duplicate. Pure: the registered record comes from the import context.
 */

/** Producer fields a re-import may update, in the order the preview lists them. */
const PRODUCER_FIELDS = ['kind', 'name', 'regNo', 'repName', 'repGender', 'repEthnicity', 'repDisability', 'provinceCode', 'communeCode', 'street', 'oldAddress', 'phone', 'email'] as const
type ProducerField = (typeof PRODUCER_FIELDS)[number]

const blank = (v: unknown): boolean => v === undefined || v === null || v === ''

/**
 * The producer as the update writes it: each field from the file, except that a blank cell never erases what is
 * registered (a list that lacks a phone number does not mean the producer has none).
 */
export function mergeProducer(registered: ProducerData, file: ProducerData): ProducerData {
  const out: Record<string, unknown> = { ...registered }
  for (const f of PRODUCER_FIELDS) if (!blank(file[f])) out[f] = file[f]
  return out as ProducerData
}

function producerText(f: ProducerField, d: ProducerData, ctx: Pick<ImportContext, 'commune'>): string {
  const v = d[f] as unknown
  if (blank(v)) return ''
  if (f === 'kind') return PRODUCER_KIND_LABELS[v as ProducerData['kind']] ?? String(v)
  if (f === 'repGender') return GENDER_LABELS[v as NonNullable<ProducerData['repGender']>] ?? String(v)
  if (f === 'repDisability') return v ? YES : NO
  if (f === 'communeCode') return `${String(v)} ${ctx.commune(String(v))?.name ?? ''}`.trim()
  return String(v)
}

/** The fields that differ between the registered producer and what the update writes. */
export function producerChanges(registered: ProducerData, next: ProducerData, ctx: Pick<ImportContext, 'commune'>): FieldChange[] {
  return PRODUCER_FIELDS.filter((f) => (registered[f] as unknown) !== (next[f] as unknown)).map((f) => ({
    field: f,
    label: PRODUCER_COLUMNS[f],
    from: producerText(f, registered, ctx),
    to: producerText(f, next, ctx)
  }))
}

export interface ProductFields {
  name: string
  setId: string
  registrationType: RegistrationType
}

/** Name, criteria set and registration type: what a re-import may change on a registered product (its code never). */
export function productChanges(registered: ProductFields, next: ProductFields, setName: (id: string) => string): FieldChange[] {
  const out: FieldChange[] = []
  if (registered.name !== next.name) out.push({ field: 'name', label: PRODUCT_COLUMNS.name, from: registered.name, to: next.name })
  if (registered.setId !== next.setId) out.push({ field: 'setId', label: PRODUCT_COLUMNS.setId, from: setName(registered.setId), to: setName(next.setId) })
  if (registered.registrationType !== next.registrationType)
    out.push({
      field: 'registrationType',
      label: PRODUCT_COLUMNS.registrationType,
      from: REGISTRATION_TYPE_LABELS[registered.registrationType],
      to: REGISTRATION_TYPE_LABELS[next.registrationType]
    })
  return out
}

/** "add", "skip" or "update:<id>", as sent by the preview and the CLI; anything else is null. */
export function parseRowChoice(s: string): RowChoice | null {
  return ROW_CHOICE.test(s) ? (s as RowChoice) : null
}

export const choiceKey = (sheet: 'producers' | 'products', row: number): string => `${sheet}:${row}`

/** The id a choice updates, or null for add / skip. */
export const updateTarget = (c: RowChoice): number | null => (c.startsWith('update:') ? Number(c.slice(7)) : null)

/**
 * The decision for a duplicate row: pending (no valid choice yet), or what the clerk chose. A choice to update a
 * record that is not among the candidates is no choice.
 */
export function decide(candidates: DuplicateCandidate[], chosen: RowChoice | undefined): { info: DuplicateInfo['chosen']; target: number | null; kind: 'pending' | 'add' | 'skip' | 'update' } {
  if (!chosen) return { info: null, target: null, kind: 'pending' }
  const target = updateTarget(chosen)
  if (target === null) return { info: chosen, target: null, kind: chosen === 'add' ? 'add' : 'skip' }
  return candidates.some((c) => c.id === target) ? { info: chosen, target, kind: 'update' } : { info: null, target: null, kind: 'pending' }
}
