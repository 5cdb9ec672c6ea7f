import { Alert, Badge, Button, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { SheetPage } from './SheetPage'

const STATE_COLORS: Record<string, string> = { submitted: 'green', draft: 'blue', recused: 'orange', 'not-eligible': 'gray', 'not-started': 'gray', 'not-declared': 'yellow' }

/** What a member sees of a session: only their own sheets, one per product on the agenda. */
export function MySheets({ sessionId, memberId, memberName }: { sessionId: number; memberId: number; memberName: string }) {
  const { t } = useTranslation('scoring')
  const [open, setOpen] = useState<number | null>(null)
  const mine = useQuery('sheets.mine', { sessionId, memberId })
  if (open !== null)
    return <SheetPage sessionId={sessionId} productId={open} memberId={memberId} onBack={() => { setOpen(null); mine.reload() }} />
  if (mine.error) return <Alert color="red" role="alert">{mine.error.message}</Alert>
  if (!mine.data) return <Loader aria-label={t('loading')} />
  return (
    <Stack gap="sm" data-testid="my-sheets">
      <Title order={2} size="h3">{t('mine.title', { name: memberName })}</Title>
      {mine.data.length === 0 ? <Text c="dimmed">{t('mine.empty')}</Text> : null}
      <Table withTableBorder striped>
        <Table.Tbody>
          {mine.data.map((s) => (
            <Table.Tr key={s.productId} data-product-id={s.productId} data-state={s.state}>
              <Table.Td>{s.code}</Table.Td>
              <Table.Td fw={600}>{s.name}</Table.Td>
              <Table.Td>{s.scoringRound > 1 ? <Badge color="orange" variant="light">{t('mine.round', { n: s.scoringRound })}</Badge> : null}</Table.Td>
              <Table.Td><Badge color={STATE_COLORS[s.state]} variant="light">{t(`mine.state.${s.state}`)}</Badge></Table.Td>
              <Table.Td>{s.total !== null ? t('mine.total', { total: s.total }) : ''}</Table.Td>
              <Table.Td>
                {s.state === 'recused' || s.state === 'not-eligible' ? null : (
                  <Button size="xs" onClick={() => setOpen(s.productId)} data-testid={`open-sheet-${s.productId}`}>{t('mine.open')}</Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
