import { z } from 'zod'

/**
 * Size limits of everything a person or a program can send (the API contract, the rating input, the catalogue
 * import): one place, so a 144 MB product name or a million-element list is refused at the boundary instead of
 * filling memory. Fields with a tighter limit of their own (names 120–300, file names 255, base64 files by size) keep
 * it; these are the ceilings for the rest.
 */
export const INPUT_LIMITS = {
  /** Names of people, products, producers, councils, rounds. */
  name: 500,
  /** Codes and ids (criterion codes, option ids, member ids). */
  code: 100,
  /** Any other text (reasons, notes, comments, stories): about eight printed pages. */
  text: 20_000,
  /** Elements of any list and keys of any map. */
  list: 10_000,
  /** A rating input file for the CLI (a 1,000-member council with every answer is under 2 MB). */
  rateInputBytes: 20 * 1024 * 1024
} as const

/**
 * The catalogue import (services/import/): the workbook as uploaded, what its zip entries may inflate to (checked on
 * the sizes the zip declares, before inflating, and again on what was inflated), rows per sheet, and time. A real
 * 20,000-row catalogue is about 1.5 MB and 20 MB of XML.
 */
export const IMPORT_LIMITS = {
  fileBytes: 5 * 1024 * 1024,
  uncompressedBytes: 64 * 1024 * 1024,
  rowsPerSheet: 20_000,
  seconds: 30,
  /** Heap of the worker that reads the workbook; beyond it the worker stops and the file is refused. */
  workerHeapMb: 512
} as const

const textTooLong = `Nội dung quá dài (tối đa ${INPUT_LIMITS.text.toLocaleString('vi-VN')} ký tự)`
const listTooLong = `Danh sách quá dài (tối đa ${INPUT_LIMITS.list.toLocaleString('vi-VN')} phần tử)`

type Def = z.core.$ZodTypeDef & Record<string, unknown>

/** A copy of a schema definition that keeps getters (a `.default([])` must still give a fresh array per parse). */
function withDef(schema: z.ZodType, changes: Record<string, unknown>): z.ZodType {
  const def = schema._zod.def as Def
  const copy = Object.defineProperties({}, { ...Object.getOwnPropertyDescriptors(def), ...Object.getOwnPropertyDescriptors(changes) }) as Def
  return schema.clone(copy as never)
}

const hasMax = (schema: z.ZodType): boolean => (schema._zod.def.checks ?? []).some((c) => (c._zod.def as { check: string }).check === 'max_length')

const cache = new WeakMap<z.ZodType, z.ZodType>()

/**
 * The boundary form of an input schema, applied once to every contract input (`method` in api/spec.ts) and to the
 * rating input: every object rejects unknown keys (a misspelled `agreedOption` is an error naming the key, not a
 * silently dropped field), every string and list without a limit of its own gets the ceiling above, and every map is
 * bounded in keys. Refinements, transforms and defaults are kept.
 */
export function boundaryInput<T extends z.ZodType>(schema: T): T {
  return bound(schema) as T
}

function bound(schema: z.ZodType): z.ZodType {
  const known = cache.get(schema)
  if (known) return known
  const out = rebuild(schema)
  cache.set(schema, out)
  return out
}

function rebuild(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as Def
  switch (def.type) {
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>
      const strictShape = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, bound(v)]))
      return withDef(schema, { shape: strictShape, ...(def.catchall === undefined ? { catchall: z.never() } : {}) })
    }
    case 'string':
      return hasMax(schema) ? schema : (schema as z.ZodString).max(INPUT_LIMITS.text, textTooLong)
    case 'array': {
      const rebuilt = withDef(schema, { element: bound(def.element as z.ZodType) }) as z.ZodArray
      return hasMax(schema) ? rebuilt : rebuilt.max(INPUT_LIMITS.list, listTooLong)
    }
    case 'record':
      return withDef(schema, { valueType: bound(def.valueType as z.ZodType) }).refine(
        (v) => typeof v !== 'object' || v === null || Object.keys(v).length <= INPUT_LIMITS.list,
        listTooLong
      )
    case 'union':
      return withDef(schema, { options: (def.options as z.ZodType[]).map(bound) })
    case 'intersection':
      return withDef(schema, { left: bound(def.left as z.ZodType), right: bound(def.right as z.ZodType) })
    case 'tuple':
      return withDef(schema, { items: (def.items as z.ZodType[]).map(bound), ...(def.rest ? { rest: bound(def.rest as z.ZodType) } : {}) })
    case 'pipe':
      return withDef(schema, { in: bound(def.in as z.ZodType), out: bound(def.out as z.ZodType) })
    case 'lazy': {
      const getter = def.getter as () => z.ZodType
      return withDef(schema, { getter: () => bound(getter()) })
    }
    default:
      // optional, nullable, default, prefault, catch, readonly, nonoptional …: one inner schema.
      return def.innerType ? withDef(schema, { innerType: bound(def.innerType as z.ZodType) }) : schema
  }
}
