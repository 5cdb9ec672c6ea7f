import { Alert, Anchor, Badge, Drawer, Group, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApi, useQuery } from '../../api/context'

export interface DossierDrawerProps {
  productId: number | null
  opened: boolean
  onClose: () => void
}

/** The producer's dossier beside the sheet, read-only: items, whether each is met, and its files to open. */
export function DossierDrawer({ productId, opened, onClose }: DossierDrawerProps) {
  const { t } = useTranslation('scoring')
  const api = useApi()
  const dossier = useQuery('dossier.get', { productId: productId ?? 1 }, { skip: !opened || productId === null })

  const download = async (fileId: number) => {
    const r = await api.call('dossier.download', { fileId })
    if (!r.ok) return window.alert(r.error.message)
    const bytes = Uint8Array.from(atob(r.value.contentBase64), (ch) => ch.charCodeAt(0))
    const url = URL.createObjectURL(new Blob([bytes], { type: r.value.mime }))
    const a = document.createElement('a')
    a.href = url
    a.download = r.value.fileName
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={t('dossier.title')} data-testid="dossier-drawer">
      {dossier.error ? <Alert color="red">{dossier.error.message}</Alert> : null}
      {!dossier.data && !dossier.error ? <Loader /> : null}
      {dossier.data ? (
        <Stack gap="sm">
          <Badge color={dossier.data.complete ? 'green' : 'orange'} variant="light">
            {t(dossier.data.complete ? 'dossier.complete' : 'dossier.incomplete')}
          </Badge>
          {dossier.data.items.map((item) => (
            <Stack key={item.key} gap={2} data-dossier-item={item.key}>
              <Group gap="xs" wrap="nowrap">
                <Badge size="xs" color={item.satisfied ? 'green' : 'gray'} variant="light" style={{ flexShrink: 0 }}>
                  {t(item.satisfied ? 'dossier.satisfied' : 'dossier.missing')}
                </Badge>
                <Text size="sm" fw={600}>{item.label}</Text>
              </Group>
              {item.acceptsFiles && item.files.length === 0 ? <Text size="xs" c="dimmed" pl="md">{t('dossier.noFiles')}</Text> : null}
              {item.files.map((f) => (
                <Anchor key={f.id} size="sm" pl="md" component="button" type="button" onClick={() => void download(f.id)} aria-label={t('dossier.download', { name: f.name })}>
                  {f.name} ({Math.max(1, Math.round(f.size / 1024))} KB)
                </Anchor>
              ))}
            </Stack>
          ))}
        </Stack>
      ) : null}
    </Drawer>
  )
}
