import { Badge, Select, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../src-main/shared/api/catalogue-import'

/**
 * How each producer row's commune was read (old code, old names, old address, today's name), and a choice among
 * the official table's candidates where the resolver would not guess. Choosing re-runs the preview with the choice.
 */
export function CommuneResolutions({ preview, onChoose }: { preview: ImportPreview; onChoose: (row: number, communeCode: string | null) => void }) {
  const { t } = useTranslation('catalogue-import')
  if (preview.resolutions.length === 0) return null
  const pending = preview.resolutions.filter((r) => r.status === 'choice').length
  return (
    <Stack gap="xs" data-testid="commune-resolutions" data-pending={pending}>
      <Text size="sm" fw={600}>{t('resolution.title', { count: preview.resolutions.length, pending })}</Text>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.row')}</Table.Th>
            <Table.Th>{t('resolution.input')}</Table.Th>
            <Table.Th>{t('resolution.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.resolutions.map((r) => (
            <Table.Tr key={r.row} data-resolution-row={r.row} data-status={r.status} bg={r.status === 'choice' ? 'orange.0' : undefined}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.input}</Table.Td>
              <Table.Td>
                {r.status === 'resolved' ? (
                  <>
                    <Text size="sm">{r.code} · {r.name}</Text>
                    <Text size="xs" c="dimmed">{t(`resolution.how.${r.how}`)}: {r.via}</Text>
                  </>
                ) : (
                  <>
                    {r.status === 'choice' ? <Badge color="orange" variant="light" mb={4}>{t('resolution.choose')}</Badge> : null}
                    {r.reason ? <Text size="xs" c="dimmed">{r.reason}</Text> : null}
                    <Select
                      size="xs"
                      w={420}
                      aria-label={t('resolution.select', { row: r.row })}
                      placeholder={t('resolution.placeholder')}
                      value={r.status === 'chosen' ? r.code : null}
                      data={r.candidates.map((c) => ({ value: c.code, label: `${c.code} · ${c.name}, ${c.provinceName} ← ${c.via}` }))}
                      onChange={(v) => onChoose(r.row, v)}
                      clearable
                      comboboxProps={{ withinPortal: true }}
                    />
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
