import { Button, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignedDocumentDto } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'
import { downloadBase64 } from '../catalogue/files'

/** Signed copies, newest first, each downloadable as it was registered. */
export function SignedList({ rows }: { rows: SignedDocumentDto[] }) {
  const { t } = useTranslation('signing')
  const api = useApi()
  const [error, setError] = useState<string | null>(null)
  const download = async (id: number): Promise<void> => {
    const r = await api.call('signing.download', { id })
    if (!r.ok) return setError(r.error.message)
    setError(null)
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
  }
  if (rows.length === 0) return <Text size="sm" c="dimmed">{t('noSigned')}</Text>
  return (
    <>
      {error && <Text c="red" size="sm">{error}</Text>}
      <Table withTableBorder data-testid="signed-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('file')}</Table.Th>
            <Table.Th>{t('signer')}</Table.Th>
            <Table.Th>{t('signedAt')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((d) => (
            <Table.Tr key={d.id} data-signed-id={d.id}>
              <Table.Td>{d.fileName}</Table.Td>
              <Table.Td>{d.signerName}</Table.Td>
              <Table.Td>{d.signedAt}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="light" onClick={() => void download(d.id)} data-testid={`download-signed-${d.id}`}>{t('download')}</Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  )
}
