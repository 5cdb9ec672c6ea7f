import { NavLink, ScrollArea } from '@mantine/core'
import type { MouseEvent } from 'react'
import { Link } from 'wouter'
import type { CriteriaSetSummary } from '../../../src-main/shared/contract'

interface Group {
  name: string
  sets: CriteriaSetSummary[]
}

/** Phụ lục I: sectors → groups → criteria sets, in the decision's order. */
export function groupSets(sets: readonly CriteriaSetSummary[]): Array<{ sector: string; groups: Group[] }> {
  const sectors: Array<{ sector: string; groups: Group[] }> = []
  for (const s of [...sets].sort((a, b) => a.no - b.no)) {
    let sector = sectors.find((x) => x.sector === s.sector)
    if (!sector) sectors.push((sector = { sector: s.sector, groups: [] }))
    let group = sector.groups.find((g) => g.name === s.group)
    if (!group) sector.groups.push((group = { name: s.group, sets: [] }))
    group.sets.push(s)
  }
  return sectors
}

export interface CriteriaTreeProps {
  /** All sets of the current criteria version. */
  sets: readonly CriteriaSetSummary[]
  /** Id of the open set; default none. */
  selected: string | null
  onSelect: (setId: string) => void
}

export function CriteriaTree({ sets, selected, onSelect }: CriteriaTreeProps) {
  return (
    <ScrollArea h="calc(100vh - 140px)" type="auto" aria-label="Danh mục bộ tiêu chí">
      {groupSets(sets).map((sec) => (
        <NavLink component="button" type="button" key={sec.sector} label={sec.sector} defaultOpened fw={600} childrenOffset={8}>
          {sec.groups.map((g) => (
            <NavLink component="button" type="button" key={g.name} label={g.name} defaultOpened childrenOffset={8}>
              {g.sets.map((s) => (
                <NavLink
                  component={Link}
                  href={`/${encodeURIComponent(s.id)}`}
                  key={s.id}
                  label={`${s.no}. ${s.subgroup ?? s.name}`}
                  active={s.id === selected}
                  data-set-id={s.id}
                  onClick={(e: MouseEvent) => {
                    // The link keeps its address for keyboard and middle-click; the page decides what opening does.
                    e.preventDefault()
                    onSelect(s.id)
                  }}
                />
              ))}
            </NavLink>
          ))}
        </NavLink>
      ))}
    </ScrollArea>
  )
}
