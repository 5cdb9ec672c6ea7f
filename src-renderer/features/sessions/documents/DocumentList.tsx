import { Alert, Button, Group, Table, Text } from '@mantine/core'
import { IconDownload, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../../../src-main/shared/contract'
import { useApi } from '../../../api/context'
import { downloadDocument, printDocument } from './file-actions'
import { formatDay } from '../../../../src-main/shared/vn-format'

/** The session's documents as the register holds them; each row downloads or prints the stored file. */
export function DocumentList({ docs, mode }: { docs: DocumentRecord[]; mode: 'desktop' | 'browser' }) {
  const { t } = useTranslation('session-documents')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  if (docs.length === 0) return <Text c="dimmed" size="sm" data-testid="documents-empty">{t('list.empty')}</Text>
  return (
    <>
      {error ? <Alert color="red" role="alert" withCloseButton onClose={() => setError(null)}>{error}</Alert> : null}
      <Table striped withTableBorder data-testid="documents-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.kind')}</Table.Th>
            <Table.Th>{t('list.number')}</Table.Th>
            <Table.Th>{t('list.date')}</Table.Th>
            <Table.Th>{t('list.format')}</Table.Th>
            <Table.Th>{t('list.pages')}</Table.Th>
            <Table.Th>{t('list.sha')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {docs.map((d) => (
            <Table.Tr key={d.id} data-document-id={d.id} data-kind={d.kind} data-sha256={d.sha256}>
              <Table.Td>{d.title}</Table.Td>
              <Table.Td>{d.number ?? '—'}</Table.Td>
              <Table.Td>{formatDay(d.date)}</Table.Td>
              <Table.Td>{d.format.toUpperCase()}</Table.Td>
              <Table.Td>{d.pages ?? '—'}</Table.Td>
              <Table.Td><Text ff="monospace" size="xs" title={d.sha256}>{d.sha256.slice(0, 12)}</Text></Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  <Button size="compact-xs" variant="light" leftSection={<IconDownload size={14} />} data-testid={`download-${d.id}`} onClick={() => void downloadDocument(api, d.id).then(setError)}>
                    {t('list.download')}
                  </Button>
                  {d.format === 'pdf' ? (
                    <Button size="compact-xs" variant="subtle" leftSection={<IconPrinter size={14} />} data-testid={`print-${d.id}`} onClick={() => void printDocument(api, d.id, mode).then(setError)}>
                      {t('list.print')}
                    </Button>
                  ) : null}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
