import { Alert, Badge, Button, Checkbox, Group, Loader, Modal, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PLAN_REASONS, type PlanReason } from '../../../src-main/shared/inspection'
import { useApi, useQuery } from '../../api/context'
import { RecordForm, type RecordTarget } from './RecordForm'
import { formatDay } from '../../../src-main/shared/vn-format'
import { OfficeDocumentActions } from '../office-documents/OfficeDocumentActions'

/**
 * Kế hoạch kiểm tra: the products proposed for the year by rule and by risk (expiring certificates, means near the
 * band, never inspected), which the office keeps or drops before saving the plan; saved plans with each product's
 * inspections, and the record form opened from a plan row.
 */
export function PlanTab({ year }: { year: number }) {
  const { t } = useTranslation('inspections')
  const api = useApi()
  const plans = useQuery('inspections.plans', { year })
  const [proposing, setProposing] = useState(false)
  const candidates = useQuery('inspections.propose', { year, nearMargin: 3 }, { skip: !proposing })
  const [dropped, setDropped] = useState<Set<number>>(new Set())
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [recording, setRecording] = useState<RecordTarget | null>(null)

  const create = async () => {
    const items = (candidates.data ?? []).filter((c) => !dropped.has(c.productId)).map((c) => ({ productId: c.productId, reasons: c.reasons as PlanReason[], note: '' }))
    const r = await api.call('inspections.createPlan', { year, name: name.trim() || t('plan.defaultName', { year }), items })
    setError(r.ok ? null : r.error.message)
    if (r.ok) {
      setProposing(false)
      setDropped(new Set())
      plans.reload()
    }
  }

  return (
    <Stack gap="sm" data-testid="plan-tab">
      <Group>
        <Button variant="light" onClick={() => setProposing(true)} data-testid="plan-propose">{t('plan.propose', { year })}</Button>
      </Group>
      {proposing ? (
        <Paper withBorder p="sm" data-testid="plan-candidates">
          {!candidates.data ? (
            <Loader size="sm" aria-label={t('loading')} />
          ) : candidates.data.length === 0 ? (
            <Alert color="gray">{t('plan.noCandidates')}</Alert>
          ) : (
            <Stack gap="xs">
              <Text size="sm">{t('plan.candidatesIntro')}</Text>
              <Table withTableBorder striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('plan.keep')}</Table.Th>
                    <Table.Th>{t('product')}</Table.Th>
                    <Table.Th>{t('plan.certificate')}</Table.Th>
                    <Table.Th>{t('plan.reasons')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {candidates.data.map((c) => (
                    <Table.Tr key={c.productId} data-product-id={c.productId}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('plan.keepLabel', { name: c.name })}
                          checked={!dropped.has(c.productId)}
                          onChange={(e) => {
                            const on = e.currentTarget.checked
                            setDropped((d) => {
                              const next = new Set(d)
                              if (on) next.delete(c.productId)
                              else next.add(c.productId)
                              return next
                            })
                          }}
                        />
                      </Table.Td>
                      <Table.Td><Text size="sm" fw={600}>{c.name}</Text><Text size="xs" c="dimmed">{c.producerName} · {c.code}</Text></Table.Td>
                      <Table.Td><Text size="sm">{c.stars}★ · {t('plan.expires', { day: formatDay(c.expiryDate) })}</Text>{c.mean !== null ? <Text size="xs" c="dimmed">{t('plan.mean', { mean: c.mean.toFixed(2).replace('.', ',') })}</Text> : null}</Table.Td>
                      <Table.Td>{c.reasons.map((r) => <Badge key={r} variant="light" mr={4} mb={2}>{PLAN_REASONS[r]}</Badge>)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Group align="flex-end">
                <TextInput label={t('plan.name')} placeholder={t('plan.defaultName', { year })} w={420} value={name} onChange={(e) => setName(e.currentTarget.value)} />
                <Button onClick={() => void create()} disabled={candidates.data.every((c) => dropped.has(c.productId))} data-testid="plan-create">{t('plan.create')}</Button>
                <Button variant="default" onClick={() => setProposing(false)}>{t('cancel')}</Button>
              </Group>
            </Stack>
          )}
        </Paper>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      {plans.error ? <Alert color="red">{plans.error.message}</Alert> : null}
      {plans.data?.length === 0 ? <Alert color="gray">{t('plan.none', { year })}</Alert> : null}
      {(plans.data ?? []).map((p) => (
        <Paper key={p.id} withBorder p="sm" data-testid="plan" data-plan-id={p.id}>
          <Title order={4}>{p.name}</Title>
          <Text size="xs" c="dimmed" mb="xs">{t('plan.progress', { done: p.items.filter((i) => i.inspections.length > 0).length, total: p.items.length })}</Text>
          <OfficeDocumentActions docRef={{ kind: 'inspection-plan', planId: p.id }} testId={`plan-doc-${p.id}`} />
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('product')}</Table.Th>
                <Table.Th>{t('plan.reasons')}</Table.Th>
                <Table.Th>{t('plan.status')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.items.map((i) => (
                <Table.Tr key={i.productId} data-product-id={i.productId}>
                  <Table.Td><Text size="sm" fw={600}>{i.name}</Text><Text size="xs" c="dimmed">{i.producerName}</Text></Table.Td>
                  <Table.Td>{i.reasons.map((r) => <Badge key={r} variant="light" mr={4} mb={2}>{PLAN_REASONS[r]}</Badge>)}{i.note ? <Text size="xs">{i.note}</Text> : null}</Table.Td>
                  <Table.Td>
                    {i.inspections.length === 0 ? (
                      <Badge color="gray" variant="outline">{t('plan.notYet')}</Badge>
                    ) : (
                      i.inspections.map((x) => <Text key={x.id} size="xs">{t('plan.inspectedOn', { day: formatDay(x.inspectedOn) })} — {t(`outcome.${x.outcome}`)}</Text>)
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setRecording({ productId: i.productId, planId: p.id, followUpOf: null })}>{t('record.open')}</Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ))}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={t('record.title')} size="xl">
        {recording ? (
          <RecordForm
            target={recording}
            onCancel={() => setRecording(null)}
            onDone={() => {
              setRecording(null)
              plans.reload()
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}
