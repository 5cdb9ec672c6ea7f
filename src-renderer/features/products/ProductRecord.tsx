import { Alert, Badge, Button, Modal, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatScore } from '../../../src-main/domain/star-band'
import { useQuery } from '../../api/context'
import { RecordCertificateForm } from './RecordCertificateForm'
import { formatDay } from '../../../src-main/shared/vn-format'
import { ReplacedBy } from '../reports/ReplacedBy'

const stars = (n: number | null) => (n ? '★'.repeat(n) : '—')

/** The product's evaluations (sessions it was on the agenda of, with the council's result) and its certificates. */
export function ProductEvaluations({ productId }: { productId: number }) {
  const { t } = useTranslation('product-history')
  const q = useQuery('products.evaluations', { productId })
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  const rows = q.data ?? []
  if (q.data && rows.length === 0) return <Text size="sm" c="dimmed">{t('evaluations.none')}</Text>
  return (
    <Table withTableBorder data-testid="product-evaluations" data-count={rows.length}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('evaluations.session')}</Table.Th>
          <Table.Th>{t('evaluations.status')}</Table.Th>
          <Table.Th>{t('evaluations.mean')}</Table.Th>
          <Table.Th>{t('evaluations.stars')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((e) => (
          <Table.Tr key={e.sessionId} data-session-status={e.sessionStatus}>
            <Table.Td>
              {e.roundName} — {formatDay(e.date)}
              {e.mode === 'written-opinions' ? <Text size="xs" c="dimmed">{t('evaluations.written')}</Text> : null}
            </Table.Td>
            <Table.Td>
              <Text size="sm" c={e.finalizedAt ? 'green' : 'dimmed'}>
                {e.finalizedAt ? t('evaluations.finalized') : t(`evaluations.sessionStatus.${e.sessionStatus}`)}
              </Text>
            </Table.Td>
            <Table.Td>{e.mean === null ? '—' : formatScore(e.mean)}</Table.Td>
            <Table.Td>
              {stars(e.stars)}
              {e.outcome && e.outcome !== 'none' ? <Text size="xs">{t(`evaluations.outcome.${e.outcome}`, { defaultValue: e.outcome })}</Text> : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}


/**
 * Certificates of this product; the list method has no product filter, so the (small) list is filtered here.
 * A certificate issued before the app is recorded from its paper here and marked as recorded, never as evaluated.
 */
export function ProductCertificates({ productId, onChanged }: { productId: number; onChanged?: () => void }) {
  const { t } = useTranslation('product-history')
  const q = useQuery('certificates.list', { filter: 'all', withinDays: 180 })
  const [recording, setRecording] = useState(false)
  if (q.error) return <Alert color="red">{q.error.message}</Alert>
  const rows = (q.data ?? []).filter((c) => c.productId === productId)
  const record = (
    <>
      <Button size="xs" variant="light" mt="xs" onClick={() => setRecording(true)} data-testid="record-certificate-open">
        {t('record.open')}
      </Button>
      <Modal opened={recording} onClose={() => setRecording(false)} title={t('record.title')} size="lg">
        <RecordCertificateForm
          productId={productId}
          onDone={() => {
            setRecording(false)
            q.reload()
            onChanged?.()
          }}
        />
      </Modal>
    </>
  )
  if (q.data && rows.length === 0)
    return (
      <>
        <Text size="sm" c="dimmed">{t('certificates.none')}</Text>
        {record}
      </>
    )
  return (
    <>
      <Table withTableBorder data-testid="product-certificates" data-count={rows.length}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.number')}</Table.Th>
            <Table.Th>{t('certificates.stars')}</Table.Th>
            <Table.Th>{t('certificates.validity')}</Table.Th>
            <Table.Th>{t('certificates.state')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Table.Tr key={c.id} data-cert-id={c.id} tabIndex={-1} data-state={c.state} data-recorded={c.recorded ? 'true' : 'false'}>
              <Table.Td>
                {c.number}
                <Text size="xs" c="dimmed">
                  {c.decisionDate ? t('certificates.decision', { no: c.decisionNo, date: formatDay(c.decisionDate) }) : t('certificates.decisionNoDate', { no: c.decisionNo })}
                </Text>
                {c.recorded && (
                  <>
                    <Text size="xs" c="dimmed">{t('certificates.authority', { authority: c.issuingAuthority })}</Text>
                    <Badge size="xs" variant="outline" color="gray">{t('certificates.recorded')}</Badge>
                  </>
                )}
              </Table.Td>
              <Table.Td>{stars(c.stars)}</Table.Td>
              <Table.Td>
                {c.issuedOn ? formatDay(c.issuedOn) : t('certificates.unknownDate', { year: c.issuedYear })} → {formatDay(c.expiryDate)}
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={c.state === 'valid' ? 'green' : c.state === 'expired' ? 'gray' : c.state === 'replaced' ? 'blue' : 'red'}>{t(`certificates.states.${c.state}`)}</Badge>
                <ReplacedBy c={c} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {record}
    </>
  )
}
