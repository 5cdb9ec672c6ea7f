import { Select } from '@mantine/core'
import type { CriteriaSetSummary } from '../../../src-main/shared/contract'
import { useQuery } from '../../api/context'
import { foldFilter } from '../catalogue/CommuneSelect'

/** Options grouped as Phụ lục I: "sector › group", each set labelled with its number and subgroup. */
export function setOptions(sets: readonly CriteriaSetSummary[]): Array<{ group: string; items: Array<{ value: string; label: string }> }> {
  const groups: Array<{ group: string; items: Array<{ value: string; label: string }> }> = []
  for (const s of [...sets].sort((a, b) => a.no - b.no)) {
    const name = `${s.sector} › ${s.group}`
    let g = groups.find((x) => x.group === name)
    if (!g) groups.push((g = { group: name, items: [] }))
    g.items.push({ value: s.id, label: `${s.no}. ${s.subgroup ?? s.name}` })
  }
  return groups
}

export function SetSelect(props: { label: string; value: string | null; onChange: (v: string | null) => void; error?: string | undefined; placeholder?: string; clearable?: boolean; withAsterisk?: boolean; disabled?: boolean }) {
  const sets = useQuery('criteria.list', {})
  return <Select searchable filter={foldFilter} data={setOptions(sets.data ?? [])} maxDropdownHeight={360} {...props} />
}
