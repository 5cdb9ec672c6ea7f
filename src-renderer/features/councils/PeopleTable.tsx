import { ActionIcon, Button, Group, NativeSelect, Table, Text, TextInput } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { emptyPerson, type CouncilForm } from './councilForm'

export interface PeopleTableProps {
  form: CouncilForm
  field: 'members' | 'advisory'
  roles: readonly string[]
  /** i18n key prefix of the role labels: 'members.roles' or 'advisory.roles'. */
  roleLabels: string
  addLabel: string
  emptyLabel: string
  /** Prepended to each cell's accessible name so two tables on one page stay distinguishable. */
  labelPrefix?: string
}

/** Editable member rows: role, person, organisation and contact; rows can be added, removed and reordered. */
export function PeopleTable({ form, field, roles, roleLabels, addLabel, emptyLabel, labelPrefix = '' }: PeopleTableProps) {
  const { t } = useTranslation('councils')
  const rows = form.getValues()[field]
  const errors = form.errors
  const rowInvalid = (i: number) => Object.keys(errors).some((k) => k.startsWith(`${field}.${i}.`))
  const cell = (i: number, name: string, label: string, width?: number) => (
    <TextInput size="xs" aria-label={`${labelPrefix}${label} ${i + 1}`} miw={width} {...form.getInputProps(`${field}.${i}.${name}`)} />
  )
  return (
    <>
      {/* The sideways-scrolling region is a tab stop with a name, even while it holds no row (axe: scrollable-region-focusable). */}
      <Table.ScrollContainer minWidth={1280} scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': t(`${field}.title`) } }}>
      <Table withTableBorder striped data-testid={`${field}-table`} data-rows={rows.length}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('members.no')}</Table.Th>
            <Table.Th>{t('members.role')}</Table.Th>
            <Table.Th>{t('members.fullName')}</Table.Th>
            <Table.Th>{t('members.gender')}</Table.Th>
            <Table.Th>{t('members.organisation')}</Table.Th>
            <Table.Th>{t('members.jobTitle')}</Table.Th>
            <Table.Th>{t('members.phone')}</Table.Th>
            <Table.Th>{t('members.email')}</Table.Th>
            <Table.Th>{t('members.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={form.key(`${field}.${i}`)} data-row={i + 1} data-role={row.role} data-invalid={rowInvalid(i) ? 'true' : undefined}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  miw={130}
                  aria-label={`${labelPrefix}${t('members.role')} ${i + 1}`}
                  data={roles.map((r) => ({ value: r, label: t(`${roleLabels}.${r}`) }))}
                  {...form.getInputProps(`${field}.${i}.role`)}
                />
              </Table.Td>
              <Table.Td>{cell(i, 'fullName', t('members.fullName'), 180)}</Table.Td>
              <Table.Td>
                <NativeSelect
                  size="xs"
                  miw={80}
                  aria-label={`${labelPrefix}${t('members.gender')} ${i + 1}`}
                  data={[
                    { value: '', label: t('members.genders.none') },
                    { value: 'male', label: t('members.genders.male') },
                    { value: 'female', label: t('members.genders.female') }
                  ]}
                  value={row.gender ?? ''}
                  onChange={(e) => form.setFieldValue(`${field}.${i}.gender`, (e.currentTarget.value || null) as 'male' | 'female' | null)}
                />
              </Table.Td>
              <Table.Td>{cell(i, 'organisation', t('members.organisation'), 160)}</Table.Td>
              <Table.Td>{cell(i, 'jobTitle', t('members.jobTitle'), 120)}</Table.Td>
              <Table.Td>{cell(i, 'phone', t('members.phone'), 110)}</Table.Td>
              <Table.Td>{cell(i, 'email', t('members.email'), 150)}</Table.Td>
              <Table.Td>
                  <Group gap={2} wrap="nowrap">
                    <ActionIcon variant="subtle" aria-label={`${labelPrefix}${t('members.up')} ${i + 1}`} disabled={i === 0} onClick={() => form.reorderListItem(field, { from: i, to: i - 1 })}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      aria-label={`${labelPrefix}${t('members.down')} ${i + 1}`}
                      disabled={i === rows.length - 1}
                      onClick={() => form.reorderListItem(field, { from: i, to: i + 1 })}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`${labelPrefix}${t('members.remove')} ${i + 1}`} onClick={() => form.removeListItem(field, i)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      </Table.ScrollContainer>
      {rows.length === 0 ? <Text size="sm" c="dimmed">{emptyLabel}</Text> : null}
      <Group>
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem(field, emptyPerson('member'))}>
            {addLabel}
          </Button>
      </Group>
    </>
  )
}
