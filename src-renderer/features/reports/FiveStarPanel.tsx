import { Alert, Button, Card, Code, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../../src-main/shared/contract'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64 } from '../catalogue/files'
import { readBundleManifest, type BundleManifestEntry } from './bundleManifest'
import { formatDay, formatNumber } from '../../../src-main/shared/vn-format'

const PARTS = ['letterId', 'advisoryReportId', 'councilReportId', 'approvalId'] as const
type Part = (typeof PARTS)[number]
/** The council's report and the approval decision must be of these kinds (the bundle refuses others). */
const KIND_OF: Partial<Record<Part, DocumentRecord['kind']>> = { councilReportId: 'report', approvalId: 'approval' }

const docLabel = (d: DocumentRecord) => `${d.number ?? '—'} · ${d.title} (${formatDay(d.date)}, ${d.format.toUpperCase()})`

/** Đề xuất 5 sao: the proposal bundle (zip) for a product the council proposed, with its manifest shown after download. */
export function FiveStarPanel() {
  const { t } = useTranslation('five-star')
  const api = useApi()
  const sessions = useQuery('sessions.list', {})
  const [sessionId, setSessionId] = useState<string | null>(null)
  const results = useQuery('results.list', { sessionId: Number(sessionId) }, { skip: !sessionId })
  const docs = useQuery('documents.list', { limit: 1000 })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [done, setDone] = useState<{ fileName: string; sha256: string; files: BundleManifestEntry[] } | null>(null)
  const form = useForm({
    initialValues: { productId: '', letterId: '', advisoryReportId: '', councilReportId: '', approvalId: '' },
    validate: (v) => {
      const errors: Record<string, string> = {}
      if (!v.productId) errors.productId = t('productRequired')
      const seen = new Set<string>()
      for (const p of PARTS) {
        if (!v[p]) errors[p] = t('docRequired')
        else if (seen.has(v[p])) errors[p] = t('docTwice')
        seen.add(v[p])
      }
      return errors
    }
  })
  const registered = (docs.data ?? []).filter((d) => d.kind !== 'pack')
  const options = (p: Part) =>
    registered.filter((d) => !KIND_OF[p] || d.kind === KIND_OF[p]).map((d) => ({ value: String(d.id), label: docLabel(d) }))
  const submit = form.onSubmit(async (v) => {
    setBusy(true)
    setError(null)
    setDone(null)
    const r = await api.call('exports.fiveStarBundle', {
      productId: Number(v.productId),
      letterId: Number(v.letterId),
      advisoryReportId: Number(v.advisoryReportId),
      councilReportId: Number(v.councilReportId),
      approvalId: Number(v.approvalId)
    })
    if (!r.ok) {
      setError(r.error.message)
      setBusy(false)
      return
    }
    downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
    try {
      setDone({ fileName: r.value.fileName, sha256: r.value.sha256, files: await readBundleManifest(r.value.base64) })
    } catch {
      setError(t('manifestUnreadable'))
    }
    setBusy(false)
  })
  const finalized = (sessions.data ?? []).filter((x) => x.status === 'finalized')
  // Finalizing marks products "rated"; the proposal itself is the result's outcome (≥ 90 points).
  const proposed = sessionId ? (results.data ?? []).filter((r) => r.outcome === 'proposed-5-star') : []
  const loadError = sessions.error ?? results.error ?? docs.error
  return (
    <Stack data-testid="five-star-panel">
      <Title order={4}>{t('title')}</Title>
      <Text size="sm" c="dimmed">
        {t('hint')}
      </Text>
      {loadError && <Alert color="red">{loadError.message}</Alert>}
      {sessionId && results.data && proposed.length === 0 && (
        <Alert color="gray" data-testid="five-star-none">
          {t('noProducts')}
        </Alert>
      )}
      <form onSubmit={submit} data-testid="five-star-form">
        <Stack>
          <Group grow align="flex-start">
            <Select
              label={t('session')}
              data={finalized.map((x) => ({ value: String(x.id), label: `${x.roundName} — ${formatDay(x.date)}` }))}
              value={sessionId}
              onChange={(v) => {
                setSessionId(v)
                form.setFieldValue('productId', '')
              }}
              data-testid="five-star-session"
            />
            <Select
              label={t('product')}
              searchable
              disabled={!sessionId}
              data={proposed.map((p) => ({ value: String(p.productId), label: `${p.code} — ${p.name} (${t('points', { points: p.meanText ?? p.mean ?? '' })})` }))}
              {...form.getInputProps('productId')}
              data-testid="five-star-product"
            />
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {PARTS.map((p) => (
              <Select key={p} label={t(`parts.${p}`)} searchable data={options(p)} {...form.getInputProps(p)} data-testid={`five-star-${p}`} />
            ))}
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={busy} data-testid="five-star-build">
              {t('build')}
            </Button>
          </Group>
        </Stack>
      </form>
      {error && (
        <Alert color="red" data-testid="five-star-error">
          {error}
        </Alert>
      )}
      {done && <Manifest {...done} />}
    </Stack>
  )
}

function Manifest({ fileName, sha256, files }: { fileName: string; sha256: string; files: BundleManifestEntry[] }) {
  const { t } = useTranslation('five-star')
  return (
    <Card withBorder data-testid="five-star-manifest" data-files={files.length}>
      <Text fw={600}>{t('downloaded', { fileName })}</Text>
      <Text size="xs" c="dimmed" mb="sm">
        SHA-256 <Code>{sha256}</Code>
      </Text>
      <Table striped withTableBorder fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('file')}</Table.Th>
            <Table.Th>{t('role')}</Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('size')}</Table.Th>
            <Table.Th>SHA-256</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {files.map((f) => (
            <Table.Tr key={f.path}>
              <Table.Td style={{ wordBreak: 'break-all' }}>{f.path}</Table.Td>
              <Table.Td>{f.role}</Table.Td>
              <Table.Td>{t('bytes', { size: formatNumber(f.size) })}</Table.Td>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{f.sha256}</Code>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  )
}
