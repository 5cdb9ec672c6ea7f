import { z } from 'zod'

/**
 * The app's own format for the official criteria sets (QĐ 26/2026/QĐ-TTg, Phụ lục I and II).
 * Produced by scripts/build-criteria.ts into resources/criteria/, validated with these schemas at load.
 */

export const zStarLevel = z.union([z.literal(3), z.literal(4), z.literal(5)])
export type StarLevel = z.infer<typeof zStarLevel>

export const zOption = z.object({
  /** Stable id within the set, e.g. "1.5.c" (criterion code + printed letter). */
  id: z.string().min(1),
  text: z.string().min(1),
  points: z.number().int().min(0),
  /** The option is printed with ***, **** or *****: the minimum for that star level. */
  marker: zStarLevel.optional(),
  /** Why the value differs from the printed transcript (defective cell, unprinted options). */
  reconstructed: z.string().optional()
})
export type CriterionOption = z.infer<typeof zOption>

export const zKnockout = z.object({
  /** `reject`: the product is disqualified; `stop`: the remaining criteria are not evaluated. */
  kind: z.enum(['reject', 'stop']),
  text: z.string().min(1)
})
export type Knockout = z.infer<typeof zKnockout>

export const zAlternative = z.object({
  label: z.string().min(1),
  optionIds: z.array(z.string().min(1)).min(1)
})

const criterionFields = {
  code: z.string().regex(/^\d+(\.\d+)*$/),
  text: z.string().min(1),
  maxPoints: z.number().int().min(0),
  notes: z.array(z.string()),
  knockouts: z.array(zKnockout),
  /** Condition text of "Chỉ áp dụng khi …": the criterion may be marked not applicable. */
  appliesOnlyWhen: z.string().optional(),
  reconstructed: z.string().optional()
}

export const zLeafCriterion = z.object({
  ...criterionFields,
  options: z.array(zOption).min(1),
  /** Derived from markers, cumulative: points needed on this criterion for star level N. */
  minPointsForStar: z.object({ 3: z.number().int().optional(), 4: z.number().int().optional(), 5: z.number().int().optional() }).optional(),
  /** Set 26 criteria 8, 9, 15: "Lựa chọn một trong hai trường hợp sau". */
  alternatives: z.array(zAlternative).optional()
})
export type LeafCriterion = z.infer<typeof zLeafCriterion>

export const zCriterion = z.union([
  zLeafCriterion,
  z.object({ ...criterionFields, subCriteria: z.array(zLeafCriterion).min(1) })
])
export type Criterion = z.infer<typeof zCriterion>

export const zSection = z.object({
  code: z.string().regex(/^\d+$/),
  title: z.string().min(1),
  maxPoints: z.number().int().min(0),
  criteria: z.array(zCriterion).min(1)
})
export type Section = z.infer<typeof zSection>

export const zPartCode = z.enum(['A', 'B', 'C'])
export type PartCode = z.infer<typeof zPartCode>

export const zPart = z.object({
  code: zPartCode,
  title: z.string().min(1),
  maxPoints: z.number().int(),
  sections: z.array(zSection).min(1)
})
export type Part = z.infer<typeof zPart>

export const zCriteriaSet = z.object({
  /** "QD26-2026-06" */
  id: z.string().regex(/^QD26-2026-\d{2}$/),
  /** Item number in Phụ lục II, 1..26. */
  no: z.number().int().min(1).max(26),
  name: z.string().min(1),
  /** Position in the Phụ lục I table (not an official code), e.g. "I.3.b". */
  classificationCode: z.string().min(1),
  sector: z.string().min(1),
  group: z.string().min(1),
  subgroup: z.string().nullable(),
  ministries: z.array(z.string()),
  requiresSamples: z.boolean(),
  disqualification: z.array(z.string()),
  maxPoints: z.literal(100),
  parts: z.tuple([zPart, zPart, zPart])
})
export type CriteriaSet = z.infer<typeof zCriteriaSet>

export const zCriteriaFile = z.object({
  format: z.literal('ocop-council/criteria@1'),
  /** Version of this data; a result names the set id and this version. */
  version: z.string().min(1),
  legalBasis: z.object({
    document: z.string(),
    title: z.string(),
    signed: z.string(),
    effective: z.string(),
    appendix: z.string()
  }),
  sets: z.array(zCriteriaSet).length(26)
})
export type CriteriaFile = z.infer<typeof zCriteriaFile>

export function isLeaf(c: Criterion): c is LeafCriterion {
  return 'options' in c
}

/** Every scored (leaf) criterion of a set, with the part and section it belongs to, in printed order. */
export function leafCriteria(set: CriteriaSet): Array<{ part: PartCode; section: string; criterion: LeafCriterion }> {
  const out: Array<{ part: PartCode; section: string; criterion: LeafCriterion }> = []
  for (const part of set.parts)
    for (const section of part.sections)
      for (const c of section.criteria) {
        if (isLeaf(c)) out.push({ part: part.code, section: section.code, criterion: c })
        else for (const sub of c.subCriteria) out.push({ part: part.code, section: section.code, criterion: sub })
      }
  return out
}
