import { Alert, Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useQuery } from '../../api/context'
import { QuorumBadge } from './QuorumBadge'

const STATE_COLORS: Record<string, string> = { submitted: 'green', draft: 'blue', recused: 'orange', 'not-eligible': 'gray', 'not-started': 'gray', 'not-declared': 'yellow' }
const REFRESH_MS = 3000

/** Sealed scoring: only who has submitted each product's sheet, refreshed while the secretary watches. */
export function ProgressTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const q = useQuery('sessions.progress', { sessionId: session.id })
  const { reload } = q
  useEffect(() => {
    const h = setInterval(reload, REFRESH_MS)
    return () => clearInterval(h)
  }, [reload])
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return <Loader />
  const members = session.members.filter((m) => m.scores)
  return (
    <Stack gap="sm" data-testid="progress">
      <Group justify="space-between">
        <QuorumBadge quorum={q.data.quorum} />
        <Button size="xs" variant="subtle" onClick={reload}>{t('progress.refresh')}</Button>
      </Group>
      <Text size="sm" c="dimmed">{t('progress.sealed')}</Text>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('progress.product')}</Table.Th>
            {members.map((m) => <Table.Th key={m.id} fz="xs">{m.fullName}</Table.Th>)}
            <Table.Th>{t('progress.submitted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.products.map((p) => (
            <Table.Tr key={p.productId} data-product-id={p.productId} data-complete={p.complete}>
              <Table.Td fw={600}>{p.name}{p.scoringRound > 1 ? <Badge ml={6} size="xs" color="orange">{t('progress.round', { n: p.scoringRound })}</Badge> : null}</Table.Td>
              {members.map((m) => {
                const state = p.members.find((x) => x.memberId === m.id)?.state ?? 'not-eligible'
                return (
                  <Table.Td key={m.id} data-member-id={m.id} data-state={state} ta="center">
                    <Text size="xs" fw={600} c={`${STATE_COLORS[state]}.8`} lh={1.2}>{t(`sheetState.${state}`)}</Text>
                  </Table.Td>
                )
              })}
              <Table.Td fw={700} c={p.complete ? 'green.8' : undefined}>{p.submitted}/{p.eligible}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
