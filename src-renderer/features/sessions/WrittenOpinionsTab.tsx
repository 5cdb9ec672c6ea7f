import { Alert, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionMode } from '../../../src-main/shared/certificates'
import { SESSION_MODES } from '../../../src-main/shared/certificates'
import type { Output } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { formatNumber } from '../../../src-main/shared/vn-format'

type OpinionRow = Output<'reevaluation.opinions'>['products'][number]
type Verdict = 'waiting' | 'agree' | 'bands' | 'spread' | 'none'

/** Why the row stands as it does; the spread limit itself lives in the session's Quy chế, so only the spread is shown. */
function verdictOf(p: OpinionRow): Verdict {
  if (p.submitted < p.expected) return p.submitted === 0 ? 'none' : 'waiting'
  if (p.agree) return 'agree'
  return p.stars.length > 1 ? 'bands' : 'spread'
}
const COLOR: Record<Verdict, string> = { none: 'gray', waiting: 'gray', agree: 'green', bands: 'orange', spread: 'orange' }

/** Re-evaluation by written opinions (Điều 7.6): the session's mode, and per product whether the council must still meet. */
export function WrittenOpinionsTab({ sessionId, finalized }: { sessionId: number; finalized: boolean }) {
  const { t } = useTranslation('reevaluation')
  const api = useApi()
  const q = useQuery('reevaluation.opinions', { sessionId })
  const [error, setError] = useState<string | null>(null)
  const setMode = async (mode: SessionMode) => {
    const r = await api.call('reevaluation.setMode', { sessionId, mode })
    setError(r.ok ? null : r.error.message)
    q.reload()
  }
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!q.data) return null
  const { mode, products } = q.data
  const meetings = products.filter((p) => p.meetingNeeded).length
  return (
    <Stack data-testid="opinions-tab" data-mode={mode}>
      <Text size="sm" c="dimmed">
        {t('hint')}
      </Text>
      <Group>
        <SegmentedControl
          value={mode}
          disabled={finalized}
          onChange={(v) => void setMode(v as SessionMode)}
          data={SESSION_MODES.map((m) => ({ value: m, label: t(`modes.${m}`) }))}
          data-testid="session-mode"
        />
        {finalized ? <Text size="sm" c="dimmed">{t('finalized')}</Text> : null}
      </Group>
      {error && (
        <Alert color="red" data-testid="opinions-error">
          {error}
        </Alert>
      )}
      {mode === 'written-opinions' && (
        <>
          <Alert color={meetings > 0 ? 'orange' : 'blue'} data-testid="opinions-summary" data-meetings={meetings}>
            {meetings > 0 ? t('summary.meeting', { count: meetings }) : t('summary.noMeeting', { total: products.length })}
          </Alert>
          <Table withTableBorder data-testid="opinions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('col.product')}</Table.Th>
                <Table.Th>{t('col.submitted')}</Table.Th>
                <Table.Th>{t('col.stars')}</Table.Th>
                <Table.Th>{t('col.spread')}</Table.Th>
                <Table.Th>{t('col.verdict')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.map((p) => {
                const v = verdictOf(p)
                return (
                  <Table.Tr key={p.productId} data-verdict={v} data-meeting={p.meetingNeeded ? 'true' : 'false'}>
                    <Table.Td>
                      {p.name}
                      <Text size="xs" c="dimmed">{p.code}</Text>
                    </Table.Td>
                    <Table.Td>{t('submitted', { submitted: p.submitted, expected: p.expected })}</Table.Td>
                    <Table.Td>{p.stars.length ? p.stars.map((s) => `${s}★`).join(', ') : '—'}</Table.Td>
                    <Table.Td>{p.spread === null ? '—' : formatNumber(p.spread, { max: 2 })}</Table.Td>
                    <Table.Td>
                      <Badge color={COLOR[v]} variant="light">
                        {p.meetingNeeded ? t('meetingNeeded') : v === 'agree' ? t('agree') : t('pending')}
                      </Badge>
                      <Text size="xs">{t(`reason.${v}`, { stars: p.stars.map((s) => `${s}★`).join(', '), spread: p.spread ?? 0, missing: p.expected - p.submitted })}</Text>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          <Button variant="subtle" size="xs" w="fit-content" onClick={q.reload}>
            {t('refresh')}
          </Button>
        </>
      )}
    </Stack>
  )
}
