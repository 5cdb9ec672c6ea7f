import { Alert, Badge, Group, Loader, NativeSelect, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { leafCriteria, type CriteriaSet } from '../../../src-main/shared/criteria'
import type { Session } from '../../../src-main/shared/api/sessions'
import type { Result } from '../../../src-main/shared/result'
import { useApi, useQuery } from '../../api/context'
import { ScoringSheet } from '../scoring/ScoringSheet'

const stored = async (): Promise<Result<unknown>> => ({ ok: true, value: null })

/** An option as the paper shows it: its text and points, not its code. */
export function optionLabel(set: CriteriaSet | undefined, criterionCode: string, optionId: string | null, notApplicable: string): string {
  if (optionId === null) return '–'
  if (optionId === 'NA') return notApplicable
  const o = set ? leafCriteria(set).find((l) => l.criterion.code === criterionCode)?.criterion.options.find((x) => x.id === optionId) : undefined
  return o ? `${o.text} (${o.points} đ)` : optionId
}

/** Sheet states for which a paper sheet can still be typed in (not submitted online, not recused or excluded). */
const ENTERABLE = new Set(['not-started', 'draft', 'not-declared'])

/**
 * Double entry of a paper sheet: the secretary types it twice on the same keyboard sheet the members use; pass 2
 * starts empty and blind; the sheet is accepted only when both passes match, otherwise mismatches are listed with
 * the options' text and points. Checked before the first keystroke: the session is scoring, the member is present,
 * declared no conflict on the product and has not submitted online; only such members are offered.
 */
export function PaperEntryTab({ session }: { session: Session }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const [productId, setProductId] = useState<number | null>(session.agenda[0]?.productId ?? null)
  const progress = useQuery('sessions.progress', { sessionId: session.id })
  const attendance = useQuery('attendance.get', { sessionId: session.id })
  const present = useMemo(() => new Set(attendance.data?.members.filter((m) => m.status === 'present').map((m) => m.memberId)), [attendance.data])
  const states = new Map(progress.data?.products.find((p) => p.productId === productId)?.members.map((m) => [m.memberId, m.state]))
  const scorers = session.members.filter((m) => m.scores && present.has(m.id) && ENTERABLE.has(states.get(m.id) ?? ''))
  const [chosen, setMemberId] = useState<number | null>(null)
  const memberId = scorers.some((m) => m.id === chosen) ? chosen : (scorers[0]?.id ?? null)
  const [pass, setPass] = useState<1 | 2>(1)
  const ref = { sessionId: session.id, productId: productId ?? 1, memberId: memberId ?? 1 }
  const status = useQuery('paper.status', ref, { skip: productId === null || memberId === null })
  const setDef = useQuery('criteria.get', { setId: session.agenda.find((a) => a.productId === productId)?.setId ?? 'QD26-2026-01' }, { skip: productId === null })
  const answers = useRef<Record<string, string>>({})
  const comment = useRef('')
  const [version, setVersion] = useState(0)

  const item = session.agenda.find((a) => a.productId === productId)
  const member = scorers.find((m) => m.id === memberId)
  const loading = !progress.data || !attendance.data
  const blocker =
    session.status !== 'scoring'
      ? t('paper.notScoring')
      : loading
        ? null
        : !member
          ? t('paper.nobody')
          : states.get(member.id) === 'not-declared'
            ? t('paper.notDeclared', { name: member.fullName })
            : null
  const reset = () => {
    answers.current = {}
    comment.current = ''
    setVersion((v) => v + 1)
  }
  const submitPass = async () => {
    const r = await api.call('paper.savePass', { ...ref, pass, sheet: { answers: answers.current, knockouts: [], comment: comment.current } })
    status.reload()
    return r
  }
  return (
    <Stack gap="sm" data-testid="paper-entry">
      <Group align="flex-end">
        <NativeSelect label={t('paper.product')} value={String(productId ?? '')} data={session.agenda.map((a) => ({ value: String(a.productId), label: a.name }))}
          onChange={(e) => { setProductId(Number(e.currentTarget.value)); reset() }} />
        <NativeSelect label={t('paper.member')} value={String(memberId ?? '')} data={scorers.map((m) => ({ value: String(m.id), label: m.fullName }))} data-testid="paper-member"
          onChange={(e) => { setMemberId(Number(e.currentTarget.value)); reset() }} />
        <SegmentedControl value={String(pass)} onChange={(v) => { setPass(Number(v) as 1 | 2); reset() }}
          data={[{ value: '1', label: t('paper.pass1') }, { value: '2', label: t('paper.pass2') }]} data-testid="paper-pass" />
      </Group>
      {status.data ? (
        <Group gap="xs" data-testid="paper-status" data-accepted={status.data.accepted}>
          <Badge color={status.data.pass1 ? 'green' : 'gray'}>{t('paper.pass1')}: {t(status.data.pass1 ? 'paper.done' : 'paper.notDone')}</Badge>
          <Badge color={status.data.pass2 ? 'green' : 'gray'}>{t('paper.pass2')}: {t(status.data.pass2 ? 'paper.done' : 'paper.notDone')}</Badge>
          {status.data.accepted ? <Badge color="green" variant="filled">{t('paper.accepted')}</Badge> : null}
        </Group>
      ) : null}
      {status.data && status.data.mismatches.length > 0 ? (
        <Alert color="red" title={t('paper.mismatchTitle', { count: status.data.mismatches.length })}>
          <Table fz="sm" data-testid="paper-mismatches">
            <Table.Tbody>
              {status.data.mismatches.map((m) => (
                <Table.Tr key={m.criterionCode} data-criterion={m.criterionCode}>
                  <Table.Td>{t('paper.criterion', { code: m.criterionCode })}</Table.Td>
                  <Table.Td>{t('paper.pass1')}: {optionLabel(setDef.data?.set, m.criterionCode, m.pass1, t('paper.notApplicable'))}</Table.Td>
                  <Table.Td>{t('paper.pass2')}: {optionLabel(setDef.data?.set, m.criterionCode, m.pass2, t('paper.notApplicable'))}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Alert>
      ) : null}
      {blocker ? <Alert color="orange" data-testid="paper-blocked">{blocker}</Alert> : null}
      {blocker || loading ? null : setDef.data && item && member ? (
        <ScoringSheet
          key={`${productId}-${memberId}-${pass}-${version}`}
          set={setDef.data.set}
          header={{ productName: item.name, productCode: item.code, producerName: item.producerName }}
          memberName={member.fullName}
          answers={{}}
          comment=""
          submittedAt={null}
          saveAnswer={async (code, optionId) => { answers.current[code] = optionId; return stored() }}
          saveComment={async (text) => { comment.current = text; return stored() }}
          submit={submitPass}
        />
      ) : productId === null ? <Text c="dimmed">{t('agenda.none')}</Text> : <Loader />}
    </Stack>
  )
}
