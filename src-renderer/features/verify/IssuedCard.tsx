import { Alert, Table } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { RegisterEntryDto } from '../../../src-main/shared/contract'
import { formatDateTime } from '../../../src-main/shared/vn-format'

/** Whether the app issued this document, and which session it belongs to. */
export function IssuedCard({ entry, source }: { entry: RegisterEntryDto | null; source?: RegisterEntryDto | null }) {
  const { t } = useTranslation('verify')
  if (!entry)
    return (
      <Alert color="yellow" title={t('notIssuedTitle')} data-testid="issued" data-issued="false">
        {t('notIssuedBody')}
      </Alert>
    )
  const origin = source ?? entry
  return (
    <Alert color="green" title={entry.kind === 'signed' ? t('issuedSignedTitle') : t('issuedTitle')} data-testid="issued" data-issued="true">
      <Table>
        <Table.Tbody>
          <Table.Tr><Table.Td w={180}>{t('docTitle')}</Table.Td><Table.Td>{entry.title}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('fileName')}</Table.Td><Table.Td>{entry.fileName}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('issuedAt')}</Table.Td><Table.Td>{formatDateTime(entry.issuedAt, { withSeconds: true })}</Table.Td></Table.Tr>
          <Table.Tr><Table.Td>{t('session')}</Table.Td><Table.Td>{origin.sessionLabel ?? (origin.sessionId !== null ? `#${origin.sessionId}` : '—')}</Table.Td></Table.Tr>
          {origin.auditHead && (
            <Table.Tr><Table.Td>{t('auditHead')}</Table.Td><Table.Td data-testid="audit-head" style={{ fontFamily: 'monospace' }}>{origin.auditHead}</Table.Td></Table.Tr>
          )}
        </Table.Tbody>
      </Table>
      {origin.auditHead && (
        // The head printed next to the code is checked against the data as it is now: a rewritten chain or an edited result shows here.
        <Alert mt="sm" color={origin.auditProblems.length === 0 ? 'green' : 'red'} title={origin.auditProblems.length === 0 ? t('auditIntact') : t('auditTampered')} data-testid="audit-check" data-intact={String(origin.auditProblems.length === 0)}>
          {origin.auditProblems.map((m) => <div key={m}>{m}</div>)}
        </Alert>
      )}
    </Alert>
  )
}
