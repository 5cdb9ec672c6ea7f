import { Alert, Button, Group, Modal, Stack, Table, Text, TextInput, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Output } from '../../../src-main/shared/contract'
import { useApi } from '../../api/context'
import { formatDateTime, formatTime } from '../../../src-main/shared/vn-format'

/** The server's minimum (services/backup MIN_REASON); the renderer may not import services. */
const MIN_REASON = 10

/** Phase 2 of a restore: the checked file's contents are shown and the person types the confirmation word. */
export function RestoreConfirm({ prepared, onClose, onRestored }: { prepared: Output<'backup.prepareRestore'> | null; onClose: () => void; onRestored: (safetyBackup: string) => void }) {
  const { t } = useTranslation('backup')
  const api = useApi()
  const [word, setWord] = useState('')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const expected = t('confirmWord')
  const close = () => {
    setWord('')
    setReason('')
    setError(null)
    onClose()
  }
  const confirm = async () => {
    if (!prepared) return
    setBusy(true)
    const r = await api.call('backup.confirmRestore', { token: prepared.token, ...(undoes.length > 0 ? { reason } : {}) })
    setBusy(false)
    setWord('')
    if (!r.ok) return setError(r.error.message)
    onRestored(r.value.safetyBackup)
  }
  const c = prepared?.check
  // Going back past a finalization needs a stated reason; the server refuses without one and logs it in the audit chain.
  const undoes = prepared?.undoes ?? []
  const reasonOk = undoes.length === 0 || reason.trim().length >= MIN_REASON
  return (
    <Modal opened={prepared !== null} onClose={close} title={t('confirmTitle')} size="lg">
      {prepared && c && (
        <Stack data-testid="restore-confirm">
          <Text size="sm">{t('confirmIntro', { name: prepared.fileName })}</Text>
          <Table withTableBorder>
            <Table.Tbody>
              <Table.Tr><Table.Td>{t('schema')}</Table.Td><Table.Td>{c.schemaVersion}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('producers')}</Table.Td><Table.Td>{c.counts.producers}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('products')}</Table.Td><Table.Td>{c.counts.products}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('councils')}</Table.Td><Table.Td>{c.counts.councils}</Table.Td></Table.Tr>
              <Table.Tr><Table.Td>{t('sessions')}</Table.Td><Table.Td>{c.counts.sessions}</Table.Td></Table.Tr>
            </Table.Tbody>
          </Table>
          {undoes.length > 0 && (
            <Alert color="red" title={t('undoesTitle')} data-testid="restore-undoes">
              {t('undoesBody', { sessions: undoes.map((u) => `#${u.sessionId} (${formatDateTime(u.finalizedAt)})`).join(', ') })}
              <Textarea mt="xs" label={t('undoesReason', { min: MIN_REASON })} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} data-testid="restore-reason" />
            </Alert>
          )}
          <Alert color="orange">{t('confirmWarning', { word: expected, expires: formatTime(prepared.expiresAt, true) })}</Alert>
          <TextInput label={t('confirmLabel', { word: expected })} value={word} onChange={(e) => setWord(e.currentTarget.value)} data-testid="restore-word" />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>{t('cancel')}</Button>
            <Button color="red" disabled={word.trim().toLocaleUpperCase('vi') !== expected || !reasonOk} loading={busy} onClick={() => void confirm()} data-testid="restore-confirm-button">{t('confirm')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
