import { Alert, Button, Group, Radio, SegmentedControl, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { recordProblems } from '../../../src-main/domain/inspection'
import { REVOCATION_GROUNDS, REVOCATION_GROUND_CODES, groundLetter, type RevocationGround } from '../../../src-main/shared/certificates'
import { INSPECTION_ITEMS, INSPECTION_ITEM_CODES, INSPECTION_OUTCOMES, INSPECTION_OUTCOME_CODES, type FindingResult, type InspectionItem, type InspectionKind, type InspectionOutcome } from '../../../src-main/shared/inspection'
import type { Inspection } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { DateField } from './DateField'

const DAY = /^\d{4}-\d{2}-\d{2}$/

export interface RecordTarget {
  productId: number | null
  planId: number | null
  followUpOf: number | null
}

/**
 * Biên bản kiểm tra sau công nhận (Điều 9): every item of the checklist with its finding, the team, the outcome and
 * what it needs (recommendation and deadline, or the Điều 8 ground of a revocation proposal). The coherence rules
 * are the domain's own (`recordProblems`), shown inline before anything is sent; the server checks them again.
 */
export function RecordForm({ target, onDone, onCancel }: { target: RecordTarget; onDone: (i: Inspection) => void; onCancel: () => void }) {
  const { t } = useTranslation('inspections')
  const api = useApi()
  const certificates = useQuery('certificates.list', { filter: 'valid', withinDays: 180 }, { skip: target.productId !== null })
  const [productId, setProductId] = useState<number | null>(target.productId)
  const [kind, setKind] = useState<InspectionKind>(target.planId !== null ? 'periodic' : 'ad-hoc')
  const [inspectedOn, setInspectedOn] = useState('')
  const [team, setTeam] = useState('')
  const [findings, setFindings] = useState<Record<InspectionItem, { result: FindingResult; note: string }>>(
    Object.fromEntries(INSPECTION_ITEM_CODES.map((item) => [item, { result: 'pass', note: '' }])) as Record<InspectionItem, { result: FindingResult; note: string }>
  )
  const [outcome, setOutcome] = useState<InspectionOutcome>('no-action')
  const [recommendation, setRecommendation] = useState('')
  const [deadline, setDeadline] = useState('')
  const [ground, setGround] = useState<RevocationGround | null>(null)
  const [shown, setShown] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const list = INSPECTION_ITEM_CODES.map((item) => ({ item, ...findings[item] }))
  const problems = [
    ...(productId === null ? [{ path: 'productId', message: t('record.productRequired') }] : []),
    ...(DAY.test(inspectedOn) ? [] : [{ path: 'inspectedOn', message: t('record.dateRequired') }]),
    ...(team.trim() === '' ? [{ path: 'team', message: t('record.teamRequired') }] : []),
    ...(outcome === 'recommendations' && deadline !== '' && !DAY.test(deadline) ? [{ path: 'deadline', message: t('record.dateRequired') }] : []),
    ...recordProblems({ findings: list, outcome, recommendation, deadline: outcome === 'recommendations' && DAY.test(deadline) ? deadline : null, inspectedOn, revocationGround: outcome === 'revocation-proposed' ? ground : null })
  ]
  const errorOf = (path: string): string | undefined => (shown ? problems.find((p) => p.path === path)?.message : undefined)

  const submit = async () => {
    setShown(true)
    setError(null)
    if (problems.length > 0) return
    const r = await api.call('inspections.record', {
      productId: productId!,
      planId: target.planId,
      kind,
      inspectedOn,
      team,
      findings: list,
      outcome,
      recommendation: outcome === 'recommendations' ? recommendation : '',
      deadline: outcome === 'recommendations' ? deadline : null,
      revocationGround: outcome === 'revocation-proposed' ? ground : null,
      followUpOf: target.followUpOf
    })
    if (r.ok) onDone(r.value)
    else setError(r.error.message)
  }

  return (
    <Stack gap="sm" data-testid="inspection-form">
      {target.productId === null ? (
        <Select
          label={t('record.product')}
          searchable
          data={(certificates.data ?? []).map((c) => ({ value: String(c.productId), label: `${c.productName} — ${c.producerName} (${c.stars}★)` }))}
          value={productId === null ? null : String(productId)}
          onChange={(v) => setProductId(v ? Number(v) : null)}
          error={errorOf('productId')}
        />
      ) : null}
      <Group align="flex-end" grow>
        <Stack gap={4}>
          <Text size="sm" fw={500} id="inspection-kind">{t('record.kind')}</Text>
          <SegmentedControl
            aria-labelledby="inspection-kind"
            value={kind}
            onChange={(v) => setKind(v as InspectionKind)}
            disabled={target.planId !== null}
            data={[{ value: 'periodic', label: t('kind.periodic') }, { value: 'ad-hoc', label: t('kind.ad-hoc') }]}
          />
        </Stack>
        <DateField label={t('record.inspectedOn')} value={inspectedOn} onChange={setInspectedOn} error={errorOf('inspectedOn')} testId="inspected-on" />
      </Group>
      <Textarea label={t('record.team')} description={t('record.teamHint')} autosize minRows={2} value={team} onChange={(e) => setTeam(e.currentTarget.value)} error={errorOf('team')} />
      <Table withTableBorder data-testid="findings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('record.item')}</Table.Th>
            <Table.Th>{t('record.result')}</Table.Th>
            <Table.Th>{t('record.note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INSPECTION_ITEM_CODES.map((item, i) => (
            <Table.Tr key={item} data-item={item}>
              <Table.Td><Text size="sm">{INSPECTION_ITEMS[item]}</Text></Table.Td>
              <Table.Td>
                <SegmentedControl
                  size="xs"
                  aria-label={t('record.resultOf', { item: INSPECTION_ITEMS[item] })}
                  value={findings[item].result}
                  onChange={(v) => setFindings((f) => ({ ...f, [item]: { ...f[item], result: v as FindingResult } }))}
                  data={[{ value: 'pass', label: t('result.pass') }, { value: 'fail', label: t('result.fail') }, { value: 'advice', label: t('result.advice') }]}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={t('record.noteOf', { item: INSPECTION_ITEMS[item] })}
                  value={findings[item].note}
                  onChange={(e) => {
                    const note = e.currentTarget.value
                    setFindings((f) => ({ ...f, [item]: { ...f[item], note } }))
                  }}
                  error={errorOf(`findings.${i}.note`)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Radio.Group label={t('record.outcome')} value={outcome} onChange={(v) => setOutcome(v as InspectionOutcome)} error={errorOf('outcome')}>
        <Stack gap={4} mt={4}>
          {INSPECTION_OUTCOME_CODES.map((o) => <Radio key={o} value={o} label={INSPECTION_OUTCOMES[o]} />)}
        </Stack>
      </Radio.Group>
      {outcome === 'recommendations' ? (
        <Group align="flex-start" grow>
          <Textarea label={t('record.recommendation')} autosize minRows={2} value={recommendation} onChange={(e) => setRecommendation(e.currentTarget.value)} error={errorOf('recommendation')} />
          <DateField label={t('record.deadline')} value={deadline} onChange={setDeadline} error={errorOf('deadline')} testId="deadline" />
        </Group>
      ) : null}
      {outcome === 'revocation-proposed' ? (
        <Select
          label={t('record.ground')}
          data={REVOCATION_GROUND_CODES.map((g) => ({ value: g, label: `${groundLetter(g)}) ${REVOCATION_GROUNDS[g]}` }))}
          value={ground}
          onChange={(v) => setGround(v as RevocationGround | null)}
          error={errorOf('revocationGround')}
        />
      ) : null}
      {shown && problems.some((p) => p.path === 'findings') ? <Alert color="orange">{problems.filter((p) => p.path === 'findings').map((p) => p.message).join('; ')}</Alert> : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>{t('cancel')}</Button>
        <Button onClick={() => void submit()} data-testid="inspection-save">{t('record.save')}</Button>
      </Group>
    </Stack>
  )
}
