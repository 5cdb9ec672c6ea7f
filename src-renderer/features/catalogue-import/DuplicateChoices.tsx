import { Badge, Select, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../src-main/shared/api/catalogue-import'

export interface RowChoice {
  sheet: 'producers' | 'products'
  row: number
  choice: string
}

/**
 * True duplicates (a row matching several registered records, or the same product twice in the file): the commit
 * waits until the clerk says, row by row, which record to update, or to add the row as new, or to skip it.
 * Choosing re-runs the preview with every choice so far.
 */
export function DuplicateChoices({ preview, onChoose }: { preview: ImportPreview; onChoose: (c: RowChoice, choice: string | null) => void }) {
  const { t } = useTranslation('catalogue-import')
  const rows = preview.actions.filter((a) => a.duplicate)
  if (rows.length === 0) return null
  const pending = rows.filter((a) => a.action === 'duplicate').length
  const nameOf = (sheet: string, row: number) => preview.rows.find((r) => r.sheet === sheet && r.row === row)?.cells.name ?? ''
  return (
    <Stack gap="xs" data-testid="duplicate-choices" data-pending={pending}>
      <Text size="sm" fw={600}>{t('duplicates.title', { count: rows.length, pending })}</Text>
      <Table withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.row')}</Table.Th>
            <Table.Th>{t('col.name')}</Table.Th>
            <Table.Th>{t('duplicates.choice')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((a) => (
            <Table.Tr key={`${a.sheet}:${a.row}`} data-duplicate-row={`${a.sheet}:${a.row}`} data-status={a.action} bg={a.action === 'duplicate' ? 'orange.0' : undefined}>
              <Table.Td>{t(`sheet.${a.sheet}`)}, {a.row}</Table.Td>
              <Table.Td>
                <Text size="sm">{nameOf(a.sheet, a.row)}</Text>
                <Text size="xs" c="dimmed">{a.duplicate!.reason}</Text>
              </Table.Td>
              <Table.Td>
                {a.action === 'duplicate' ? <Badge color="orange" variant="light" mb={4}>{t('duplicates.choose')}</Badge> : null}
                <Select
                  size="xs"
                  w={420}
                  aria-label={t('duplicates.select', { sheet: t(`sheet.${a.sheet}`), row: a.row })}
                  placeholder={t('duplicates.placeholder')}
                  value={a.duplicate!.chosen}
                  data={[
                    ...a.duplicate!.candidates.map((c) => ({ value: `update:${c.id}`, label: t('duplicates.update', { label: c.label }) })),
                    { value: 'add', label: t('duplicates.add') },
                    { value: 'skip', label: t('duplicates.skip') }
                  ]}
                  onChange={(v) => onChoose({ sheet: a.sheet, row: a.row, choice: v ?? '' }, v)}
                  clearable
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}
