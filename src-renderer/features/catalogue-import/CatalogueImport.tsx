import { Alert, Button, FileInput, Group, List, Loader, Stack, Tabs, Text } from '@mantine/core'
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { importBlockers } from '../../../src-main/domain/import-blockers'
import type { ImportPreview } from '../../../src-main/shared/api/catalogue-import'
import { useApi } from '../../api/context'
import { downloadBase64, fileToBase64 } from '../catalogue/files'
import { CommuneResolutions } from './CommuneResolutions'
import { DuplicateChoices, type RowChoice } from './DuplicateChoices'
import { PreviewTable } from './PreviewTable'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Template download, file choice, preview and commit. The preview is only for the user: the server recomputes it
 * from the same bytes (checked by SHA-256) at commit time and refuses while errors remain.
 */
export function CatalogueImport({ onImported }: { onImported?: () => void }) {
  const { t } = useTranslation('catalogue-import')
  const api = useApi()
  const [file, setFile] = useState<File | null>(null)
  const [upload, setUpload] = useState<{ fileName: string; contentBase64: string } | null>(null)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ producers: number; products: number; certificates: number; producersUpdated: number; productsUpdated: number } | null>(null)
  const [choices, setChoices] = useState<Array<{ row: number; communeCode: string }>>([])
  const [rowChoices, setRowChoices] = useState<RowChoice[]>([])

  const template = async () => {
    const r = await api.call('catalogueImport.template', {})
    if (r.ok) downloadBase64(r.value.fileName, XLSX_MIME, r.value.contentBase64)
    else setError(r.error.message)
  }
  const choose = async (f: File | null) => {
    setFile(f)
    setPreview(null)
    setDone(null)
    setError(null)
    setChoices([])
    setRowChoices([])
    if (!f) return
    setBusy(true)
    const u = { fileName: f.name, contentBase64: await fileToBase64(f) }
    const r = await api.call('catalogueImport.preview', u)
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setUpload(u)
    setPreview(r.value)
  }
  const withChoices = (c: typeof choices, rc: RowChoice[]) => ({ ...(c.length ? { choices: c } : {}), ...(rc.length ? { rowChoices: rc } : {}) })
  /** The preview recomputed by the server with every choice so far (communes and duplicates). */
  const repreview = async (c: typeof choices, rc: RowChoice[]) => {
    if (!upload) return
    setChoices(c)
    setRowChoices(rc)
    setBusy(true)
    const r = await api.call('catalogueImport.preview', { ...upload, ...withChoices(c, rc) })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setPreview(r.value)
  }
  const chooseCommune = (row: number, communeCode: string | null) =>
    repreview([...choices.filter((c) => c.row !== row), ...(communeCode ? [{ row, communeCode }] : [])], rowChoices)
  const chooseRow = (c: RowChoice, choice: string | null) =>
    repreview(choices, [...rowChoices.filter((x) => x.sheet !== c.sheet || x.row !== c.row), ...(choice ? [{ ...c, choice }] : [])])
  const commit = async () => {
    if (!upload || !preview) return
    setBusy(true)
    const r = await api.call('catalogueImport.commit', { ...upload, sha256: preview.sha256, ...withChoices(choices, rowChoices) })
    setBusy(false)
    if (!r.ok) return setError(r.error.message)
    setDone(r.value)
    setPreview(null)
    setFile(null)
    onImported?.()
  }

  const fileIssues = preview?.issues.filter((i) => i.sheet === 'file' || i.row === 1) ?? []
  const blocked = !preview || preview.errorCount > 0
  const found = importBlockers(preview ?? { errorCount: 0, resolutions: [], actions: [] })
  // Communes and duplicate rows are both chosen in the preview above; the summary counts the communes, the blockers
  // line says when duplicate rows are waiting too.
  const blockers = { fix: found.fix, choose: found.choose + found.duplicates }
  return (
    <Stack data-testid="catalogue-import">
      <Text size="sm">{t('intro')}</Text>
      <Group align="flex-end">
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void template()}>{t('template')}</Button>
        <FileInput
          w={380}
          label={t('choose')}
          placeholder={t('choosePlaceholder')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          leftSection={<IconFileSpreadsheet size={16} />}
          value={file}
          onChange={(f) => void choose(f)}
          clearable
        />
      </Group>
      {busy ? <Group gap="xs"><Loader size="sm" /><Text size="sm">{t('checking')}</Text></Group> : null}
      {error ? <Alert color="red" data-testid="import-error">{error}</Alert> : null}
      {done ? <Alert color="green" data-testid="import-done">{t('done', done)}</Alert> : null}
      {preview ? (
        <>
          <Alert color={preview.errorCount ? 'red' : 'green'} data-testid="import-summary" data-errors={preview.errorCount} data-warnings={preview.warningCount}>
            <Text fw={600}>
              {t(found.choose ? 'summaryChoices' : 'summary', { producers: preview.producers, products: preview.products, errors: found.fix, choices: found.choose, warnings: preview.warningCount })}
            </Text>
            <Text size="sm" data-testid="import-actions">
              {t('actions', {
                add: preview.actions.filter((a) => a.action === 'add').length,
                update: preview.actions.filter((a) => a.action === 'update').length,
                unchanged: preview.actions.filter((a) => a.action === 'unchanged').length,
                same: preview.actions.filter((a) => a.action === 'same-as-row').length,
                skip: preview.actions.filter((a) => a.action === 'skip').length,
                certificates: preview.certificates
              })}
            </Text>
            <Text size="sm" data-testid="import-blockers">
              {blockers.fix && blockers.choose
                ? t('blockedBoth', { ...blockers })
                : blockers.fix
                  ? t('blocked', { count: blockers.fix })
                  : found.duplicates
                    ? t('chooseFirst', { count: blockers.choose })
                    : blockers.choose
                      ? t('blockedChoices', { count: blockers.choose })
                      : t('ready')}
            </Text>
          </Alert>
          {fileIssues.length ? (
            <Alert color="red" title={t('fileIssues')}>
              <List size="sm">{fileIssues.map((i, k) => <List.Item key={k}>{i.message}</List.Item>)}</List>
            </Alert>
          ) : null}
          <CommuneResolutions preview={preview} onChoose={(row, code) => void chooseCommune(row, code)} />
          <DuplicateChoices preview={preview} onChoose={(c, choice) => void chooseRow(c, choice)} />
          <Tabs defaultValue="producers" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="producers">{t('sheet.producers')} ({preview.producers})</Tabs.Tab>
              <Tabs.Tab value="products">{t('sheet.products')} ({preview.products})</Tabs.Tab>
              <Tabs.Tab value="certificates">{t('sheet.certificates')} ({preview.rows.filter((r) => r.sheet === 'certificates').length})</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="producers" pt="xs"><PreviewTable preview={preview} sheet="producers" /></Tabs.Panel>
            <Tabs.Panel value="products" pt="xs"><PreviewTable preview={preview} sheet="products" /></Tabs.Panel>
            <Tabs.Panel value="certificates" pt="xs"><PreviewTable preview={preview} sheet="certificates" /></Tabs.Panel>
          </Tabs>
        </>
      ) : null}
      <Group>
        <Button color="green" disabled={blocked || busy} data-blocked={blocked ? 'true' : 'false'} onClick={() => void commit()}>
          {t('commit')}
        </Button>
      </Group>
    </Stack>
  )
}
