import { Alert, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../src-main/shared/api/sessions'
import { useApi, useQuery } from '../../api/context'

/** The agenda: products on it, and products with a complete dossier that are on no other open agenda. */
export function AgendaTab({ session, onChanged }: { session: Session; onChanged: () => void }) {
  const { t } = useTranslation('sessions')
  const api = useApi()
  const editable = session.status === 'draft' || session.status === 'open'
  const eligible = useQuery('sessions.eligibleProducts', { sessionId: session.id }, { skip: !editable })
  const [picked, setPicked] = useState<number[]>(session.agenda.map((a) => a.productId))
  const [error, setError] = useState<string | null>(null)
  useEffect(() => setPicked(session.agenda.map((a) => a.productId)), [session.agenda])

  const save = async () => {
    const r = await api.call('sessions.setAgenda', { id: session.id, productIds: picked })
    setError(r.ok ? null : r.error.message)
    if (r.ok) onChanged()
  }
  const rows = [
    ...session.agenda.map((a) => ({ productId: a.productId, code: a.code, name: a.name, producerName: a.producerName, setId: a.setId })),
    ...(eligible.data ?? []).filter((e) => !session.agenda.some((a) => a.productId === e.productId))
  ]
  return (
    <Stack gap="sm" data-testid="agenda">
      {rows.length === 0 ? <Text c="dimmed">{t('agenda.none')}</Text> : null}
      <Table striped withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th>{t('agenda.code')}</Table.Th>
            <Table.Th>{t('agenda.name')}</Table.Th>
            <Table.Th>{t('agenda.producer')}</Table.Th>
            <Table.Th>{t('agenda.set')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.productId} data-product-id={r.productId}>
              <Table.Td>
                <Checkbox
                  aria-label={t('agenda.pick', { name: r.name })}
                  checked={picked.includes(r.productId)}
                  disabled={!editable}
                  onChange={(e) => {
                    const on = e.currentTarget.checked
                    setPicked((p) => (on ? [...p, r.productId] : p.filter((x) => x !== r.productId)))
                  }}
                />
              </Table.Td>
              <Table.Td>{r.code}</Table.Td>
              <Table.Td fw={600}>{r.name}</Table.Td>
              <Table.Td>{r.producerName}</Table.Td>
              <Table.Td>{r.setId}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editable ? (
        <Group>
          <Button onClick={() => void save()} data-testid="save-agenda">{t('agenda.save', { count: picked.length })}</Button>
        </Group>
      ) : null}
      {error ? <Alert color="red" role="alert">{error}</Alert> : null}
    </Stack>
  )
}
