import { Code, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CouncilVersion } from '../../../src-main/shared/api/councils'
import { formatDateTime } from '../../../src-main/shared/vn-format'

/** Frozen versions of a council, newest last, with the hash sessions can check them against. */
export function VersionList({ versions }: { versions: CouncilVersion[] }) {
  const { t } = useTranslation('councils')
  return (
    <>
      <Title order={4}>{t('versions.title')}</Title>
      {versions.length === 0 ? (
        <Text size="sm" c="dimmed">{t('versions.none')}</Text>
      ) : (
        <Table withTableBorder data-testid="council-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.version')}</Table.Th>
              <Table.Th>{t('versions.reason')}</Table.Th>
              <Table.Th>{t('versions.createdAt')}</Table.Th>
              <Table.Th>{t('versions.sha')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Table.Tr key={v.id} data-version={v.versionNo}>
                <Table.Td>{t('versions.no', { no: v.versionNo })}</Table.Td>
                <Table.Td>{v.reason}</Table.Td>
                <Table.Td>{formatDateTime(v.createdAt)}</Table.Td>
                <Table.Td><Code>{v.sha256.slice(0, 16)}…</Code></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  )
}
