import { ActionIcon, Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconCheck } from '@tabler/icons-react'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'

/** `list` with the item at `from` moved one place up (-1) or down (+1); unchanged at either end. */
export function moveItem<T>(list: readonly T[], from: number, by: -1 | 1): T[] {
  const to = from + by
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list]
  const out = [...list]
  ;[out[from], out[to]] = [out[to]!, out[from]!]
  return out
}

/**
 * The agenda: products on it in the order the meeting takes them (moved up/down with buttons, so by keyboard too),
 * and products with a complete dossier that are on no other open agenda. Sets are shown by
 * number and name as in the product form; saving says so.
 */
export function AgendaTab({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const editable = session.status === 'draft' || session.status === 'open'
  const eligible = useQuery('sessions.eligibleProducts', { sessionId: session.id }, { skip: !editable })
  const sets = useQuery('criteria.list', {})
  const [picked, setPicked] = useState<number[]>(session.agenda.map((a) => a.productId))
  const [error, setError] = useState<string | null>(null)
  const [saved, setSaved] = useState(false)
  useEffect(() => setPicked(session.agenda.map((a) => a.productId)), [session.agenda])
  const setNames = useMemo(() => new Map((sets.data ?? []).map((s) => [s.id, `${s.no}. ${s.subgroup ?? s.name}`])), [sets.data])

  const change = (next: number[]) => {
    setPicked(next)
    setSaved(false)
  }
  const save = async () => {
    const r = await api.call('sessions.setAgenda', { id: session.id, productIds: picked })
    setError(r.ok ? null : r.error.message)
    setSaved(r.ok)
    if (r.ok) onChanged()
  }
  const all = [
    ...session.agenda.map((a) => ({ productId: a.productId, code: a.code, name: a.name, producerName: a.producerName, setId: a.setId })),
    ...(eligible.data ?? []).filter((e) => !session.agenda.some((a) => a.productId === e.productId))
  ]
  // Picked products first, in agenda order; the others after them as listed.
  const byId = new Map(all.map((r) => [r.productId, r]))
  const rows = [...picked.flatMap((id) => byId.get(id) ?? []), ...all.filter((r) => !picked.includes(r.productId))]
  const allPicked = all.length > 0 && all.every((r) => picked.includes(r.productId))
  return (
    <Stack gap="sm" data-testid="agenda">
      {rows.length === 0 ? <Text c="dimmed">{t('agenda.none')}</Text> : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t('agenda.pickAll')}
                checked={allPicked}
                indeterminate={!allPicked && picked.length > 0}
                disabled={!editable || all.length === 0}
                onChange={() => change(allPicked ? [] : [...picked, ...all.map((r) => r.productId).filter((id) => !picked.includes(id))])}
                data-testid="agenda-pick-all"
              />
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('agenda.ord')}</Table.Th>
            <Table.Th>{t('agenda.code')}</Table.Th>
            <Table.Th>{t('agenda.name')}</Table.Th>
            <Table.Th>{t('agenda.producer')}</Table.Th>
            <Table.Th>{t('agenda.set')}</Table.Th>
            {editable ? <Table.Th w={90}>{t('agenda.move')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const at = picked.indexOf(r.productId)
            return (
              <Table.Tr key={r.productId} data-product-id={r.productId} data-ord={at >= 0 ? at + 1 : ''}>
                <Table.Td>
                  <Checkbox
                    aria-label={t('agenda.pick', { name: r.name })}
                    checked={at >= 0}
                    disabled={!editable}
                    onChange={(e) => {
                      const on = e.currentTarget.checked
                      change(on ? [...picked, r.productId] : picked.filter((x) => x !== r.productId))
                    }}
                  />
                </Table.Td>
                <Table.Td>{at >= 0 ? at + 1 : '—'}</Table.Td>
                <Table.Td>{r.code}</Table.Td>
                <Table.Td fw={600}>{r.name}</Table.Td>
                <Table.Td>{r.producerName}</Table.Td>
                <Table.Td title={r.setId} data-testid="agenda-set">{setNames.get(r.setId) ?? r.setId}</Table.Td>
                {editable ? (
                  <Table.Td>
                    {at >= 0 ? (
                      <Group gap={4} wrap="nowrap">
                        <ActionIcon variant="subtle" disabled={at === 0} aria-label={t('agenda.up', { name: r.name })} onClick={() => change(moveItem(picked, at, -1))} data-testid="agenda-up">
                          <IconArrowUp size={16} />
                        </ActionIcon>
                        <ActionIcon variant="subtle" disabled={at === picked.length - 1} aria-label={t('agenda.down', { name: r.name })} onClick={() => change(moveItem(picked, at, 1))} data-testid="agenda-down">
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Group>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group>
          <Button onClick={() => void save()} data-testid="save-agenda">{t('agenda.save', { count: picked.length })}</Button>
          <Text role="status" size="sm" c="green.9" data-testid="agenda-saved">
            {saved ? (
              <Group component="span" gap={4} wrap="nowrap"><IconCheck size={16} aria-hidden />{t('agenda.saved')}</Group>
            ) : null}
          </Text>
        </Group>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
    </Stack>
  )
}
