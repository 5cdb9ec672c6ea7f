import { Alert, Group, Select, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../api/context'
import { ApprovalForm } from './ApprovalForm'
import { SignForm } from './SignForm'
import { SignedList } from './SignedList'
import { formatDateTime, formatDay } from '../../../src-main/shared/vn-format'

/** Ký số: the chair or the signer approves a finalized session's results, then signs its documents with a PKCS#12 file. */
export function SigningPanel() {
  const { t } = useTranslation('signing')
  const [sessionId, setSessionId] = useState<string | null>(null)
  const [approvalId, setApprovalId] = useState<number | null>(null)
  const sessions = useQuery('sessions.list', {})
  const finalized = (sessions.data ?? []).filter((s) => s.status === 'finalized')
  const approvals = useQuery('signing.approvals', { sessionId: Number(sessionId) }, { skip: !sessionId })
  const signed = useQuery('signing.list', {})
  const chosen = (approvals.data ?? []).find((a) => a.id === approvalId) ?? null
  const session = finalized.find((s) => String(s.id) === sessionId)
  return (
    <Stack data-testid="signing-panel">
      <Text c="dimmed" size="sm">{t('intro')}</Text>
      <Select
        label={t('session')}
        placeholder={finalized.length ? t('sessionPick') : t('noFinalized')}
        data={finalized.map((s) => ({ value: String(s.id), label: `${s.roundName} — ${formatDay(s.date)}` }))}
        value={sessionId}
        onChange={(v) => {
          setSessionId(v)
          setApprovalId(null)
        }}
        w={360}
        data-testid="signing-session"
      />
      {approvals.error && <Alert color="red">{approvals.error.message}</Alert>}
      {session && (
        <>
          <Title order={4}>{t('approvals')}</Title>
          {(approvals.data ?? []).length === 0 ? (
            <Text size="sm" c="dimmed">{t('noApprovals')}</Text>
          ) : (
            <Table withTableBorder highlightOnHover data-testid="approvals">
              <Table.Tbody>
                {(approvals.data ?? []).map((a) => (
                  <Table.Tr key={a.id} data-approval-id={a.id} data-selected={a.id === approvalId} onClick={() => setApprovalId(a.id)} style={{ cursor: 'pointer' }} bg={a.id === approvalId ? 'var(--mantine-color-blue-light)' : undefined}>
                    <Table.Td>{a.authority ? `${a.authority} ` : ''}{a.positionTitle} {a.approverName}</Table.Td>
                    <Table.Td>{a.subject}</Table.Td>
                    <Table.Td><Text size="sm" c="dimmed">{t(`role.${a.approverRole}`)}</Text></Table.Td>
                    <Table.Td>{formatDateTime(a.approvedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <ApprovalForm
            sessionId={session.id}
            subject={t('defaultSubject', { round: session.roundName, date: session.date })}
            onDone={(id) => {
              approvals.reload()
              setApprovalId(id)
            }}
          />
        </>
      )}
      {chosen && (
        <Group align="flex-start">
          <SignForm approval={chosen} onSigned={signed.reload} />
        </Group>
      )}
      <Title order={4}>{t('signedTitle')}</Title>
      <SignedList rows={signed.data ?? []} />
    </Stack>
  )
}
