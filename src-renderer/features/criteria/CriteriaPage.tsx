import { Alert, Grid, Loader, ScrollArea, Stack, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { useQuery } from '../../api/context'
import { firstSegment } from '../../routing/views'
import { CriteriaSearch } from './CriteriaSearch'
import { CriteriaSheet } from './CriteriaSheet'
import { CriteriaTree } from './CriteriaTree'

/** Bộ tiêu chí: browse Phụ lục I → the 26 sheets of Phụ lục II, and search across them. */
export function CriteriaPage() {
  const { t } = useTranslation('criteria')
  const list = useQuery('criteria.list', {})
  // The open set is in the address (`#/criteria/QD26-2026-05`), so a reload or a bookmark reopens it.
  const [loc, go] = useLocation()
  const selected = firstSegment(loc)
  const setSelected = (setId: string) => go(`/${encodeURIComponent(setId)}`)
  const [focus, setFocus] = useState<string | null>(null)
  const sheet = useQuery('criteria.get', { setId: selected ?? 'QD26-2026-01' }, { skip: !selected })

  useEffect(() => {
    if (!focus || !sheet.data) return
    document.getElementById(`crit-${focus}`)?.scrollIntoView({ block: 'center' })
  }, [focus, sheet.data])

  if (list.error) return <Alert color="red" title={t('common:common.error')}>{list.error.message}</Alert>
  if (!list.data) return <Loader aria-label={t('common:common.loading')} />
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="sm">
          <CriteriaSearch
            onOpen={(setId, code) => {
              setSelected(setId)
              setFocus(code)
            }}
          />
          <CriteriaTree sets={list.data} selected={selected} onSelect={(id) => { setSelected(id); setFocus(null) }} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {/* The sheet scrolls on its own: a tab stop lets keyboard users scroll it (WCAG 2.1.1). */}
        <ScrollArea h="calc(100vh - 110px)" type="auto" viewportProps={{ tabIndex: 0, 'aria-label': t('office:criteriaSheet') }}>
          {!selected ? (
            <Text c="dimmed">{t('pick', { count: list.data.length })}</Text>
          ) : sheet.error ? (
            <Alert color="red">{sheet.error.message}</Alert>
          ) : sheet.data && sheet.data.set.id === selected ? (
            <CriteriaSheet set={sheet.data.set} version={sheet.data.version} />
          ) : (
            <Loader />
          )}
        </ScrollArea>
      </Grid.Col>
    </Grid>
  )
}
