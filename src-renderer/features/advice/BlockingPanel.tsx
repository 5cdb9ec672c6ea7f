import { Alert, Badge, Group, Loader, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { CommuneSelect } from '../catalogue/CommuneSelect'

/**
 * Province view of the improvement advice: across the latest finalized result of every 1–4★ product, the criteria
 * that most often stand between a product and its next star — where support programmes would help most.
 */
export function BlockingPanel() {
  const { t } = useTranslation('advice')
  const [roundId, setRoundId] = useState<string | null>(null)
  const [sector, setSector] = useState<string | null>(null)
  const [communeCode, setCommuneCode] = useState<string | null>(null)
  const rounds = useQuery('rounds.list', {})
  const sets = useQuery('criteria.list', {})
  const province = useQuery('settings.getProvince', {})
  const view = useQuery('advice.blocking', {
    ...(roundId ? { roundId: Number(roundId) } : {}),
    ...(sector ? { sector } : {}),
    ...(communeCode ? { communeCode } : {})
  })
  const sectors = [...new Set((sets.data ?? []).map((s) => s.sector))]
  return (
    <Stack gap="sm" data-testid="blocking-panel">
      <Text size="sm">{t('blocking.intro')}</Text>
      <Group align="flex-end">
        <Select label={t('blocking.round')} placeholder={t('blocking.all')} clearable value={roundId} onChange={setRoundId} data={(rounds.data?.rounds ?? []).map((r) => ({ value: String(r.id), label: r.name }))} />
        <Select label={t('blocking.sector')} placeholder={t('blocking.all')} clearable value={sector} onChange={setSector} data={sectors} />
        <CommuneSelect provinceCode={province.data?.provinceCode ?? null} value={communeCode} onChange={setCommuneCode} label={t('blocking.commune')} placeholder={t('blocking.all')} clearable />
      </Group>
      {view.error ? <Alert color="red" role="alert">{view.error.message}</Alert> : null}
      {!view.data ? (
        <Loader size="sm" aria-label={t('loading')} />
      ) : (
        <>
          <Text size="sm" data-testid="blocking-summary">{t('blocking.summary', { considered: view.data.considered, withPlan: view.data.withPlan })}</Text>
          {view.data.criteria.length === 0 ? (
            <Alert color="gray">{t('blocking.empty')}</Alert>
          ) : (
            <Table withTableBorder striped data-testid="blocking-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('blocking.set')}</Table.Th>
                  <Table.Th>{t('criterion')}</Table.Th>
                  <Table.Th>{t('blocking.products')}</Table.Th>
                  <Table.Th>{t('blocking.markerBlocked')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {view.data.criteria.map((c) => (
                  <Table.Tr key={`${c.setNo}-${c.criterionCode}`} data-criterion={`${c.setNo}:${c.criterionCode}`}>
                    <Table.Td><Text size="sm">{t('blocking.setName', { no: c.setNo, name: c.setName })}</Text><Text size="xs" c="dimmed">{c.sector}</Text></Table.Td>
                    <Table.Td><Text size="sm" fw={600}>{c.criterionCode}</Text><Text size="xs">{c.criterionText}</Text></Table.Td>
                    <Table.Td><Text size="sm">{c.products}</Text><Text size="xs" c="dimmed">{c.productNames.join('; ')}</Text></Table.Td>
                    <Table.Td>{c.markerBlocked > 0 ? <Badge color="orange" variant="light">{c.markerBlocked}</Badge> : '0'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Stack>
  )
}
