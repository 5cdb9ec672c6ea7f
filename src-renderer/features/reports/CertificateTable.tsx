import { Badge, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core'
import { IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Certificate } from '../../../src-main/shared/contract'
import { formatDay } from '../../../src-main/shared/vn-format'
import { ReplacedBy } from './ReplacedBy'

const STATE_COLOR = { valid: 'green', expired: 'gray', revoked: 'red', replaced: 'blue' } as const

/** Certificates with their expiry and re-evaluation window; `onRevoke` / `onPrint` add the action column. */
export function CertificateTable({ rows, onRevoke, onPrint, empty }: {
  rows: readonly Certificate[]
  onRevoke?: (c: Certificate) => void
  /** Prints the certificate's PDF (issued from a session; a recorded one has no file here). */
  onPrint?: (c: Certificate) => void
  /** What an empty list says; default "no certificate yet". */
  empty?: string
}) {
  const actions = !!(onRevoke || onPrint)
  const { t } = useTranslation('reports')
  if (rows.length === 0) return <Text c="dimmed">{empty ?? t('cert.none')}</Text>
  return (
    <Table striped withTableBorder data-testid="certificate-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cert.number')}</Table.Th>
          <Table.Th>{t('cert.product')}</Table.Th>
          <Table.Th>{t('cert.producer')}</Table.Th>
          <Table.Th>{t('cert.stars')}</Table.Th>
          <Table.Th>{t('cert.issuedOn')}</Table.Th>
          <Table.Th>{t('cert.expiryDate')}</Table.Th>
          <Table.Th>{t('cert.window')}</Table.Th>
          <Table.Th>{t('cert.state')}</Table.Th>
          {actions && <Table.Th><VisuallyHidden>{t('cert.actions')}</VisuallyHidden></Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((c) => (
          <Table.Tr key={c.id} data-cert-id={c.id} tabIndex={-1} data-state={c.state} data-phase={c.window.phase} data-recorded={c.recorded ? 'true' : 'false'}>
            <Table.Td>
              {c.number}
              {c.recorded && (
                <Text size="xs" c="dimmed">
                  {t('cert.recorded', { authority: c.issuingAuthority })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {c.productName} <Text span c="dimmed" size="xs">{c.productCode}</Text>
            </Table.Td>
            <Table.Td>{c.producerName}</Table.Td>
            <Table.Td>{t('cert.starsValue', { count: c.stars })}</Table.Td>
            <Table.Td>{c.issuedOn ? formatDay(c.issuedOn) : t('cert.unknownDate', { year: c.issuedYear })}</Table.Td>
            <Table.Td>
              {formatDay(c.expiryDate)}
              {c.state === 'valid' && <Text size="xs" c="dimmed">{t('cert.daysLeft', { count: c.daysLeft })}</Text>}
            </Table.Td>
            <Table.Td>
              {t('cert.windowRange', { opens: formatDay(c.window.opens), closes: formatDay(c.window.closes) })}
              <Text size="xs" c={c.window.phase === 'missed' ? 'red' : 'dimmed'}>{t(`cert.phase.${c.window.phase}`)}</Text>
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {/* The cell keeps the badge whole ("Còn hiệu lực", not "CÒN HI…"). */}
              <Badge color={STATE_COLOR[c.state]} tt="none" styles={{ root: { maxWidth: 'none', flexShrink: 0 }, label: { overflow: 'visible' } }}>{t(`cert.stateValue.${c.state}`)}</Badge>
              <ReplacedBy c={c} />
            </Table.Td>
            {actions && (
              <Table.Td>
                <Group gap={4} wrap="nowrap" justify="flex-end">
                  {onPrint && c.sessionId !== null && (
                    <Button size="xs" variant="subtle" leftSection={<IconPrinter size={14} />} onClick={() => onPrint(c)} aria-label={t('cert.printOf', { number: c.number })} data-testid={`cert-print-${c.id}`}>
                      {t('cert.print')}
                    </Button>
                  )}
                  {onRevoke && c.state === 'valid' && c.stars < 5 && (
                    <Button size="xs" variant="light" color="red" onClick={() => onRevoke(c)}>
                      {t('revoke.open')}
                    </Button>
                  )}
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
