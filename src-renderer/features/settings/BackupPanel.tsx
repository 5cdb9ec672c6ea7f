import { Alert, Button, FileInput, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Output } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64, fileToBase64 } from '../catalogue/files'
import { RestoreConfirm } from './RestoreConfirm'
import { formatDateTime } from '../../../src-main/shared/vn-format'

type Check = Output<'backup.check'>
type Prepared = Output<'backup.prepareRestore'>
const MB = 1024 * 1024

/** Sao lưu: the rotated copies, a copy now, download, an integrity check, and a restore confirmed in two steps. */
export function BackupPanel() {
  const { t } = useTranslation('backup')
  const api = useApi()
  const list = useQuery('backup.list', {})
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  const [checked, setChecked] = useState<{ fileName: string; check: Check } | null>(null)
  const [prepared, setPrepared] = useState<Prepared | null>(null)
  const [busy, setBusy] = useState<string | null>(null)

  const run = async <T,>(key: string, p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>, done: (v: T) => void): Promise<void> => {
    setBusy(key)
    setMessage(null)
    const r = await p
    setBusy(null)
    if (r.ok) done(r.value)
    else setMessage({ ok: false, text: r.error.message })
  }
  const create = () => run('create', api.call('backup.create', {}), (e) => {
    setMessage({ ok: true, text: t('created', { name: e.fileName }) })
    list.reload()
  })
  const check = (fileName: string) => run(`check-${fileName}`, api.call('backup.check', { fileName }), (c) => setChecked({ fileName, check: c }))
  const download = (fileName: string) => run(`download-${fileName}`, api.call('backup.download', { fileName }), (f) => downloadBase64(f.fileName, 'application/vnd.sqlite3', f.contentBase64))
  const prepareFrom = async (fileName: string, contentBase64: string) => run('prepare', api.call('backup.prepareRestore', { fileName, contentBase64 }), setPrepared)
  const restoreListed = (fileName: string) =>
    run(`restore-${fileName}`, api.call('backup.download', { fileName }), (f) => void prepareFrom(f.fileName, f.contentBase64))
  /** Reasons are slugs in the file name ("chot-phien-12"); the known ones read as words, with their number. */
  const reasonLabel = (reason: string): string => {
    const m = /^(chot-phien|nhap-excel|thu-hoi-gcn|khoi-phuc)(?:-(\d+))?/.exec(reason)
    return m ? `${t(`reasons.${m[1]}`)}${m[2] ? ` ${m[2]}` : ''}` : reason
  }
  const restoreFile = async (file: File | null) => {
    if (file) await prepareFrom(file.name, await fileToBase64(file))
  }

  return (
    <Stack data-testid="backup-panel">
      <Title order={4}>{t('title')}</Title>
      <Text size="sm" c="dimmed">{t('intro')}</Text>
      <Group>
        <Button onClick={() => void create()} loading={busy === 'create'} data-testid="backup-now">{t('now')}</Button>
        <FileInput placeholder={t('restoreFile')} accept=".sqlite,.db,application/vnd.sqlite3" onChange={(f) => void restoreFile(f)} w={320} data-testid="restore-file" clearable />
      </Group>
      {message && <Alert color={message.ok ? 'green' : 'red'} data-testid="backup-message">{message.text}</Alert>}
      {checked && (
        <Alert color="green" data-testid="backup-check" onClose={() => setChecked(null)} withCloseButton>
          {t('checkOk', { name: checked.fileName, version: checked.check.schemaVersion, tables: checked.check.tables, ...checked.check.counts })}
        </Alert>
      )}
      {list.error && <Alert color="red">{list.error.message}</Alert>}
      {(list.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">{t('none')}</Text>
      ) : (
        <Table withTableBorder data-testid="backup-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('createdAt')}</Table.Th>
              <Table.Th>{t('kind')}</Table.Th>
              <Table.Th>{t('size')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(list.data ?? []).map((b) => (
              <Table.Tr key={b.fileName} data-backup={b.fileName} data-kind={b.kind}>
                <Table.Td>{formatDateTime(b.createdAt)}</Table.Td>
                <Table.Td>{t(`kinds.${b.kind}`)}{b.reason ? ` — ${reasonLabel(b.reason)}` : ''}</Table.Td>
                <Table.Td>{(b.byteSize / MB).toFixed(2)} MB</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button size="xs" variant="subtle" onClick={() => void check(b.fileName)} loading={busy === `check-${b.fileName}`}>{t('check')}</Button>
                    <Button size="xs" variant="subtle" onClick={() => void download(b.fileName)}>{t('download')}</Button>
                    <Button size="xs" variant="subtle" color="orange" onClick={() => void restoreListed(b.fileName)}>{t('restore')}</Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <RestoreConfirm
        prepared={prepared}
        onClose={() => setPrepared(null)}
        onRestored={(safety) => {
          setPrepared(null)
          setMessage({ ok: true, text: t('restored', { safety }) })
          list.reload()
        }}
      />
    </Stack>
  )
}
