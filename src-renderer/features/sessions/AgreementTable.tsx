import { Badge, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductReview, SessionMember } from '../../../src-main/shared/api/sessions'
import { leafCriteria, type CriteriaSet } from '../../../src-main/shared/criteria'
import { majorityOption } from './agreement'

type Disagreement = ProductReview['criteria'][number]

export interface AgreementTableProps {
  criteria: readonly Disagreement[]
  set: CriteriaSet | undefined
  members: readonly SessionMember[]
  /** Criteria the engine names as holding back a star level (reasons with a criterion code). */
  blocking: ReadonlySet<string>
  editable: boolean
  onAgree: (criterionCode: string, optionId: string, reason: string) => void
}

/**
 * Criteria where members differ, blocking ones first: each answer as the option's text and points, and the council's
 * agreed option picked from the options' text (or "theo đa số" in one click) with its reason. Laid out to fit
 * 1366×768: the criterion and answers wrap, the agreement controls stack in their own column.
 */
export function AgreementTable(p: AgreementTableProps) {
  const { t } = useTranslation('sessions')
  const [draft, setDraft] = useState<Record<string, { optionId: string | null; reason: string }>>({})
  const options = useMemo(() => new Map((p.set ? leafCriteria(p.set) : []).map((l) => [l.criterion.code, l.criterion.options])), [p.set])
  const label = (code: string, optionId: string | null): string => {
    if (optionId === null) return t('review.noAnswer')
    if (optionId === 'NA') return t('review.notApplicable')
    const o = options.get(code)?.find((x) => x.id === optionId)
    return o ? `${o.text} (${o.points} đ)` : optionId
  }
  const name = (id: number) => p.members.find((m) => m.id === id)?.fullName ?? String(id)
  const rows = [...p.criteria.filter((c) => c.distinctOptions > 1 || c.agreed)].sort((a, b) => Number(p.blocking.has(b.criterionCode)) - Number(p.blocking.has(a.criterionCode)))
  const set = (code: string, patch: Partial<{ optionId: string | null; reason: string }>) =>
    setDraft((d) => ({ ...d, [code]: { optionId: d[code]?.optionId ?? null, reason: d[code]?.reason ?? '', ...patch } }))
  return (
    <Table withTableBorder fz="sm" layout="fixed" data-testid="disagreement" verticalSpacing={6}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="24%">{t('review.criterion')}</Table.Th>
          <Table.Th w={90} ta="center">{t('review.pointsSpread')}</Table.Th>
          <Table.Th>{t('review.answers')}</Table.Th>
          <Table.Th w={360}>{t('review.agreed')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => {
          const d = draft[c.criterionCode]
          const majority = majorityOption(c.answers)
          const choices = (options.get(c.criterionCode) ?? []).map((o) => ({ value: o.id, label: `${o.text} (${o.points} đ)` }))
          return (
            <Table.Tr key={c.criterionCode} data-criterion={c.criterionCode} data-points-spread={c.pointsSpread} data-blocking={p.blocking.has(c.criterionCode) || undefined} bg={p.blocking.has(c.criterionCode) ? 'red.0' : undefined}>
              <Table.Td>
                <Text size="sm" fw={600}>{c.criterionCode}. {c.criterionText}</Text>
                {p.blocking.has(c.criterionCode) ? <Badge color="red" size="sm" mt={4} data-testid="blocking-badge">{t('review.blocking')}</Badge> : null}
              </Table.Td>
              <Table.Td ta="center" fw={700}>{c.pointsSpread}/{c.maxPoints}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {c.answers.map((a) => (
                    <Text key={a.memberId} size="xs" data-member-id={a.memberId}>
                      <Text span fw={600} size="xs">{name(a.memberId)}:</Text> {label(c.criterionCode, a.optionId)}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
              <Table.Td>
                {c.agreed ? (
                  <Stack gap={2}>
                    <Badge color="green" variant="light" style={{ whiteSpace: 'normal', height: 'auto' }} data-testid="agreed">{label(c.criterionCode, c.agreed.optionId)}</Badge>
                    <Text size="xs" c="dimmed">{c.agreed.reason}</Text>
                  </Stack>
                ) : p.editable ? (
                  <Stack gap={4}>
                    <Select
                      size="xs"
                      aria-label={t('review.agreedOption', { code: c.criterionCode })}
                      placeholder={t('review.pickOption')}
                      data={choices}
                      value={d?.optionId ?? null}
                      onChange={(v) => set(c.criterionCode, { optionId: v })}
                      comboboxProps={{ width: 420, position: 'bottom-end' }}
                      data-testid={`agree-option-${c.criterionCode}`}
                    />
                    <TextInput size="xs" placeholder={t('review.reason')} aria-label={t('review.agreedReason', { code: c.criterionCode })} value={d?.reason ?? ''}
                      onChange={(e) => set(c.criterionCode, { reason: e.currentTarget.value })} />
                    <Group gap={6} wrap="nowrap">
                      <Button size="xs" style={{ flexShrink: 0 }} disabled={!majority} data-testid={`majority-${c.criterionCode}`}
                        variant="light" title={majority ? label(c.criterionCode, majority.optionId) : t('review.noMajority')}
                        onClick={() => majority && set(c.criterionCode, { optionId: majority.optionId, reason: t('review.majorityReason', { count: majority.count, of: majority.of }) })}>
                        {t('review.byMajority')}
                      </Button>
                      <Button size="xs" style={{ flexShrink: 0 }} onClick={() => p.onAgree(c.criterionCode, d?.optionId ?? '', d?.reason ?? '')} data-testid={`agree-${c.criterionCode}`}>
                        {t('review.agree')}
                      </Button>
                    </Group>
                  </Stack>
                ) : null}
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}
