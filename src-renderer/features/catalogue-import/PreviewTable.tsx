import { Badge, List, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportIssueDto, ImportPreview, RowActionDto } from '../../../src-main/shared/api/catalogue-import'

const ACTION_COLOR: Record<RowActionDto['action'], string> = { add: 'blue', update: 'grape', unchanged: 'gray', 'same-as-row': 'gray', duplicate: 'orange', skip: 'gray' }

/** What the row does on commit; for an update, each field that changes, old → new. */
function RowActionBadge({ action: a }: { action: RowActionDto }) {
  const { t } = useTranslation('catalogue-import')
  return (
    <>
      <Badge size="xs" ml={6} variant="outline" color={ACTION_COLOR[a.action]} data-action={a.action}>
        {t(`action.${a.action}`, { by: a.matchedBy })}
      </Badge>
      {a.changes.length ? (
        <List size="xs" spacing={0} data-testid="row-changes">
          {a.changes.map((c) => (
            <List.Item key={c.field} data-field={c.field}>
              <b>{c.label}:</b> {c.from || t('empty')} → {c.to || t('empty')}
            </List.Item>
          ))}
        </List>
      ) : null}
    </>
  )
}

/** Rendering thousands of rows helps nobody fix a file; the first ones with problems are what matter. */
const MAX_SHOWN = 300

type Sheet = 'producers' | 'products' | 'certificates'
const detail = (sheet: Sheet, c: Record<string, string>) =>
  sheet === 'producers'
    ? [c.kind, c.regNo, c.repName, c.communeCode || c.communeName || [c.oldCommune, c.oldDistrict].filter(Boolean).join(', ') || c.oldAddress].filter(Boolean).join(' · ')
    : sheet === 'products'
      ? [c.code, c.setId, c.registrationType, c.year, c.producerNo ? `STT chủ thể ${c.producerNo}` : ''].filter(Boolean).join(' · ')
      : [c.stars ? `${c.stars}★` : '', c.issuedOn || c.issuedYear, c.issuingAuthority, c.decisionNo, c.productNo ? `STT sản phẩm ${c.productNo}` : ''].filter(Boolean).join(' · ')

/** The uploaded rows of one sheet with their errors (red) and warnings (yellow), marked per row with data-* attributes. */
export function PreviewTable({ preview, sheet }: { preview: ImportPreview; sheet: Sheet }) {
  const { t } = useTranslation('catalogue-import')
  const [filter, setFilter] = useState<'problems' | 'all'>('problems')
  const issuesByRow = useMemo(() => {
    const m = new Map<number, ImportIssueDto[]>()
    for (const i of preview.issues) if (i.sheet === sheet && i.row !== null && i.row > 1) m.set(i.row, [...(m.get(i.row) ?? []), i])
    return m
  }, [preview, sheet])
  const actionOf = useMemo(() => new Map(preview.actions.filter((a) => a.sheet === sheet).map((a) => [a.row, a])), [preview, sheet])
  // Rows worth a look: problems, and what a re-import changes.
  const notable = (row: number) => issuesByRow.has(row) || ['update', 'duplicate'].includes(actionOf.get(row)?.action ?? '')
  const rows = preview.rows.filter((r) => r.sheet === sheet && (filter === 'all' || notable(r.row)))
  const shown = rows.slice(0, MAX_SHOWN)
  return (
    <Stack gap="xs" data-testid={`preview-${sheet}`}>
      <SegmentedControl
        size="xs"
        w={360}
        value={filter}
        onChange={(v) => setFilter(v as 'problems' | 'all')}
        data={[
          { value: 'problems', label: t('filter.problems') },
          { value: 'all', label: t('filter.all') }
        ]}
      />
      {shown.length === 0 ? (
        <Text size="sm" c="dimmed">{t('none')}</Text>
      ) : (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('col.row')}</Table.Th>
              <Table.Th>{t('col.no')}</Table.Th>
              <Table.Th>{t('col.name')}</Table.Th>
              <Table.Th>{t('col.detail')}</Table.Th>
              <Table.Th>{t('col.issues')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => {
              const issues = issuesByRow.get(r.row) ?? []
              const errors = issues.filter((i) => i.severity === 'error')
              return (
                <Table.Tr
                  key={r.row}
                  data-sheet={sheet}
                  data-row={r.row}
                  data-row-error={errors.length ? 'true' : undefined}
                  data-row-warning={issues.length > errors.length ? 'true' : undefined}
                  bg={errors.length ? 'red.0' : issues.length ? 'yellow.0' : undefined}
                >
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.cells.no ?? r.cells.productNo}</Table.Td>
                  <Table.Td>
                    {r.cells.name ?? r.cells.numberText}
                    {actionOf.get(r.row) ? <RowActionBadge action={actionOf.get(r.row)!} /> : null}
                  </Table.Td>
                  <Table.Td>{detail(sheet, r.cells)}</Table.Td>
                  <Table.Td>
                    {issues.length === 0 ? (
                      <Badge color="green" variant="light">{t('ok')}</Badge>
                    ) : (
                      <List size="sm" spacing={2}>
                        {issues.map((i, k) => (
                          <List.Item key={k} c={i.severity === 'error' ? 'red.8' : 'yellow.9'} data-severity={i.severity}>
                            {i.column ? <b>{i.column}: </b> : null}
                            {i.message}
                          </List.Item>
                        ))}
                      </List>
                    )}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      {rows.length > shown.length ? <Text size="sm" c="dimmed">{t('more', { shown: shown.length, total: rows.length })}</Text> : null}
    </Stack>
  )
}
