import { Alert, Badge, Button, FileInput, Group, Loader, Modal, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Inspection } from '../../../src-main/shared/contract'
import { FINDING_RESULTS, INSPECTION_ITEMS, INSPECTION_ITEM_CODES, type InspectionItem } from '../../../src-main/shared/inspection'
import { REVOCATION_GROUNDS, groundLetter } from '../../../src-main/shared/certificates'
import { useApi, useQuery } from '../../api/context'
import { downloadBase64, fileToBase64 } from '../catalogue/files'
import { RevokeForm } from '../reports/RevokeForm'
import { RecordForm, type RecordTarget } from './RecordForm'
import { formatDay } from '../../../src-main/shared/vn-format'
import { OfficeDocumentActions } from '../office-documents/OfficeDocumentActions'

const OUTCOME_COLOR = { 'no-action': 'green', recommendations: 'orange', 'revocation-proposed': 'red' } as const

/** Biên bản kiểm tra of the year: list, one record in full, evidence, follow-up and the revocation it proposes. */
export function RecordsTab({ year, openId = null }: { year: number; openId?: number | null }) {
  const { t } = useTranslation('inspections')
  const list = useQuery('inspections.list', { year })
  const [open, setOpen] = useState<number | null>(openId)
  const [recording, setRecording] = useState<RecordTarget | null>(null)
  const selected = list.data?.find((i) => i.id === open) ?? null
  return (
    <Stack gap="sm" data-testid="records-tab">
      <Group>
        <Button variant="light" onClick={() => setRecording({ productId: null, planId: null, followUpOf: null })} data-testid="record-ad-hoc">{t('record.adHoc')}</Button>
      </Group>
      {list.error ? <Alert color="red">{list.error.message}</Alert> : null}
      {!list.data ? (
        <Loader size="sm" aria-label={t('loading')} />
      ) : list.data.length === 0 ? (
        <Alert color="gray">{t('records.none', { year })}</Alert>
      ) : (
        <Table withTableBorder striped highlightOnHover data-testid="records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('records.date')}</Table.Th>
              <Table.Th>{t('product')}</Table.Th>
              <Table.Th>{t('record.kind')}</Table.Th>
              <Table.Th>{t('record.outcome')}</Table.Th>
              <Table.Th>{t('records.followUp')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((i) => (
              <Table.Tr key={i.id} data-inspection-id={i.id}>
                <Table.Td>{formatDay(i.inspectedOn)}</Table.Td>
                <Table.Td><Text size="sm" fw={600}>{i.productName}</Text><Text size="xs" c="dimmed">{i.producerName}</Text></Table.Td>
                <Table.Td>{t(`kind.${i.kind}`)}</Table.Td>
                <Table.Td><Badge color={OUTCOME_COLOR[i.outcome]} variant="light">{t(`outcome.${i.outcome}`)}</Badge></Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {i.outcome === 'recommendations'
                      ? i.followedUpBy.length > 0
                        ? t('records.followedUp')
                        : t('records.deadline', { day: formatDay(i.deadline) })
                      : i.revocation
                        ? t('records.revoked', { number: i.revocation.number })
                        : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="subtle" aria-expanded={open === i.id} onClick={() => setOpen((o) => (o === i.id ? null : i.id))}>{open === i.id ? t('records.hide') : t('records.show')}</Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {selected ? <InspectionDetail inspection={selected} onChanged={list.reload} onFollowUp={() => setRecording({ productId: selected.productId, planId: null, followUpOf: selected.id })} /> : null}
      <Modal opened={recording !== null} onClose={() => setRecording(null)} title={recording?.followUpOf ? t('record.followUpTitle') : t('record.title')} size="xl">
        {recording ? (
          <RecordForm
            target={recording}
            onCancel={() => setRecording(null)}
            onDone={(created) => {
              setRecording(null)
              list.reload()
              setOpen(created.id)
            }}
          />
        ) : null}
      </Modal>
    </Stack>
  )
}

function InspectionDetail({ inspection: i, onChanged, onFollowUp }: { inspection: Inspection; onChanged: () => void; onFollowUp: () => void }) {
  const { t } = useTranslation('inspections')
  const api = useApi()
  const [item, setItem] = useState<InspectionItem>('quality-standard')
  const [file, setFile] = useState<File | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [revoking, setRevoking] = useState(false)
  // The revocation cites this record's biên bản by its registered number (the server refuses it before the number is given).
  const record = useQuery('officeDocuments.status', { ref: { kind: 'inspection-record', inspectionId: i.id } })
  const certificates = useQuery('certificates.list', { filter: 'valid', withinDays: 180 }, { skip: !revoking })
  const certificate = certificates.data?.find((c) => c.productId === i.productId) ?? null

  const attach = async () => {
    if (!file) return
    const r = await api.call('inspections.attachEvidence', { inspectionId: i.id, item, fileName: file.name, mime: file.type || 'application/octet-stream', contentBase64: await fileToBase64(file) })
    setError(r.ok ? null : r.error.message)
    if (r.ok) {
      setFile(null)
      onChanged()
    }
  }
  const download = async (id: number) => {
    const r = await api.call('inspections.evidenceFile', { id })
    if (r.ok) downloadBase64(r.value.fileName, r.value.mimeType, r.value.base64)
    else setError(r.error.message)
  }
  return (
    <Paper withBorder p="sm" data-testid="inspection-detail" data-inspection-id={i.id}>
      <Stack gap="xs">
        <Text fw={600}>{t('detail.title', { name: i.productName, day: formatDay(i.inspectedOn) })}</Text>
        <Text size="sm">{t('detail.team', { team: i.team })}</Text>
        <OfficeDocumentActions docRef={{ kind: 'inspection-record', inspectionId: i.id }} testId={`record-doc-${i.id}`} />
        <Table withTableBorder>
          <Table.Tbody>
            {i.findings.map((f) => (
              <Table.Tr key={f.item} data-item={f.item}>
                <Table.Td><Text size="sm">{INSPECTION_ITEMS[f.item]}</Text></Table.Td>
                <Table.Td><Badge color={f.result === 'pass' ? 'green' : f.result === 'fail' ? 'red' : 'orange'} variant="light">{FINDING_RESULTS[f.result]}</Badge></Table.Td>
                <Table.Td><Text size="sm">{f.note}</Text></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {i.outcome === 'recommendations' ? <Text size="sm">{t('detail.recommendation', { text: i.recommendation, day: formatDay(i.deadline) })}</Text> : null}
        {i.revocationGround ? <Text size="sm">{t('detail.ground', { letter: groundLetter(i.revocationGround), text: REVOCATION_GROUNDS[i.revocationGround] })}</Text> : null}
        <Text size="sm" fw={500}>{t('detail.evidence')}</Text>
        {i.evidence.length === 0 ? <Text size="xs" c="dimmed">{t('detail.noEvidence')}</Text> : null}
        {i.evidence.map((e) => (
          <Group key={e.id} gap="xs">
            <Button size="compact-xs" variant="subtle" onClick={() => void download(e.id)}>{e.name}</Button>
            <Text size="xs" c="dimmed">{INSPECTION_ITEMS[e.item]} · SHA-256 {e.sha256.slice(0, 16)}…</Text>
          </Group>
        ))}
        <Group align="flex-end">
          <Select label={t('detail.evidenceItem')} w={360} value={item} onChange={(v) => v && setItem(v as InspectionItem)} data={INSPECTION_ITEM_CODES.map((c) => ({ value: c, label: INSPECTION_ITEMS[c] }))} allowDeselect={false} />
          <FileInput label={t('detail.evidenceFile')} w={260} value={file} onChange={setFile} clearable />
          <Button onClick={() => void attach()} disabled={!file}>{t('detail.attach')}</Button>
        </Group>
        <Group>
          {i.outcome === 'recommendations' && i.followedUpBy.length === 0 ? <Button variant="light" onClick={onFollowUp} data-testid="follow-up">{t('detail.followUp')}</Button> : null}
          {i.outcome === 'revocation-proposed' && !i.revocation ? <Button color="red" variant="light" onClick={() => (record.reload(), setRevoking(true))} data-testid="open-revocation">{t('detail.revoke')}</Button> : null}
        </Group>
        {revoking ? (
          certificates.data && !certificate ? (
            <Alert color="orange">{t('detail.noCertificate')}</Alert>
          ) : certificate ? (
            <RevokeForm
              cert={certificate}
              proposal={{ inspectionId: i.id, ground: i.revocationGround!, conclusionRef: record.data?.assigned ? t('detail.conclusionRefNumber', { number: record.data.assigned }) : t('detail.conclusionRef', { day: formatDay(i.inspectedOn), id: i.id }), conclusionDate: record.data?.date ?? i.inspectedOn }}
              onDone={() => {
                setRevoking(false)
                onChanged()
              }}
            />
          ) : (
            <Loader size="sm" aria-label={t('loading')} />
          )
        ) : null}
        {error ? <Alert color="red" role="alert">{error}</Alert> : null}
      </Stack>
    </Paper>
  )
}
