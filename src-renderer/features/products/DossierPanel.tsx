import { Alert, Anchor, Badge, Button, Checkbox, FileButton, Group, Loader, Stack, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DOSSIER_FILE_MAX_BYTES, type Dossier } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64, fileToBase64 } from '../catalogue/files'

const kb = (n: number): string => (n < 1024 * 1024 ? `${Math.max(1, Math.round(n / 1024))} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`)

/** The Điều 6 checklist of one product: tick received items, attach files, complete the dossier. */
export function DossierPanel({ productId, onChanged }: { productId: number; onChanged: () => void }) {
  const { t } = useTranslation('catalogue')
  const api = useApi()
  const q = useQuery('dossier.get', { productId })
  const [dossier, setDossier] = useState<Dossier | null>(null)
  const [error, setError] = useState<string | null>(null)
  const d = dossier ?? q.data
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  if (!d) return <Loader />

  const apply = async (r: Promise<{ ok: true; value: Dossier } | { ok: false; error: { message: string } }>, statusChanges = false) => {
    const res = await r
    if (res.ok) {
      setDossier(res.value)
      setError(null)
      if (statusChanges) onChanged()
    } else setError(res.error.message)
  }
  const attach = async (itemKey: Dossier['items'][number]['key'], file: File | null) => {
    if (!file) return
    if (file.size > DOSSIER_FILE_MAX_BYTES) return setError(t('dossier.tooLarge'))
    await apply(api.call('dossier.attach', { productId, itemKey, fileName: file.name, contentBase64: await fileToBase64(file) }))
  }
  const download = async (fileId: number) => {
    const r = await api.call('dossier.download', { fileId })
    if (r.ok) downloadBase64(r.value.fileName, r.value.mime, r.value.contentBase64)
    else setError(r.error.message)
  }

  return (
    <Stack gap="xs" data-testid="dossier" data-complete={d.complete}>
      <Group justify="space-between">
        <Title order={4}>{t('dossier.title')}</Title>
        <Badge color={d.complete ? 'green' : 'orange'}>{d.complete ? t('dossier.completed') : t('dossier.incomplete')}</Badge>
      </Group>
      {!d.editable && d.complete ? <Text size="sm" c="dimmed">{t('dossier.locked')}</Text> : null}
      <Table withTableBorder>
        <Table.Tbody>
          {d.items.map((it) => (
            <Table.Tr key={it.key} data-item={it.key} data-satisfied={it.satisfied}>
              <Table.Td w={130}>
                <Checkbox
                  label={t('dossier.received')}
                  checked={it.checked}
                  disabled={!d.editable}
                  onChange={(e) => void apply(api.call('dossier.check', { productId, itemKey: it.key, checked: e.currentTarget.checked }))}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{it.label}</Text>
                {it.files.map((f) => (
                  <Group key={f.id} gap="xs" data-file={f.name}>
                    <Anchor size="sm" onClick={() => void download(f.id)}>{f.name}</Anchor>
                    <Text size="xs" c="dimmed">{kb(f.size)} · SHA-256 {f.sha256.slice(0, 12)}…</Text>
                    {d.editable ? <Button size="compact-xs" variant="subtle" color="red" onClick={() => void apply(api.call('dossier.removeFile', { fileId: f.id }))}>{t('dossier.remove')}</Button> : null}
                  </Group>
                ))}
              </Table.Td>
              <Table.Td w={150}>
                {it.acceptsFiles && d.editable ? (
                  <FileButton onChange={(f) => void attach(it.key, f)}>
                    {(props) => <Button size="xs" variant="light" {...props} data-attach={it.key}>{t('dossier.attach')}</Button>}
                  </FileButton>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {error ? <Alert color="red" data-status="error">{error}</Alert> : null}
      {d.editable ? (
        <Group>
          <Button color="green" onClick={() => void apply(api.call('dossier.complete', { productId }), true)}>{t('dossier.complete')}</Button>
        </Group>
      ) : null}
    </Stack>
  )
}
