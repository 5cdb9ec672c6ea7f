import type { UseFormReturnType } from '@mantine/form'
import { zCouncilPayload, type AdvisoryMember, type CouncilMember, type CouncilPayload } from '../../../src-main/shared/api/councils'
import { DEFAULT_QUY_CHE } from '../../../src-main/shared/quy-che'

export type CouncilFormValues = CouncilPayload
export type CouncilForm = UseFormReturnType<CouncilFormValues>

export const emptyPerson = <R extends string>(role: R) => ({
  role,
  fullName: '',
  gender: null,
  organisation: '',
  jobTitle: '',
  phone: '',
  email: ''
})

export function emptyCouncil(): CouncilFormValues {
  return {
    name: '',
    periodFrom: '',
    periodTo: null,
    decisionNo: '',
    decisionDate: '',
    signerName: '',
    signerTitle: '',
    quyCheDecisionNo: '',
    quyCheDecisionDate: null,
    members: [emptyPerson('chair') as CouncilMember, emptyPerson('secretary') as CouncilMember],
    advisory: [emptyPerson('leader') as AdvisoryMember],
    quyChe: structuredClone(DEFAULT_QUY_CHE)
  }
}

/** The same zod schema the API enforces, mapped onto Mantine's dotted field paths for inline errors. */
export function validateCouncil(values: CouncilFormValues): Record<string, string> {
  const parsed = zCouncilPayload.safeParse({ ...values, periodTo: values.periodTo || null, quyCheDecisionDate: values.quyCheDecisionDate || null })
  if (parsed.success) return {}
  const errors: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.map(String).join('.')
    errors[path] ??= issue.message
  }
  return errors
}

/** Parsed payload to send: empty optional date becomes null, strings normalised by the schema. */
export function toPayload(values: CouncilFormValues): CouncilPayload {
  return zCouncilPayload.parse({ ...values, periodTo: values.periodTo || null, quyCheDecisionDate: values.quyCheDecisionDate || null })
}
