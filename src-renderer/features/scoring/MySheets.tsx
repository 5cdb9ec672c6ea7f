import { Alert, Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { LiveEvent } from '../../../src-main/shared/api/lan'
import { useQuery } from '../../api/context'
import { useLiveEvents } from '../../api/live'
import { readPlace, writePlace } from './memberPlace'
import { SheetPage } from './SheetPage'

const STATE_COLORS: Record<string, string> = { submitted: 'green', draft: 'blue', recused: 'orange', 'not-eligible': 'gray', 'not-started': 'gray', 'not-declared': 'yellow' }

/**
 * What a member sees of a session: only their own sheets, one per product on the agenda. Live updates refresh it
 * (re-score round opened, scoring started) without a reload; the open sheet is remembered for F5.
 */
export function MySheets({ sessionId, memberId, memberName }: { sessionId: number; memberId: number; memberName: string }) {
  const { t } = useTranslation('scoring')
  const [open, setOpenState] = useState<number | null>(() => readPlace(sessionId, memberId)?.productId ?? null)
  const [liveTick, setLiveTick] = useState(0)
  const [rescored, setRescored] = useState<number[]>([])
  const [finalized, setFinalized] = useState(false)
  const mine = useQuery('sheets.mine', { sessionId, memberId })
  const setOpen = (productId: number | null) => {
    setOpenState(productId)
    writePlace(sessionId, memberId, productId === null ? null : { productId })
  }
  const live = useLiveEvents((e: LiveEvent) => {
    if (e.kind === 'finalized') return setFinalized(true)
    if (e.kind === 'rescore' && e.productId !== undefined) setRescored((r) => (r.includes(e.productId!) ? r : [...r, e.productId!]))
    if (e.kind === 'status' || e.kind === 'rescore' || e.kind === 'hello') {
      mine.reload()
      setLiveTick((n) => n + 1)
    }
  })
  const next = (from: number): number | null => {
    const list = mine.data ?? []
    const i = list.findIndex((s) => s.productId === from)
    const after = [...list.slice(i + 1), ...list.slice(0, Math.max(0, i))]
    return after.find((s) => s.state === 'not-started' || s.state === 'draft' || s.state === 'not-declared')?.productId ?? null
  }
  if (finalized) return <Alert color="green" data-testid="session-finalized">{t('mine.finalized')}</Alert>
  if (open !== null) {
    const following = next(open)
    return (
      <SheetPage
        key={open}
        sessionId={sessionId}
        productId={open}
        memberId={memberId}
        liveTick={liveTick}
        online={live.connected}
        onBack={() => { setOpen(null); mine.reload() }}
        {...(following !== null ? { onNext: () => { setOpen(following); mine.reload() } } : {})}
      />
    )
  }
  if (mine.error) return <Alert color="red" role="alert">{mine.error.message}</Alert>
  if (!mine.data) return <Loader aria-label={t('loading')} />
  return (
    <Stack gap="sm" data-testid="my-sheets">
      <Title order={2} size="h3">{t('mine.title', { name: memberName })}</Title>
      {mine.data.length === 0 ? <Text c="dimmed">{t('mine.empty')}</Text> : null}
      <Table withTableBorder striped verticalSpacing="sm">
        <Table.Tbody>
          {mine.data.map((s) => (
            <Table.Tr key={s.productId} data-product-id={s.productId} data-state={s.state} data-round={s.scoringRound} bg={rescored.includes(s.productId) ? 'orange.0' : undefined}>
              <Table.Td>{s.code}</Table.Td>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>{s.scoringRound > 1 ? <Badge color="orange" variant="filled" data-testid={`round-${s.productId}`}>{t('mine.round', { n: s.scoringRound })}</Badge> : null}</Table.Td>
              <Table.Td><Badge color={STATE_COLORS[s.state]} variant="light">{t(`mine.state.${s.state}`)}</Badge></Table.Td>
              <Table.Td>{s.total !== null ? t('mine.total', { total: s.total }) : ''}</Table.Td>
              <Table.Td>
                {s.state === 'recused' || s.state === 'not-eligible' ? null : (
                  <Button size="md" miw={120} onClick={() => setOpen(s.productId)} data-testid={`open-sheet-${s.productId}`}>{t('mine.open')}</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
