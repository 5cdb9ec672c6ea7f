import { useState } from 'react'
import type { Result } from '../../../src-main/shared/result'
import type { SheetFlag } from './liveTotals'

export type SetKnockout = (criterionCode: string | null, flagged: boolean, note: string) => Promise<Result<SheetFlag[]>>

const keyOf = (code: string | null) => code ?? ''

/**
 * The member's knockout flags as the server last stored them: each change is sent at once and the list the server
 * returns replaces the local one, so the live totals never count a flag that was not saved.
 */
export function useKnockoutFlags(initial: readonly SheetFlag[], save: SetKnockout | undefined) {
  const [flags, setFlags] = useState<SheetFlag[]>(() => [...initial])
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  const change = async (criterionCode: string | null, flagged: boolean, note: string) => {
    if (!save) return
    const key = keyOf(criterionCode)
    setBusy(key)
    const r = await save(criterionCode, flagged, note)
    setBusy(null)
    if (r.ok) setFlags(r.value)
    setErrors(({ [key]: _dropped, ...rest }) => (r.ok ? rest : { ...rest, [key]: r.error.message }))
  }

  return {
    flags,
    flagOf: (code: string | null) => flags.find((f) => keyOf(f.criterionCode) === keyOf(code)),
    busy: (code: string | null) => busy === keyOf(code),
    error: (code: string | null) => errors[keyOf(code)] ?? null,
    change
  }
}
