import { Alert, Badge, Loader, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReviewRow, Session } from '../../../src-main/shared/api/sessions'
import { useQuery } from '../../api/context'
import { ProductReviewPanel } from './ProductReviewPanel'

/** The spread above which the Quy chế asks for a re-score (issue 5 §7); the server decides `needsRescore`. */
export function ReviewTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const q = useQuery('review.matrix', { sessionId: session.id })
  const [open, setOpen] = useState<number | null>(null)
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return <Loader />
  const members = q.data.members.filter((m) => m.scores)
  return (
    <Stack gap="sm" data-testid="review-matrix">
      <Table withTableBorder withColumnBorders highlightOnHover fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('review.product')}</Table.Th>
            {members.map((m) => <Table.Th key={m.id} fz="xs" ta="center">{m.fullName}</Table.Th>)}
            <Table.Th ta="center">{t('review.mean')}</Table.Th>
            <Table.Th ta="center">{t('review.spread')}</Table.Th>
            <Table.Th ta="center">{t('review.stars')}</Table.Th>
            <Table.Th>{t('review.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.products.map((p) => (
            <Table.Tr key={p.productId} data-product-id={p.productId} data-ready={p.ready} data-over-spread={p.needsRescore || undefined}
              style={{ cursor: 'pointer' }} onClick={() => setOpen(open === p.productId ? null : p.productId)}>
              <Table.Td fw={600}>{p.name}{p.scoringRound > 1 ? <Badge ml={6} size="xs" color="orange">{t('progress.round', { n: p.scoringRound })}</Badge> : null}</Table.Td>
              {members.map((m) => <MemberCell key={m.id} row={p} memberId={m.id} />)}
              <Table.Td ta="center" fw={700} data-mean>{p.meanText ?? (p.mean !== null ? p.mean.toFixed(2) : '—')}</Table.Td>
              <Table.Td ta="center" data-spread bg={p.needsRescore ? 'red.1' : undefined} c={p.needsRescore ? 'red.9' : undefined} fw={p.needsRescore ? 700 : 400}>
                {p.spread ?? '—'}
              </Table.Td>
              <Table.Td ta="center" data-stars>{p.stars !== null ? `${p.stars}★` : '—'}{p.provisionalStars !== null ? <Text span size="xs" c="orange.9" data-provisional> ({t('review.provisional', { stars: p.provisionalStars })})</Text> : null}{p.band !== null && p.band !== p.stars ? <Text span size="xs" c="dimmed"> ({t('review.band', { band: p.band })})</Text> : null}</Table.Td>
              <Table.Td>
                <Text size="xs" fw={600} c={!p.ready ? 'gray.7' : p.status === 'final' ? 'green.8' : 'orange.8'}>{p.ready ? t(`review.statusOf.${p.status ?? 'pending'}`) : t('review.sealed')}</Text>
                {p.openRescore ? <Text size="xs" fw={700} c="orange.9">{t('review.rescoreOpen')}</Text> : null}
                {p.finalized ? <Text size="xs" fw={700} c="green.9">{t('review.finalized')}</Text> : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {open !== null ? <ProductReviewPanel sessionId={session.id} productId={open} members={members} onChanged={q.reload} /> : <Text size="sm" c="dimmed">{t('review.pick')}</Text>}
    </Stack>
  )
}

/** A member's totals, every round: earlier rounds struck through, the counted (latest) one in bold. */
function MemberCell({ row, memberId }: { row: ReviewRow; memberId: number }) {
  const cell = row.cells.find((c) => c.memberId === memberId)
  if (!cell || !cell.eligible) return <Table.Td ta="center" c="dimmed" data-member-id={memberId}>–</Table.Td>
  return (
    <Table.Td ta="center" data-member-id={memberId} data-rounds={cell.rounds.map((r) => r.total).join(',')}>
      {cell.rounds.map((r, i) => (
        <Text key={r.scoringRound} span size="sm" fw={i === cell.rounds.length - 1 ? 700 : 400} td={i < cell.rounds.length - 1 ? 'line-through' : undefined} c={i < cell.rounds.length - 1 ? 'dimmed' : undefined} mr={4}>
          {r.total}
        </Text>
      ))}
    </Table.Td>
  )
}
